package dev.vigil.ops.simulator;

/** Small statistics for the simulator tests. */
final class Stats {
    private Stats() {}

    static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElse(Double.NaN);
    }

    static double std(double[] x) {
        double mean = mean(x);
        return Math.sqrt(java.util.Arrays.stream(x)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElse(Double.NaN));
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxy / x.length / (std(x) * std(y));
    }

    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
