package dev.vigil.evaluate;

/** An x-y series reduced for plotting: per column of rows, its minimum then its maximum. */
record Series(double[] xs, double[] ys) {

    static Series minMax(double[] values, int columns) {
        int n = values.length;
        int perColumn = Math.max(1, (int) Math.ceil(n / (double) columns));
        int buckets = (n + perColumn - 1) / perColumn;
        double[] xs = new double[2 * buckets];
        double[] ys = new double[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = b * perColumn, to = Math.min(n, from + perColumn);
            double[] minMax = minMax(values, from, to);
            xs[2 * b] = from;
            ys[2 * b] = minMax[0];
            xs[2 * b + 1] = to - 1;
            ys[2 * b + 1] = minMax[1];
        }
        return new Series(xs, ys);
    }

    private static double[] minMax(double[] values, int from, int to) {
        double lo = Double.NaN, hi = Double.NaN;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(values[i])) {
                lo = Double.isNaN(lo) ? values[i] : Math.min(lo, values[i]);
                hi = Double.isNaN(hi) ? values[i] : Math.max(hi, values[i]);
            }
        }
        return new double[] {lo, hi};
    }
}
