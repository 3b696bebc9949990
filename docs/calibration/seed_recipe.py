# The seed notebook 002's growing-NCA recipe in PyTorch, semantics verbatim: a calibration for MorphoSpark's Java
# implementation (docs/BENCHMARKS.md). Usage: python3 seed_recipe.py SEED EPOCHS clip|normalise THREADS [SIZE MIN_STEPS MAX_STEPS]
# Environment: DEVICE=cuda runs on a GPU (other random streams than the CPU, so other runs of the same seed);
# GROWN_EVERY=N also prints the MSE grown from the seed for 400 steps at fire rate 1 every N epochs (the eval path
# draws no random numbers, so the training trajectory is the same with or without it).
import os, sys, time, torch, torch.nn as nn, torch.nn.functional as F
DEVICE = torch.device(os.environ.get("DEVICE", "cpu")); GROWN_EVERY = int(os.environ.get("GROWN_EVERY", "0"))
seed = int(sys.argv[1]); epochs = int(sys.argv[2]); mode = sys.argv[3] if len(sys.argv) > 3 else "clip"
size = int(sys.argv[5]) if len(sys.argv) > 5 else 64; lo = int(sys.argv[6]) if len(sys.argv) > 6 else 64; hi = int(sys.argv[7]) if len(sys.argv) > 7 else 95
torch.manual_seed(seed); torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
C = 16
def create_seed(size):
    s = torch.zeros(1, C, size, size, device=DEVICE); s[0, 3, size // 2, size // 2] = 1.0; return s
class Perception(nn.Module):
    def __init__(self):
        super().__init__()
        sx = torch.tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float32) / 8.0
        sy = sx.T.contiguous()
        ident = torch.tensor([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=torch.float32)
        self.filters = nn.Parameter(torch.stack([ident, sx, sy]).repeat(C, 1, 1).view(-1, 1, 3, 3), requires_grad=False)
    def forward(self, x):
        return F.conv2d(x, self.filters, padding=1, groups=C)
class NCA(nn.Module):
    def __init__(self):
        super().__init__()
        self.perception = Perception()
        self.update_net = nn.Sequential(nn.Conv2d(3 * C, 128, 1), nn.ReLU(), nn.Conv2d(128, C, 1))
        nn.init.zeros_(self.update_net[-1].weight); nn.init.zeros_(self.update_net[-1].bias)
    def alive(self, s):
        return (F.max_pool2d(s[:, 3:4], 3, stride=1, padding=1) > 0.1).float()
    def forward(self, s, rate=0.5):
        pre = self.alive(s)
        d = self.update_net(self.perception(s))
        m = (torch.rand_like(s[:, :1]) < rate).float() if self.training else 1.0
        s = s + d * m
        return s * (pre * self.alive(s))
t = torch.zeros(1, 4, size, size); c = size // 2
y, x = torch.meshgrid(torch.arange(size), torch.arange(size), indexing='ij')
disc = torch.sqrt((x.float() - c) ** 2 + (y.float() - c) ** 2) < size * 0.35
t[0, 0][disc] = 1.0; t[0, 1][disc] = 0.5; t[0, 3][disc] = 1.0
t = t.to(DEVICE)
model = NCA().to(DEVICE); opt = torch.optim.Adam(model.parameters(), lr=2e-3)
pool = create_seed(size).repeat(256, 1, 1, 1)
start = time.time(); losses = []
def grown_mse(steps=400, rate=1.0):
    model.eval() if rate == 1.0 else model.train()
    with torch.no_grad():
        s = create_seed(size)
        for _ in range(steps):
            s = model(s, rate)
        r = F.mse_loss(torch.clamp(s[:, :4], 0, 1), t).item()
    model.train(); return r
for epoch in range(epochs):
    idx = torch.randint(0, 256, (4,)); b = pool[idx].clone(); n = torch.randint(lo, hi + 1, (1,)).item()
    for _ in range(n):
        b = model(b)
    vis = torch.clamp(b[:, :4], 0, 1); loss = F.mse_loss(vis, t.expand(4, -1, -1, -1))
    opt.zero_grad(); loss.backward()
    if mode == "clip":
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    else:
        for p in model.parameters():
            if p.grad is not None:
                p.grad /= p.grad.norm() + 1e-8
    opt.step()
    with torch.no_grad():
        pool[idx] = b.detach()
        bl = F.mse_loss(vis, t.expand(4, -1, -1, -1), reduction='none').mean(dim=(1, 2, 3))
        pool[idx[bl.argmax().item()]] = create_seed(size)[0]
    losses.append(loss.item())
    if epoch % 50 == 0 or epoch == epochs - 1:
        print(f"epoch {epoch} loss {loss.item():.6f} t {time.time() - start:.0f}s", flush=True)
    if GROWN_EVERY and (epoch + 1) % GROWN_EVERY == 0:
        print(f"epoch {epoch} grown400 fire1 {grown_mse(400):.6f}", flush=True)
tail = losses[-max(1, epochs // 10):]
print(f"final loss {loss.item():.6f} mean last 10% {sum(tail) / len(tail):.6f} grown200 fire1 {grown_mse(200):.6f} fire0.5 {grown_mse(200, 0.5):.6f} wall {time.time() - start:.0f}s", flush=True)
