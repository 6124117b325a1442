#!/usr/bin/python3
"""Makes the PyTorch autoencoders that `vigil models import` is tested with (ModelImportTest).

Regenerate (Debian: apt-get install python3-torch, PyTorch 1.13; numpy comes with it):

    /usr/bin/python3 src/test/resources/import/make_torch_autoencoder.py

It writes, next to itself, deterministically (seeded; the ONNX bytes depend on the torch version):

  autoencoder.onnx               5 -> 3 -> 5 dense autoencoder over one reading (window 1) of the
                                 five sensors s0..s4. It takes RAW values: its own standardisation
                                 (training mean and standard deviation) is inside the graph, so it is
                                 imported with `--scaler none`.
  autoencoder_windowed.onnx      10 -> 4 -> 10 over windows of two readings (window 2), trained on
                                 z-scored values with the mean and population standard deviation of
                                 calibration.csv, so it is imported with `--scaler zscore` (Vigil fits
                                 exactly that scaler on the calibration sample).
  calibration.csv                2400 normal readings of one sensor unit (columns s0..s4).
  reconstructions.csv            inputs s0..s4 and autoencoder.onnx's reconstruction r0..r4 as
                                 PyTorch computed it, for normal and anomalous readings.
  windowed_reconstructions.csv   windows (a0..a4 = older reading, s0..s4 = newest) and the windowed
                                 model's reconstruction of the newest reading in raw units, r0..r4.

Both exports use opset 14 with a dynamic batch axis. The data is the manifold of the Java testkit's
SyntheticSensors.row: two slow latent signals a = sin(0.05 t + p), b = cos(0.013 t + p) mixed into
sensor f as 10 f + (1 + f % 3) (cos(f) a + sin(f + 1) b), plus noise 0.02 N(0, 1).
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FEATURES = 5
NAMES = ["s%d" % f for f in range(FEATURES)]


def sequence(rows, phase, rng):
    t = np.arange(rows)[:, None]
    a = np.sin(0.05 * t + phase)
    b = np.cos(0.013 * t + phase)
    f = np.arange(FEATURES)[None, :]
    mix = np.cos(f) * a + np.sin(f + 1) * b
    return 10 * f + (1 + f % 3) * mix + 0.02 * rng.standard_normal((rows, FEATURES))


def windows(seq, window):
    return np.stack([seq[t:t + window].reshape(-1) for t in range(len(seq) - window + 1)])


class Dense(torch.nn.Module):
    """in -> code (tanh) -> in, optionally standardising inside the graph."""

    def __init__(self, width, code, mean=None, std=None):
        super().__init__()
        self.encode = torch.nn.Linear(width, code)
        self.decode = torch.nn.Linear(code, width)
        self.inside = mean is not None
        if self.inside:
            self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
            self.register_buffer("std", torch.tensor(std, dtype=torch.float32))

    def forward(self, x):
        if self.inside:
            x = (x - self.mean) / self.std
        y = self.decode(torch.tanh(self.encode(x)))
        if self.inside:
            y = y * self.std + self.mean
        return y


def train(model, inputs, targets, steps=600):
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    x = torch.tensor(inputs, dtype=torch.float32)
    t = torch.tensor(targets, dtype=torch.float32)
    for _ in range(steps):
        opt.zero_grad()
        loss = torch.mean((model(x) - t) ** 2)
        loss.backward()
        opt.step()
    return float(loss)


def export(model, width, name, input_name, output_name):
    model.eval()
    torch.onnx.export(
        model,
        torch.zeros(1, width),
        os.path.join(HERE, name),
        opset_version=14,
        input_names=[input_name],
        output_names=[output_name],
        dynamic_axes={input_name: {0: "batch"}, output_name: {0: "batch"}},
    )


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join("%.9g" % v for v in row) + "\n")


def main():
    torch.manual_seed(7)
    rng = np.random.default_rng(7)
    train_rows = np.concatenate([sequence(1500, p, rng) for p in (0.0, 1.7, 3.1, 4.4)])
    calibration = sequence(2400, 2.3, rng).astype(np.float32).astype(np.float64)
    write_csv("calibration.csv", NAMES, calibration)

    mean, std = train_rows.mean(axis=0), train_rows.std(axis=0)
    raw = Dense(FEATURES, 3, mean, std)
    loss = train(raw, train_rows, train_rows)
    print("raw model: training MSE %.5f (raw units)" % loss)
    export(raw, FEATURES, "autoencoder.onnx", "x", "x_hat")
    probe = sequence(40, 5.0, rng).astype(np.float32)
    probe[30:, 1] += 15
    probe[30:, 2] -= 15
    with torch.no_grad():
        out = raw(torch.tensor(probe)).numpy()
    write_csv("reconstructions.csv", NAMES + ["r%d" % f for f in range(FEATURES)], np.hstack([probe, out]))

    cal_mean, cal_std = calibration.mean(axis=0), calibration.std(axis=0)
    tiled_mean, tiled_std = np.tile(cal_mean, 2), np.tile(cal_std, 2)
    train_windows = np.concatenate(
        [windows(train_rows[i * 1500:(i + 1) * 1500], 2) for i in range(4)])
    scaled = (train_windows - tiled_mean) / tiled_std
    windowed = Dense(2 * FEATURES, 4)
    loss = train(windowed, scaled, scaled)
    print("windowed model: training MSE %.5f (z-scored)" % loss)
    export(windowed, 2 * FEATURES, "autoencoder_windowed.onnx", "window", "reconstructed")
    inputs = windows(probe.astype(np.float64), 2).astype(np.float32)
    z = ((inputs - tiled_mean) / tiled_std).astype(np.float32)
    with torch.no_grad():
        y = windowed(torch.tensor(z)).numpy().astype(np.float64)
    newest = y[:, FEATURES:] * cal_std + cal_mean
    header = ["a%d" % f for f in range(FEATURES)] + NAMES + ["r%d" % f for f in range(FEATURES)]
    write_csv("windowed_reconstructions.csv", header, np.hstack([inputs, newest]))


if __name__ == "__main__":
    main()
