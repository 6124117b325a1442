package dev.vigil.trainer;

import dev.vigil.contract.avro.ScalerKind;
import java.util.List;

/**
 * Which scaler the trainer fits: one of the bundle's {@link ScalerKind}s, or {@link #AUTO}, which
 * looks at the training rows: data already inside [0, 1] in every feature (min-max scaled upstream)
 * is left as it is, anything else is z-scored. The bundle records the kind actually fitted.
 */
public enum ScalerChoice {
    /** NONE when every training value lies in [0, 1], else ZSCORE. */
    AUTO,
    /** Mean and standard deviation. */
    ZSCORE,
    /** Median and interquartile range. */
    ROBUST,
    /** No scaling. */
    NONE;

    /** The choice fitting exactly {@code kind}. */
    public static ScalerChoice of(ScalerKind kind) {
        return valueOf(kind.name());
    }

    /** The kind to fit on {@code rows}. */
    public ScalerKind resolve(List<double[]> rows) {
        if (this != AUTO) {
            return ScalerKind.valueOf(name());
        }
        return unitBounded(rows) ? ScalerKind.NONE : ScalerKind.ZSCORE;
    }

    private static boolean unitBounded(List<double[]> rows) {
        for (double[] row : rows) {
            for (double v : row) {
                if (!(v >= 0 && v <= 1)) {
                    return false;
                }
            }
        }
        return !rows.isEmpty();
    }
}
