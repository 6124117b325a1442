package dev.vigil.bench;

/**
 * Ordinary least-squares line through points, used for the heap-after-GC trend of a soak run.
 *
 * @param slope change of y per unit of x
 * @param intercept y at x = 0
 */
public record LinearFit(double slope, double intercept) {

    /** Fits {@code ys} against {@code xs}; needs two distinct x values. */
    public static LinearFit of(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("need two or more (x, y) pairs, got " + xs.length + "/" + ys.length);
        }
        double meanX = mean(xs), meanY = mean(ys);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < xs.length; i++) {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x values are equal");
        }
        double slope = sxy / sxx;
        return new LinearFit(slope, meanY - slope * meanX);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
