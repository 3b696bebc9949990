# Training throughput of the seed's pattern CNN (REFERENCE.md section 4) in PyTorch on CPU, the
# reference for MorphoSpark's DL4J seed-cnn (ClassifierNetworks.SEED_CNN): the same network (conv
# 32/64/128 3x3 valid + ReLU + max-pool 2, FC 256, FC 128, dropout 0.5 after each, softmax), input
# k x 50 x 50, Adam 1e-3, cross-entropy, batch 32, on random inputs (throughput does not depend on
# the data). Prints one JSON line: samples/s for training and for inference.
# Usage: /usr/bin/python3 seed_cnn_throughput.py [THREADS] [BATCHES] [CLASSES] [FRAMES]
#   (Debian's python3-torch; not part of the build). Compare at the same thread count as the JVM.
import json, os, sys, time, torch, torch.nn as nn
# DEVICE=cuda (environment) measures a GPU instead; BATCH=n another minibatch than the seed's 32.
DEVICE = torch.device(os.environ.get("DEVICE", "cpu"))
THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
BATCHES = int(sys.argv[2]) if len(sys.argv) > 2 else 50
CLASSES = int(sys.argv[3]) if len(sys.argv) > 3 else 5
FRAMES = int(sys.argv[4]) if len(sys.argv) > 4 else 1
BATCH, SIDE = int(os.environ.get("BATCH", "32")), 50
torch.manual_seed(0); torch.set_num_threads(THREADS)
layers, channels = [], FRAMES
for filters in (32, 64, 128):
    layers += [nn.Conv2d(channels, filters, 3), nn.ReLU(), nn.MaxPool2d(2)]
    channels = filters
net = nn.Sequential(*layers, nn.Flatten(), nn.Linear(128 * 4 * 4, 256), nn.ReLU(), nn.Dropout(0.5),
                    nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, CLASSES)).to(DEVICE)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
x = torch.rand(BATCH, FRAMES, SIDE, SIDE, device=DEVICE); y = torch.randint(0, CLASSES, (BATCH,), device=DEVICE)
sync = torch.cuda.synchronize if DEVICE.type == "cuda" else (lambda: None)
def train(n):
    net.train()
    for _ in range(n):
        opt.zero_grad(); loss_fn(net(x), y).backward(); opt.step()
train(5); sync()  # warm-up
t0 = time.perf_counter(); train(BATCHES); sync(); train_s = time.perf_counter() - t0
net.eval()
with torch.no_grad():
    net(x)
    t0 = time.perf_counter()
    for _ in range(BATCHES):
        net(x)
    sync()
    infer_s = time.perf_counter() - t0
print(json.dumps({"torch": torch.__version__, "device": str(DEVICE), "threads": THREADS, "batch": BATCH, "input": [FRAMES, SIDE, SIDE], "classes": CLASSES,
                  "parameters": sum(p.numel() for p in net.parameters()),
                  "train_samples_per_s": BATCHES * BATCH / train_s, "inference_samples_per_s": BATCHES * BATCH / infer_s}))
