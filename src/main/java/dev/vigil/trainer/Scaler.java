package dev.vigil.trainer;

import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import java.util.Arrays;
import java.util.List;

/**
 * Fits per-feature scaling {@code (x - center) / scale} on training rows: z-score (mean, standard
 * deviation), robust (median, interquartile range) or none. A zero spread becomes 1 so a constant
 * feature never divides by zero.
 */
final class Scaler {
    private Scaler() {}

    static ScalerParams fit(ScalerKind kind, List<double[]> rows, int features) {
        double[] center = new double[features];
        double[] scale = new double[features];
        for (int f = 0; f < features; f++) {
            double[] column = column(rows, f);
            center[f] = center(kind, column);
            scale[f] = nonZero(spread(kind, column, center[f]));
        }
        return ScalerParams.newBuilder()
                .setKind(kind)
                .setCenter(boxed(center))
                .setScale(boxed(scale))
                .build();
    }

    private static double[] column(List<double[]> rows, int f) {
        double[] column = new double[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i)[f];
        }
        return column;
    }

    private static double center(ScalerKind kind, double[] column) {
        return switch (kind) {
            case ZSCORE -> Arrays.stream(column).average().orElse(0);
            case ROBUST -> quantile(sorted(column), 0.5);
            case NONE -> 0;
        };
    }

    private static double spread(ScalerKind kind, double[] column, double center) {
        return switch (kind) {
            case ZSCORE ->
                Math.sqrt(Arrays.stream(column)
                                .map(v -> (v - center) * (v - center))
                                .sum()
                        / column.length);
            case ROBUST -> robustSpread(column);
            case NONE -> 1;
        };
    }

    private static double robustSpread(double[] column) {
        double[] s = sorted(column);
        double iqr = quantile(s, 0.75) - quantile(s, 0.25);
        if (iqr > 1e-12) {
            return iqr;
        }
        return spread(ScalerKind.ZSCORE, column, Arrays.stream(column).average().orElse(0));
    }

    private static double nonZero(double spread) {
        return spread > 1e-12 && Double.isFinite(spread) ? spread : 1.0;
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
