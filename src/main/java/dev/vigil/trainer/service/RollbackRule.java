package dev.vigil.trainer.service;

import java.util.Optional;

/**
 * When a promoted model is taken back: once it has scored {@code window} live readings, if its
 * anomaly rate over them exceeds {@code maxRatio} times the previous model's over its last {@code
 * window} readings. Rates below {@code rateFloor} count as {@code rateFloor} (a previous model that
 * almost never flagged anything does not make every new flag a rollback). {@code window = 0} turns
 * automatic rollback off.
 *
 * @param window live readings of the new model the decision waits for (and of the previous model it compares with)
 * @param maxRatio largest accepted new rate / previous rate
 * @param rateFloor least rate either side counts as, in [0, 1]
 */
public record RollbackRule(int window, double maxRatio, double rateFloor) {
    /**
     * A decision on a promoted model.
     *
     * @param rollBack whether to republish the previous model
     * @param reason why, in one sentence
     * @param newRate the promoted model's anomaly rate over its first readings
     * @param previousRate the previous model's over its last readings
     */
    public record Decision(boolean rollBack, String reason, double newRate, double previousRate) {}

    /** Whether automatic rollback is on. */
    public boolean enabled() {
        return window > 0;
    }

    /**
     * The decision on a model whose first {@code seen} readings had anomaly rate {@code newRate},
     * against a previous model whose last {@code previousReadings} readings had {@code previousRate};
     * empty while fewer than {@code window} readings of the new model are in.
     */
    public Optional<Decision> judge(long seen, double newRate, int previousReadings, double previousRate) {
        if (seen < window) {
            return Optional.empty();
        }
        if (previousReadings == 0) {
            return Optional.of(
                    new Decision(false, "no readings of the previous model to compare with", newRate, Double.NaN));
        }
        double allowed = maxRatio * Math.max(previousRate, rateFloor);
        String figures = String.format(
                "anomaly rate %.4f over its first %d readings vs %.4f of the previous model over %d (at most %.4f accepted)",
                newRate, window, previousRate, previousReadings, allowed);
        return Optional.of(new Decision(Math.max(newRate, rateFloor) > allowed, figures, newRate, previousRate));
    }
}
