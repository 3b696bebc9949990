#!/usr/bin/env bash
# PyTorch references on a GPU machine (the device tool's H200; no Java there): the seed CNN's training and
# inference throughput on CUDA, and the seed notebook's 64×64 growing-NCA recipe over several seeds, long
# enough to see whether the recipe's own targets (batch loss ≤ 0.01, grown MSE ≤ 0.02 at step 400) are reachable.
# Usage: OUT=dir EPOCHS=2000 SEEDS="0 1 2 3" LIMIT_S=440 bash docs/calibration/h200_calibration.sh
set -u
cd "$(dirname "$0")"
OUT=${OUT:-/tmp/calibration}; EPOCHS=${EPOCHS:-2000}; SEEDS=${SEEDS:-"0 1 2 3"}; LIMIT_S=${LIMIT_S:-440}
mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
{ nvidia-smi -L; python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'; nproc; } > "$OUT/machine.txt" 2>&1
for batch in 32 256; do
  DEVICE=cuda BATCH=$batch timeout 120 python3 seed_cnn_throughput.py 4 200 5 1
done > "$OUT/seed_cnn_cuda.jsonl" 2>&1
for seed in $SEEDS; do
  DEVICE=cuda GROWN_EVERY=250 timeout "$LIMIT_S" python3 seed_recipe.py "$seed" "$EPOCHS" clip 1 > "$OUT/recipe-seed$seed.log" 2>&1 &
done
wait
tail -n 3 "$OUT"/*.log
