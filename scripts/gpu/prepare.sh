#!/usr/bin/env bash
# Prepares the GPU scoring check: trains three seeded Vigil models (8 features x window 3, the
# 32-16-4 network, and 32 features x window 8 with 256-64-8 layers), extracts their ONNX graphs and
# dumps each as JSON + float32 weights + a parity sample scored by ONNX Runtime in Java, into DIR.
# Then, on a machine with a GPU (torch and/or onnxruntime installed there):
#   python3 scripts/gpu/gpu_scoring.py DIR out.json ort-CPUExecutionProvider ort-CUDAExecutionProvider torch-cpu torch-cuda
# usage: scripts/gpu/prepare.sh DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$(mkdir -p "$1" && cd "$1" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/scripts/low-rank-csv.py" "$WORK/d32.csv" 20000 32 42
python3 "$ROOT/scripts/low-rank-csv.py" "$WORK/d8.csv" 5000 8 7
train() { "$ROOT/vigil" train --data "$WORK/$1.csv" --out "$WORK/$2.bundle" --seed 1 "${@:3}" >/dev/null; }
train d8 m8 --epochs 3
train d32 m32 --layers 16,4 --window 1 --epochs 3
train d32 m32w8 --layers 256,64,8 --window 8 --epochs 1
CP="$ROOT/target/vigil.jar:$ROOT/target/lib/*"
for m in m8 m32 m32w8; do
  java -cp "$CP" "$ROOT/scripts/gpu/ExtractOnnx.java" "$WORK/$m.bundle" "$DIR/$m.onnx"
done
java -cp "$CP" "$ROOT/scripts/gpu/DumpGraph.java" "$DIR" "$DIR/m8.onnx" "$DIR/m32.onnx" "$DIR/m32w8.onnx"
cp "$ROOT/scripts/gpu/gpu_scoring.py" "$DIR/"
