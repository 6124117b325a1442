package dev.vigil.trainer;

/** Receives progress after every training epoch (for progress bars and reports). */
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

    /** Ignores progress. */
    EpochListener NONE = (epoch, max, train, validation, elapsed) -> {};
}
