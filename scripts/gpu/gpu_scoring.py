"""Scoring cost of Vigil's exported autoencoders per row, CPU against GPU, on one machine.

Reads graphs dumped by DumpGraph.java (<name>.json + <name>.weights + <name>.check) and, where the
onnxruntime package is there, the .onnx files. Backends: onnxruntime with each available provider,
and a small interpreter of the graph (Sub, Div, Mul, Gemm, Relu, Tanh, Sigmoid, Identity,
ReduceMean) in numpy or torch (cpu / cuda). Each timing is end to end as the detector would see it:
float32 rows in host memory in, the score vector back in host memory.
usage: python3 gpu_scoring.py DIR OUT.json [backend ...]
"""
import json
import sys
import time

import numpy as np

BATCHES = [1, 8, 64, 512, 4096]


def load(d, name):
    g = json.load(open(f"{d}/{name}.json"))
    w = np.fromfile(f"{d}/{name}.weights", dtype="<f4")
    init = {k: w[v["offset"]:v["offset"] + v["n"]].reshape(v["dims"]) for k, v in g["init"].items()}
    check = np.fromfile(f"{d}/{name}.check", dtype="<f4")
    rows = 64
    x = check[:rows * g["width"]].reshape(rows, g["width"])
    return g, init, x, check[rows * g["width"]:]


class Interp:
    """Runs the dumped graph with array module `xp` (numpy or torch)."""

    def __init__(self, g, init, xp, to_dev, device=None):
        self.g, self.xp, self.to_dev, self.device = g, xp, to_dev, device
        self.init = {k: to_dev(v) for k, v in init.items()}

    def run(self, x):
        env = dict(self.init)
        env[self.g["input"]] = x
        xp = self.xp
        for n in self.g["nodes"]:
            a = [env[i] for i in n["in"]]
            op, at = n["op"], n["attrs"]
            if op == "Sub":
                r = a[0] - a[1]
            elif op == "Div":
                r = a[0] / a[1]
            elif op == "Mul":
                r = a[0] * a[1]
            elif op == "Gemm":
                A = a[0].T if at.get("transA", 0) else a[0]
                B = a[1].T if at.get("transB", 0) else a[1]
                r = at.get("alpha", 1.0) * (A @ B)
                if len(a) > 2:
                    r = r + at.get("beta", 1.0) * a[2]
            elif op == "Relu":
                r = xp.maximum(a[0], xp.zeros_like(a[0])) if xp is np else a[0].relu()
            elif op == "Tanh":
                r = xp.tanh(a[0])
            elif op == "Sigmoid":
                r = 1 / (1 + xp.exp(-a[0]))
            elif op == "Identity":
                r = a[0]
            elif op == "ReduceMean":
                axes = tuple(at.get("axes", [-1]))
                keep = bool(at.get("keepdims", 1))
                r = a[0].mean(axis=axes, keepdims=keep) if xp is np else a[0].mean(dim=axes, keepdim=keep)
            else:
                raise ValueError(f"op {op} not supported")
            env[n["out"][0]] = r
        return env["score"]


def numpy_backend(g, init):
    it = Interp(g, init, np, lambda v: v)
    return lambda x: np.asarray(it.run(x)).reshape(-1)


def torch_backend(g, init, device):
    import torch

    torch.backends.cuda.matmul.allow_tf32 = False
    it = Interp(g, init, torch, lambda v: torch.from_numpy(np.ascontiguousarray(v)).to(device), device)

    def run(x):
        with torch.inference_mode():
            s = it.run(torch.from_numpy(x).to(device, non_blocking=False))
            return s.reshape(-1).cpu().numpy()

    return run


def ort_backend(d, name, provider):
    import onnxruntime as ort

    so = ort.SessionOptions()
    s = ort.InferenceSession(f"{d}/{name}.onnx", so, providers=[provider])
    if s.get_providers()[0] != provider:
        raise RuntimeError(f"{provider} not active: {s.get_providers()}")
    inp = s.get_inputs()[0].name
    return lambda x: s.run(["score"], {inp: x})[0].reshape(-1)


def time_per_call(fn, x, budget=0.4):
    for _ in range(20):
        fn(x)
    n, start = 0, time.perf_counter()
    while True:
        fn(x)
        n += 1
        el = time.perf_counter() - start
        if el > budget and n >= 10:
            return el / n


def main():
    d, out = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3:] or ["numpy"]
    names = ["m8", "m32", "m32w8"]
    results = []
    for name in names:
        g, init, x_check, score_check = load(d, name)
        for b in wanted:
            try:
                if b == "numpy":
                    fn = numpy_backend(g, init)
                elif b.startswith("torch-"):
                    fn = torch_backend(g, init, b[len("torch-"):])
                elif b.startswith("ort-"):
                    fn = ort_backend(d, name, b[len("ort-"):])
                else:
                    raise ValueError(b)
                got = fn(x_check)
                err = float(np.max(np.abs(got - score_check) / (1e-6 + np.abs(score_check))))
            except Exception as e:  # report and go on: one missing backend must not hide the others
                print(f"{name} {b}: unavailable: {e}", flush=True)
                results.append({"model": name, "backend": b, "error": str(e)})
                continue
            rng = np.random.default_rng(1)
            for batch in BATCHES:
                x = rng.standard_normal((batch, g["width"]), dtype=np.float32)
                sec = time_per_call(fn, x)
                row = {"model": name, "backend": b, "width": g["width"], "batch": batch,
                       "us_per_call": sec * 1e6, "us_per_row": sec * 1e6 / batch,
                       "max_rel_err_vs_java_ort": err}
                results.append(row)
                print(f"{name:6s} {b:14s} batch {batch:5d}  {sec*1e6:10.1f} us/call  "
                      f"{sec*1e6/batch:8.3f} us/row  (parity {err:.1e})", flush=True)
    json.dump(results, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
