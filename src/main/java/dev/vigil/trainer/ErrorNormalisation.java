package dev.vigil.trainer;

/**
 * Per-feature error normalisation: each feature's squared error is divided by that feature's mean
 * squared error on the held-out validation windows, so a feature the model always reconstructs
 * badly no longer dominates the score, and a feature it reconstructs well counts when it breaks.
 * A scale is never below {@value #FLOOR} of the mean over features, so a feature reconstructed
 * almost perfectly (e.g. constant in training) cannot make the score explode on a tiny deviation.
 */
final class ErrorNormalisation {
    /** Lower bound of a feature's error scale, as a fraction of the mean scale over features. */
    static final double FLOOR = 0.1;

    private ErrorNormalisation() {}

    /** {@code fitted} with error weights from its validation errors, or unchanged when turned off. */
    static ModelTrainer.Fitted apply(ModelTrainer.Fitted fitted, WindowSet windows, TrainerConfig config) {
        if (!config.scoring().errorNormalisation()) {
            return fitted;
        }
        InferenceModel model = fitted.model();
        float[] errors =
                model.score(windows.validation(), windows.validationRows()).featureError();
        return new ModelTrainer.Fitted(
                model.withErrorWeights(weights(errors, windows.validationRows(), model.features())), fitted.history());
    }

    /** 1 / max(mean error of f, FLOOR × mean over features) for each feature f; all 1 if every error is 0. */
    static float[] weights(float[] featureErrors, int rows, int features) {
        double[] scale = new double[features];
        for (int i = 0; i < rows * features; i++) {
            scale[i % features] += featureErrors[i] / rows;
        }
        double floor = FLOOR * java.util.Arrays.stream(scale).average().orElse(0);
        float[] weight = new float[features];
        for (int f = 0; f < features; f++) {
            double s = Math.max(scale[f], floor);
            weight[f] = s > 0 && Double.isFinite(s) ? (float) (1 / s) : 1f;
        }
        return weight;
    }
}
