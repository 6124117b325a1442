#!/usr/bin/env bash
# Whole-command training time, Vigil against the numpy reference trainer, interleaved in one run.
# Generates the seeded 100,000 x 32 CSV (scripts/low-rank-csv.py), then runs `vigil train` and
# numpy-ae-ref.py on the same network (32-16-4-16-32, 30 epochs, batch 256) ROUNDS times each,
# alternating, and prints each run's seconds and the median ratio numpy/vigil (>= 1: Vigil is at
# least as fast). usage: scripts/train-vs-numpy.sh [ROUNDS=3] [NUMPY_REF=../shared/tools/numpy-ae-ref.py]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
REF="${2:-$ROOT/../shared/tools/numpy-ae-ref.py}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CSV="$WORK/low-rank-100k.csv"
python3 "$ROOT/scripts/low-rank-csv.py" "$CSV" 100000 32 42
"$ROOT/vigil" --version >/dev/null # builds target/vigil.jar when needed, outside the timed runs

seconds() { # runs "$@" quietly, prints its wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

ratios=()
for round in $(seq 1 "$ROUNDS"); do
  v=$(seconds "$ROOT/vigil" train --data "$CSV" --out "$WORK/m.bundle" \
    --layers 16,4 --window 1 --epochs 30 --batch 256)
  n=$(seconds python3 "$REF" "$CSV" 32,16,4 30 256)
  r=$(echo "scale=3; $n / $v" | bc)
  ratios+=("$r")
  printf 'round %d  vigil %.2f s  numpy %.2f s  ratio numpy/vigil %.2f\n' "$round" "$v" "$n" "$r"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median ratio numpy/vigil %.2f over %d rounds (>= 1.00: Vigil at least as fast)\n' "$median" "$ROUNDS"
