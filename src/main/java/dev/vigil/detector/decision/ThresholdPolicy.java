package dev.vigil.detector.decision;

/**
 * Chooses the thresholds for an entity: the model's global threshold, or an adaptive per-entity
 * streaming quantile of its scores once it has {@code minSamples} of them.
 */
public final class ThresholdPolicy {
    /** Global (from the bundle) or adaptive (per entity). */
    public enum Mode {
        GLOBAL,
        ADAPTIVE
    }

    private final Mode mode;
    private final double quantile;
    private final int minSamples;
    private final double exitRatio;

    /**
     * @param exitRatio exit threshold as a fraction of the entry threshold; 0 keeps the bundle's ratio
     */
    public ThresholdPolicy(Mode mode, double quantile, int minSamples, double exitRatio) {
        this.mode = mode;
        this.quantile = quantile;
        this.minSamples = minSamples;
        this.exitRatio = exitRatio;
    }

    /** The quantile level adaptive thresholds track. */
    public double quantile() {
        return quantile;
    }

    /** The limits for an entity whose score quantile estimate is {@code scores}. */
    public Limits limits(P2Quantile scores, double globalEntry, double globalExit) {
        double entry = mode == Mode.ADAPTIVE && scores.count() >= minSamples ? scores.value() : globalEntry;
        double ratio = exitRatio > 0 ? exitRatio : globalEntry > 0 ? Math.min(1.0, globalExit / globalEntry) : 1.0;
        return new Limits(entry, entry * ratio);
    }

    /**
     * Feeds a score to the entity's estimate (only adaptive mode keeps one). Until the entity has
     * {@code minSamples} scores every score is learned, so an entity whose normal level is above the
     * global threshold still learns it; after that, scores inside an open alert are left out.
     */
    public void observe(P2Quantile scores, double score, boolean alertOpen) {
        if (mode == Mode.ADAPTIVE && (!alertOpen || scores.count() < minSamples)) {
            scores.add(score);
        }
    }
}
