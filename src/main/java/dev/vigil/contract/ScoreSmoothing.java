package dev.vigil.contract;

import dev.vigil.contract.avro.ModelBundle;

/**
 * Smoothing of an entity's scores over time, shared by the trainer (which calibrates the thresholds
 * on equally smoothed validation scores) and the detector (which decides on the smoothed score): an
 * exponentially weighted moving average with span k, {@code s_t = s_{t-1} + α (x_t - s_{t-1})},
 * {@code α = 2 / (k + 1)}, starting at the first score. Span 1 is no smoothing. A bundle records its
 * span in its training configuration under {@value #CONFIG_KEY}; a bundle without it has span 1.
 */
public final class ScoreSmoothing {
    /** Key of the span in {@code ModelBundle.training.config}. */
    public static final String CONFIG_KEY = "scoreSmoothing";

    private final int span;
    private final double alpha;

    /** Smoothing with span {@code span} (at least 1). */
    public ScoreSmoothing(int span) {
        if (span < 1) {
            throw new IllegalArgumentException("score smoothing span must be >= 1, got " + span);
        }
        this.span = span;
        this.alpha = 2.0 / (span + 1);
    }

    /** The smoothing {@code bundle}'s thresholds were calibrated for. */
    public static ScoreSmoothing of(ModelBundle bundle) {
        String span = bundle.getTraining().getConfig().get(CONFIG_KEY);
        try {
            return new ScoreSmoothing(span == null ? 1 : Integer.parseInt(span.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bundle: " + CONFIG_KEY + " is not an integer: " + span, e);
        }
    }

    /** The span k. */
    public int span() {
        return span;
    }

    /** The next smoothed value after {@code previous} ({@code first}: no previous value) and {@code score}. */
    public double next(double previous, boolean first, double score) {
        return first ? score : previous + alpha * (score - previous);
    }

    /** The smoothed series of {@code scores}, in order. */
    public float[] smooth(float[] scores) {
        float[] out = new float[scores.length];
        double s = 0;
        for (int i = 0; i < scores.length; i++) {
            s = next(s, i == 0, scores[i]);
            out[i] = (float) s;
        }
        return out;
    }

    /**
     * The smoothed series of {@code scores}, restarting wherever {@code runStarts} is true (the first
     * score of each run of consecutive readings of one entity; the first score always starts one).
     */
    public double[] smooth(double[] scores, boolean[] runStarts) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            boolean first = i == 0 || runStarts[i];
            out[i] = next(first ? 0 : out[i - 1], first, scores[i]);
        }
        return out;
    }
}
