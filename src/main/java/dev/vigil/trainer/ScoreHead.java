package dev.vigil.trainer;

import java.util.List;
import java.util.Map;

/**
 * How an {@link InferenceModel} turns a row's mean weighted squared error (and, for some variants,
 * its code) into the score. The exporter builds the same computation into the ONNX graph, so the
 * detector needs no special case; {@link #metadata()} names the choice in the bundle.
 */
public sealed interface ScoreHead {
    /**
     * The score of row {@code row}.
     *
     * @param meanError the row's mean over W·F inputs of the weighted squared error
     * @param activations the scaled input and each layer's output, {@code rows × width} each
     */
    float score(float meanError, List<float[]> activations, int row);

    /** Whether {@link #score} reads the activations (else the caller may pass an empty list). */
    boolean needsActivations();

    /** The manifest's description of the score. */
    String description();

    /** Entries for the ONNX model's {@code metadata_props} naming the score and its constants. */
    Map<String, String> metadata();

    /** The anomaly threshold the score is normalised to, or NaN when it is calibrated on validation scores. */
    default double fixedThreshold() {
        return Double.NaN;
    }

    /** The plain mean weighted squared error, with {@code metadata} naming it where a variant has a choice. */
    record MeanError(Map<String, String> metadata) implements ScoreHead {
        /** Mean error without metadata (every variant without a choice of score). */
        public static final MeanError PLAIN = new MeanError(Map.of());

        /** Copies the metadata. */
        public MeanError {
            metadata = Map.copyOf(metadata);
        }

        @Override
        public float score(float meanError, List<float[]> activations, int row) {
            return meanError;
        }

        @Override
        public boolean needsActivations() {
            return false;
        }

        @Override
        public String description() {
            return "mean squared error over the W*F inputs in scaled space, each feature's error divided by its"
                    + " mean on validation windows when training.errorNormalisation is true";
        }
    }

    /**
     * −ELBO of a variational model with the reconstruction term at the posterior mean:
     * {@code meanError + klScale · ½ Σ_j (μ_j² + exp(v_j) − v_j − 1)}, where μ is the output of layer
     * {@code codeLayer} and {@code v = log σ²} is {@code logVariance} applied to that layer's input.
     * With {@code klScale = β / (W·F)} and MSE this is the training objective at ε = 0 (decoder
     * variance ½ per input, or 1/(2·weight) with error normalisation; additive constants dropped).
     */
    record Elbo(int codeLayer, DenseLayer logVariance, float klScale) implements ScoreHead {
        @Override
        public float score(float meanError, List<float[]> activations, int row) {
            int k = logVariance.out();
            float[] mu = activations.get(codeLayer + 1);
            float[] v = InferenceModel.propagate(
                    List.of(logVariance), rowOf(activations.get(codeLayer), row, logVariance.in()), 1);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double m = mu[row * k + j];
                sum += m * m + Math.exp(v[j]) - v[j] - 1;
            }
            return (float) (meanError + klScale * 0.5 * sum);
        }

        @Override
        public boolean needsActivations() {
            return true;
        }

        @Override
        public String description() {
            return "-ELBO in training-loss units: mean (weighted) squared error of the mean decoding plus " + klScale
                    + " * KL(q(z|x) || N(0, I)) (beta / W*F); additive constants dropped";
        }

        @Override
        public Map<String, String> metadata() {
            return Map.of(VaeScore.METADATA_KEY, VaeScore.ELBO.cliName(), "vae.kl_scale", Float.toString(klScale));
        }
    }

    /**
     * PCA's two statistics against their limits: {@code T² = Σ_c t_c² · inverseEigenvalue[c]} of the
     * code t (output of layer {@code codeLayer}), Q = the mean weighted squared error, and the score
     * {@code rule.combine(T² / t2Limit, Q / qLimit)}, so the anomaly threshold is 1.
     */
    record Pca(int codeLayer, float[] inverseEigenvalue, float t2Limit, float qLimit, PcaRule rule)
            implements ScoreHead {
        /** T² / T²_lim of row {@code row}. */
        float t2Ratio(List<float[]> activations, int row) {
            int k = inverseEigenvalue.length;
            float[] t = activations.get(codeLayer + 1);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double v = t[row * k + c];
                sum += v * v * inverseEigenvalue[c];
            }
            return (float) (sum / t2Limit);
        }

        /** Q / Q_lim. */
        float qRatio(float meanError) {
            return meanError / qLimit;
        }

        @Override
        public float score(float meanError, List<float[]> activations, int row) {
            return rule.combine(t2Ratio(activations, row), qRatio(meanError));
        }

        @Override
        public boolean needsActivations() {
            return true;
        }

        @Override
        public String description() {
            return "PCA rule " + rule.cliName() + " of T2/T2_limit (Hotelling, F-distribution limit " + t2Limit
                    + ") and Q/Q_limit (mean weighted squared residual, empirical validation quantile " + qLimit
                    + "); anomalous above 1";
        }

        @Override
        public Map<String, String> metadata() {
            return Map.of(
                    PcaRule.METADATA_KEY,
                    rule.cliName(),
                    "pca.t2_limit",
                    Float.toString(t2Limit),
                    "pca.q_limit",
                    Float.toString(qLimit));
        }

        @Override
        public double fixedThreshold() {
            return 1.0;
        }

        /** This head with Q limit {@code qLimit}. */
        Pca withQLimit(float qLimit) {
            return new Pca(codeLayer, inverseEigenvalue, t2Limit, qLimit, rule);
        }
    }

    private static float[] rowOf(float[] values, int row, int width) {
        return java.util.Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }
}
