# Records a short run of the seed notebook's growing-NCA recipe in PyTorch -- initial weights, every random choice
# (batch indices, step counts, fire masks) and the resulting losses, gradient norms and final weights -- so that
# MorphoSpark's trainer can replay the same choices and be compared number for number (ReplayAgainstPyTorchTest).
# The recipe is seed_recipe.py's, on a small grid; one deliberate difference from the notebook: the batch is drawn
# without replacement (torch.randperm), as MorphoSpark draws it, so the pool write-back is unambiguous.
# Usage: /usr/bin/python3 replay_trace.py OUT.json [clip|normalise]   (Debian's python3-torch; not part of the build)
# normalise: Distill's per-variable g / (|g| + 1e-8) in place of the clip.
import json, sys, torch, torch.nn as nn, torch.nn.functional as F
MODE = sys.argv[2] if len(sys.argv) > 2 else "clip"
torch.manual_seed(7); torch.set_num_threads(1)
C, SIZE, POOL, BATCH, LO, HI, EPOCHS, RATE, LR, CLIP = 16, 16, 8, 2, 8, 12, 12, 0.5, 2e-3, 0.3  # clip 0.3: half the epochs clip
def create_seed():
    s = torch.zeros(1, C, SIZE, SIZE); s[0, 3, SIZE // 2, SIZE // 2] = 1.0; return s
sx = torch.tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=torch.float32) / 8.0
filters = torch.stack([torch.tensor([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=torch.float32), sx, sx.T.contiguous()])
filters = filters.repeat(C, 1, 1).view(-1, 1, 3, 3)
net = nn.Sequential(nn.Conv2d(3 * C, 128, 1), nn.ReLU(), nn.Conv2d(128, C, 1))
nn.init.zeros_(net[2].weight); nn.init.zeros_(net[2].bias)
def alive(s):
    return (F.max_pool2d(s[:, 3:4], 3, stride=1, padding=1) > 0.1).float()
def step(s, m):
    pre = alive(s)
    s = s + net(F.conv2d(s, filters, padding=1, groups=C)) * m
    return s * (pre * alive(s))
t = torch.zeros(1, 4, SIZE, SIZE); c = SIZE // 2
y, x = torch.meshgrid(torch.arange(SIZE), torch.arange(SIZE), indexing='ij')
disc = torch.sqrt((x.float() - c) ** 2 + (y.float() - c) ** 2) < SIZE * 0.35
t[0, 0][disc] = 1.0; t[0, 1][disc] = 0.5; t[0, 3][disc] = 1.0
flat = lambda p: [float(f"{v:.9g}") for v in p.detach().reshape(-1).tolist()]  # float32 round-trips in 9 digits
trace = {"size": SIZE, "pool": POOL, "batch": BATCH, "min_steps": LO, "max_steps": HI, "fire_rate": RATE,
         "learning_rate": LR, "clip_norm": CLIP, "gradient": MODE, "seed_cell": "alpha",
         "initial": {"w1": flat(net[0].weight.reshape(128, 3 * C).T), "b1": flat(net[0].bias)}, "epochs": []}
opt = torch.optim.Adam(net.parameters(), lr=LR)
pool = create_seed().repeat(POOL, 1, 1, 1)
for epoch in range(EPOCHS):
    idx = torch.randperm(POOL)[:BATCH]; n = int(torch.randint(LO, HI + 1, (1,)).item())
    b = pool[idx].clone(); masks = []
    for _ in range(n):
        m = (torch.rand(BATCH, 1, SIZE, SIZE) < RATE).float(); masks.append(m)
        b = step(b, m)
    vis = torch.clamp(b[:, :4], 0, 1); loss = F.mse_loss(vis, t.expand(BATCH, -1, -1, -1))
    opt.zero_grad(); loss.backward()
    if MODE == "clip":
        norm = torch.nn.utils.clip_grad_norm_(net.parameters(), CLIP)
    else:
        norm = torch.sqrt(sum((p.grad ** 2).sum() for p in net.parameters()))
        for p in net.parameters():
            p.grad /= p.grad.norm() + 1e-8
    opt.step()
    with torch.no_grad():
        pool[idx] = b.detach()
        bl = F.mse_loss(vis, t.expand(BATCH, -1, -1, -1), reduction='none').mean(dim=(1, 2, 3))
        pool[idx[bl.argmax()]] = create_seed()[0]
    # one hex string per step: cells in [batch, y, x] order, 4 cells per digit, the first cell the digit's high bit
    hexmask = lambda m: "".join("%x" % int("".join("1" if v else "0" for v in m[i:i + 4]), 2) for i in range(0, len(m), 4))
    trace["epochs"].append({"batch": [int(i) for i in idx], "steps": n, "loss": float(loss), "gradient_norm": float(norm),
                            "fire": [hexmask(m.reshape(-1).tolist()) for m in masks]})
    print(f"epoch {epoch} batch {idx.tolist()} steps {n} loss {loss.item():.6f} |g| {float(norm):.4f}", flush=True)
trace["final"] = {"w1": flat(net[0].weight.reshape(128, 3 * C).T), "b1": flat(net[0].bias),
                  "w2": flat(net[2].weight.reshape(C, 128).T), "b2": flat(net[2].bias)}
with open(sys.argv[1], "w") as f:
    json.dump(trace, f)
