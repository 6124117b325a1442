package dev.vigil.trainer.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Held-out model inputs: {@code count} rows of W·F raw values (row-major, oldest reading first, as
 * {@code ModelContract} defines the input), with the score the model in use gave each one on the
 * stream (NaN where another version scored it).
 *
 * @param raw the inputs, {@code count × width} floats
 * @param count number of windows
 * @param width W·F
 * @param currentScores the in-use model's recorded score of each window, or NaN
 * @param segmentStarts whether each window is the first of a run of consecutive windows of one
 *     entity (a model's scores are smoothed over such runs, as the detector smooths them)
 */
public record HoldoutWindows(float[] raw, int count, int width, double[] currentScores, boolean[] segmentStarts) {
    /** Windows that form one run of consecutive readings. */
    public HoldoutWindows(float[] raw, int count, int width, double[] currentScores) {
        this(raw, count, width, currentScores, oneRun(count));
    }

    private static boolean[] oneRun(int count) {
        boolean[] starts = new boolean[count];
        if (count > 0) {
            starts[0] = true;
        }
        return starts;
    }

    /** Collects windows of a fixed length. */
    static final class Builder {
        private final int window;
        private final List<float[]> rows = new ArrayList<>();
        private final List<Double> scores = new ArrayList<>();
        private final List<Boolean> starts = new ArrayList<>();
        private int width = -1;

        Builder(int window) {
            this.window = window;
        }

        /**
         * Adds the window of {@code window} rows ending at {@code end}; {@code startsRun} when it does
         * not directly follow the previous window added.
         */
        void add(double[][] sequence, int end, double currentScore, boolean startsRun) {
            int features = sequence[end].length;
            float[] row = new float[window * features];
            for (int r = 0; r < window; r++) {
                double[] values = sequence[end - window + 1 + r];
                for (int f = 0; f < features; f++) {
                    row[r * features + f] = (float) values[f];
                }
            }
            width = row.length;
            rows.add(row);
            scores.add(currentScore);
            starts.add(startsRun);
        }

        HoldoutWindows build() {
            float[] raw = new float[rows.size() * Math.max(width, 0)];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, raw, i * width, width);
            }
            double[] current = scores.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] runStarts = new boolean[starts.size()];
            for (int i = 0; i < runStarts.length; i++) {
                runStarts[i] = starts.get(i);
            }
            return new HoldoutWindows(raw, rows.size(), Math.max(width, 0), current, runStarts);
        }
    }
}
