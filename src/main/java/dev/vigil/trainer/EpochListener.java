package dev.vigil.trainer;

/** Receives progress after every training epoch (for progress bars and reports) and stage timings. */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param epoch 1-based epoch just finished
     * @param maxEpochs configured maximum (early stopping may end sooner)
     * @param trainLoss mean training objective of the epoch
     * @param validationLoss mean validation score (scaled MSE of the deterministic reconstruction)
     * @param elapsedMillis wall time since training started
     */
    void epochFinished(int epoch, int maxEpochs, double trainLoss, double validationLoss, long elapsedMillis);

    /**
     * Called when a stage of a training run ends (window cutting, the epoch loop, calibration, export
     * ...), in order; a stage named with a leading {@code "- "} is a part of the stage reported next.
     *
     * @param stage short human-readable name
     * @param nanos wall time the stage took
     */
    default void stageFinished(String stage, long nanos) {}

    /** Ignores progress. */
    EpochListener NONE = (epoch, max, train, validation, elapsed) -> {};
}
