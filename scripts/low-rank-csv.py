#!/usr/bin/env python3
"""Writes a reproducible synthetic training CSV for speed comparisons: ROWS rows of COLS features,
each row a random mix of 4 fixed Gaussian directions plus 5 % noise (the shape TrainingThroughput
trains on), header f0..f{COLS-1}, 6 significant digits.
usage: low-rank-csv.py OUT.csv [ROWS=100000] [COLS=32] [SEED=42]"""
import sys
import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
cols = int(sys.argv[3]) if len(sys.argv) > 3 else 32
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
rng = np.random.default_rng(seed)
basis = rng.normal(size=(4, cols))
x = rng.uniform(-1, 1, size=(rows, 4)) @ basis + 0.05 * rng.normal(size=(rows, cols))
np.savetxt(out, x, fmt="%.6g", delimiter=",", header=",".join(f"f{j}" for j in range(cols)), comments="")
