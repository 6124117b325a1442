package dev.vigil.trainer;

import dev.vigil.nn.MatMul;
import java.util.List;

/**
 * The Java forward pass of an exported model, operation for operation what the ONNX graph computes
 * (in fp32): scale the raw window {@code z = (x - center) / scale}, run the dense layers to a
 * reconstruction {@code y} in scaled space, weigh each squared error by its feature's error weight
 * {@code e = (y - z)² · weight[f]} (1 / the feature's typical squared error on held-out validation
 * windows, or 1 when the model has no error normalisation), then
 *
 * <ul>
 *   <li>{@code score} = the model's {@link ScoreHead} of the mean over all W·F inputs of {@code e}
 *       (mean normalised squared error; the score itself for most variants, −ELBO for a variational
 *       model, T² and Q against their limits for PCA);
 *   <li>{@code feature_error[f]} = {@code e} of feature f averaged over the W readings;
 *   <li>{@code reconstruction[f]} = the newest reading's reconstruction in original units,
 *       {@code y[(W-1)·F + f] · scale[f] + center[f]}.
 * </ul>
 */
public final class InferenceModel {
    private final int features;
    private final int window;
    private final float[] center;
    private final float[] scale;
    private final List<DenseLayer> layers;
    private final float[] errorWeight;
    private final ScoreHead head;

    InferenceModel(int features, int window, float[] center, float[] scale, List<DenseLayer> layers) {
        this(features, window, center, scale, layers, ones(features));
    }

    InferenceModel(
            int features, int window, float[] center, float[] scale, List<DenseLayer> layers, float[] errorWeight) {
        this(features, window, center, scale, layers, errorWeight, ScoreHead.MeanError.PLAIN);
    }

    InferenceModel(
            int features,
            int window,
            float[] center,
            float[] scale,
            List<DenseLayer> layers,
            float[] errorWeight,
            ScoreHead head) {
        if (errorWeight.length != features) {
            throw new IllegalArgumentException(
                    "error weights: " + errorWeight.length + " for " + features + " features");
        }
        this.features = features;
        this.window = window;
        this.center = center;
        this.scale = scale;
        this.layers = List.copyOf(layers);
        this.errorWeight = errorWeight.clone();
        this.head = head;
    }

    /** This model with per-feature error weights {@code weight} (F values, each multiplying (y - z)²). */
    InferenceModel withErrorWeights(float[] weight) {
        return new InferenceModel(features, window, center, scale, layers, weight, head);
    }

    /** This model scoring with {@code head}. */
    InferenceModel withHead(ScoreHead head) {
        return new InferenceModel(features, window, center, scale, layers, errorWeight, head);
    }

    /** How the score is formed from the errors. */
    public ScoreHead head() {
        return head;
    }

    /**
     * This model with every error weight 1 and the plain mean-error score: its squared reconstruction
     * error, which, unlike a normalised score, −ELBO or a PCA statistic, can be compared with another model's.
     */
    public InferenceModel unweighted() {
        return new InferenceModel(features, window, center, scale, layers, ones(features), ScoreHead.MeanError.PLAIN);
    }

    private static float[] ones(int n) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        return w;
    }

    /** Scores of a batch: {@code score[N]}, {@code featureError[N×F]}, {@code reconstruction[N×F]}. */
    public record Scores(float[] score, float[] featureError, float[] reconstruction) {}

    /** Number of features F. */
    public int features() {
        return features;
    }

    /** Window length W. */
    public int window() {
        return window;
    }

    /** Input width W·F. */
    public int width() {
        return window * features;
    }

    /** Per-feature centers (F). */
    public float[] center() {
        return center.clone();
    }

    /** Per-feature scales (F). */
    public float[] scale() {
        return scale.clone();
    }

    /** Per-feature weights of the squared error (F); all 1 without error normalisation. */
    public float[] errorWeight() {
        return errorWeight.clone();
    }

    /** Whether any error weight differs from 1. */
    public boolean hasErrorWeights() {
        for (float w : errorWeight) {
            if (w != 1f) {
                return true;
            }
        }
        return false;
    }

    /** The dense layers from scaled input to scaled reconstruction. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** Scores {@code rows} raw input rows ({@code rows × W·F}, row-major). */
    public Scores score(float[] raw, int rows) {
        float[] z = scaleInputs(raw, rows);
        List<float[]> activations = head.needsActivations() ? activations(z, rows) : List.of();
        float[] y = activations.isEmpty() ? reconstructScaled(z, rows) : activations.get(activations.size() - 1);
        float[] score = new float[rows];
        float[] featureError = new float[rows * features];
        float[] reconstruction = new float[rows * features];
        for (int i = 0; i < rows; i++) {
            summarise(z, y, i, score, featureError, reconstruction);
            score[i] = head.score(score[i], activations, i);
        }
        return new Scores(score, featureError, reconstruction);
    }

    /** The scaled input followed by every layer's output. */
    List<float[]> activations(float[] scaled, int rows) {
        List<float[]> out = new java.util.ArrayList<>(List.of(scaled));
        for (DenseLayer layer : layers) {
            out.add(propagate(List.of(layer), out.get(out.size() - 1), rows));
        }
        return out;
    }

    private void summarise(float[] z, float[] y, int i, float[] score, float[] featureError, float[] reconstruction) {
        int width = width();
        float inverseWindow = 1f / window;
        double sum = 0;
        for (int j = 0; j < width; j++) {
            float d = y[i * width + j] - z[i * width + j];
            float sq = d * d * errorWeight[j % features];
            sum += sq;
            featureError[i * features + j % features] += sq * inverseWindow;
        }
        score[i] = (float) (sum / width);
        int newest = i * width + (window - 1) * features;
        for (int f = 0; f < features; f++) {
            reconstruction[i * features + f] = y[newest + f] * scale[f] + center[f];
        }
    }

    /** Raw rows to scaled rows, {@code (x - center[f]) / scale[f]} in fp32. */
    public float[] scaleInputs(float[] raw, int rows) {
        int width = width();
        float[] z = new float[rows * width];
        for (int i = 0; i < rows * width; i++) {
            int f = i % width % features;
            z[i] = (raw[i] - center[f]) / scale[f];
        }
        return z;
    }

    /** Scaled rows to their scaled reconstruction. */
    public float[] reconstructScaled(float[] scaled, int rows) {
        return propagate(layers, scaled, rows);
    }

    /** Runs {@code rows} rows through {@code layers}. */
    static float[] propagate(List<DenseLayer> layers, float[] input, int rows) {
        float[] h = input;
        for (DenseLayer layer : layers) {
            float[] out = new float[rows * layer.out()];
            float[] params = concat(layer.weights(), layer.bias());
            MatMul.affine(h, rows, layer.in(), params, 0, layer.weights().length, layer.out(), out);
            layer.activation().applyInPlace(out, out.length);
            h = out;
        }
        return h;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
