package dev.vigil.nn;

/**
 * Reconstruction losses. Each call adds the loss of {@code count} predictions divided by
 * {@code normaliser} (the element count of the whole mini-batch, so chunks of one batch sum to the
 * batch mean) and writes the matching gradient d loss / d prediction.
 */
public enum Loss {
    /** Mean squared error. */
    MSE {
        @Override
        double term(float y, float t) {
            double d = y - t;
            return d * d;
        }

        @Override
        double slope(float y, float t) {
            return 2.0 * (y - t);
        }
    },
    /** Mean absolute error (sub-gradient 0 at equality). */
    MAE {
        @Override
        double term(float y, float t) {
            return Math.abs(y - t);
        }

        @Override
        double slope(float y, float t) {
            return Math.signum(y - t);
        }
    },
    /** Binary cross-entropy for targets in [0, 1] and predictions in (0, 1) (use a sigmoid output). */
    BCE {
        @Override
        double term(float y, float t) {
            double p = clamp(y);
            return -(t * Math.log(p) + (1.0 - t) * Math.log(1.0 - p));
        }

        @Override
        double slope(float y, float t) {
            double p = clamp(y);
            return (p - t) / (p * (1.0 - p));
        }
    };

    private static final double EPS = 1e-7;

    static double clamp(double p) {
        return Math.min(1.0 - EPS, Math.max(EPS, p));
    }

    abstract double term(float y, float t);

    abstract double slope(float y, float t);

    /**
     * Returns sum(loss)/normaliser over the first {@code count} values and writes the gradient into
     * {@code grad} (overwriting).
     */
    public double evaluate(float[] predicted, float[] target, int count, double normaliser, float[] grad) {
        if (this == MSE) {
            return squaredError(predicted, target, count, normaliser, grad);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += term(predicted[i], target[i]);
            grad[i] = (float) (slope(predicted[i], target[i]) / normaliser);
        }
        return sum / normaliser;
    }

    /** MSE in a tight float loop (the hot path of training). */
    private static double squaredError(float[] predicted, float[] target, int count, double normaliser, float[] grad) {
        float slope = (float) (2.0 / normaliser);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            float d = predicted[i] - target[i];
            sum += d * d;
            grad[i] = slope * d;
        }
        return sum / normaliser;
    }

    /** Returns sum(loss)/normaliser without a gradient. */
    public double value(float[] predicted, float[] target, int count, double normaliser) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += term(predicted[i], target[i]);
        }
        return sum / normaliser;
    }
}
