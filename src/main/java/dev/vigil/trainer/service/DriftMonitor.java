package dev.vigil.trainer.service;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Watches the last N live scores of the model in use and reports the population stability index
 * against the model's validation quantiles once N scores of that version have arrived. Scores of
 * other versions are ignored; a new model restarts the count.
 */
public final class DriftMonitor {
    private final double[] ring;
    private final double threshold;
    private PopulationStability reference;
    private long version = Long.MIN_VALUE;
    private int seen;

    /**
     * @param window N, the number of recent scores compared
     * @param threshold PSI above which the distribution has drifted
     */
    public DriftMonitor(int window, double threshold) {
        this.ring = new double[window];
        this.threshold = threshold;
    }

    /** Follows the model in use: its version and validation quantiles. Resets when the version changes. */
    public void follow(long modelVersion, List<Double> validationQuantiles) {
        if (modelVersion != version) {
            version = modelVersion;
            reference = PopulationStability.against(validationQuantiles);
            seen = 0;
        }
    }

    /** Records a live score, if {@code modelVersion} is the followed one and the score is finite. */
    public void observe(double score, long modelVersion) {
        if (reference != null && modelVersion == version && Double.isFinite(score)) {
            ring[seen % ring.length] = score;
            seen++;
        }
    }

    /** The PSI of the last N scores, or empty until N scores of the followed version arrived. */
    public OptionalDouble psi() {
        return seen < ring.length ? OptionalDouble.empty() : OptionalDouble.of(reference.of(ring));
    }

    /** True when {@link #psi()} exceeds the threshold. */
    public boolean drifted() {
        OptionalDouble psi = psi();
        return psi.isPresent() && psi.getAsDouble() > threshold;
    }
}
