package dev.vigil.detector.decision;

import java.util.Arrays;

/**
 * Streaming quantile estimate in constant memory: the P² algorithm of Jain and Chlamtac (1985),
 * five markers adjusted by piecewise-parabolic interpolation.
 */
public final class P2Quantile {
    private final double p;
    private final double[] heights;
    private final double[] positions;
    private final double[] desired;
    private long count;

    public P2Quantile(double p) {
        this(p, new double[5], new double[5], new double[5], 0);
    }

    private P2Quantile(double p, double[] heights, double[] positions, double[] desired, long count) {
        this.p = p;
        this.heights = heights;
        this.positions = positions;
        this.desired = desired;
        this.count = count;
    }

    /** Adds one observation. */
    public void add(double x) {
        if (count < 5) {
            heights[(int) count++] = x;
            if (count == 5) {
                start();
            }
            return;
        }
        count++;
        int cell = cellOf(x);
        for (int i = cell + 1; i < 5; i++) {
            positions[i]++;
        }
        double[] increments = {0, p / 2, p, (1 + p) / 2, 1};
        for (int i = 0; i < 5; i++) {
            desired[i] += increments[i];
        }
        for (int i = 1; i < 4; i++) {
            adjust(i);
        }
    }

    private void start() {
        Arrays.sort(heights);
        for (int i = 0; i < 5; i++) {
            positions[i] = i + 1;
        }
        desired[0] = 1;
        desired[1] = 1 + 2 * p;
        desired[2] = 1 + 4 * p;
        desired[3] = 3 + 2 * p;
        desired[4] = 5;
    }

    private int cellOf(double x) {
        if (x < heights[0]) {
            heights[0] = x;
            return 0;
        }
        if (x >= heights[4]) {
            heights[4] = x;
            return 3;
        }
        int cell = 0;
        while (x >= heights[cell + 1]) {
            cell++;
        }
        return cell;
    }

    private void adjust(int i) {
        double d = desired[i] - positions[i];
        boolean up = d >= 1 && positions[i + 1] - positions[i] > 1;
        boolean down = d <= -1 && positions[i - 1] - positions[i] < -1;
        if (!up && !down) {
            return;
        }
        int s = up ? 1 : -1;
        double candidate = parabolic(i, s);
        heights[i] = heights[i - 1] < candidate && candidate < heights[i + 1] ? candidate : linear(i, s);
        positions[i] += s;
    }

    private double parabolic(int i, int s) {
        double n0 = positions[i - 1], n1 = positions[i], n2 = positions[i + 1];
        double left = (n1 - n0 + s) * (heights[i + 1] - heights[i]) / (n2 - n1);
        double right = (n2 - n1 - s) * (heights[i] - heights[i - 1]) / (n1 - n0);
        return heights[i] + s / (n2 - n0) * (left + right);
    }

    private double linear(int i, int s) {
        return heights[i] + s * (heights[i + s] - heights[i]) / (positions[i + s] - positions[i]);
    }

    /** Observations so far. */
    public long count() {
        return count;
    }

    /** The current estimate; NaN before any observation. */
    public double value() {
        if (count >= 5) {
            return heights[2];
        }
        if (count == 0) {
            return Double.NaN;
        }
        double[] seen = Arrays.copyOf(heights, (int) count);
        Arrays.sort(seen);
        return seen[(int) Math.min(count - 1, Math.round(p * (count - 1)))];
    }

    /** State as 16 doubles: count, then heights, positions and desired positions. */
    public double[] toArray() {
        double[] out = new double[16];
        out[0] = count;
        System.arraycopy(heights, 0, out, 1, 5);
        System.arraycopy(positions, 0, out, 6, 5);
        System.arraycopy(desired, 0, out, 11, 5);
        return out;
    }

    /** Restores {@link #toArray()} output. */
    public static P2Quantile fromArray(double p, double[] state) {
        return new P2Quantile(
                p,
                Arrays.copyOfRange(state, 1, 6),
                Arrays.copyOfRange(state, 6, 11),
                Arrays.copyOfRange(state, 11, 16),
                (long) state[0]);
    }
}
