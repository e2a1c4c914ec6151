#!/usr/bin/env bash
# On the device machine: appends the piece carried by this call to the archive, and once
# every piece is there (checked by hash), unpacks and runs the GPU check.
# Usage: bench/gpu/device-run.sh PART   (PART: bench/gpu/out/part-NN carried by this call)
set -euo pipefail
stage=/tmp/store-gpucheck
mkdir -p "$stage"
cat "$1" >> "$stage/gpucheck.tar.zst"
if [ "$(sha256sum "$stage/gpucheck.tar.zst" | cut -d' ' -f1)" != "$(cat bench/gpu/out/gpucheck.sha256)" ]; then
  echo "have $(stat -c %s "$stage/gpucheck.tar.zst") bytes; send the next piece"
  exit 0
fi
mkdir -p "$stage/app" && zstd -dc "$stage/gpucheck.tar.zst" | tar -C "$stage/app" -xf -
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "nvidia-smi: not found"
STORE_MODEL_CACHE="$stage/models" "$stage/app/Store.GpuCheck" | tee "${OUT:-/tmp}/gpucheck.txt"
