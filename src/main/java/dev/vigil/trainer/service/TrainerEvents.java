package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.FeedbackRows;

/**
 * What the trainer service reports as it works, for metrics (ops implements this with Micrometer).
 * Every method has an empty default; calls come from the service's single thread (with
 * {@code trainer.groups}, one thread per group, each through its own {@link #forGroup} listener).
 */
public interface TrainerEvents {
    /** No-op listener. */
    TrainerEvents NONE = new TrainerEvents() {};

    /** A record offered to the collection was kept or left out, and why. */
    default void recordCollected(Admission admission) {}

    /** The collection now holds {@code records} records. */
    default void collectionSize(int records) {}

    /** A drift check ran: the PSI of the last live scores against the model's validation quantiles. */
    default void driftChecked(double psi, boolean drifted) {}

    /** A training run started. */
    default void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {}

    /** A training run's data was taken with operators' feedback applied, changing it by {@code effect}. */
    default void feedbackApplied(FeedbackRows effect) {}

    /** A candidate of {@code variant} finished training. */
    default void candidateTrained(String variant, double validationLoss, long durationMs) {}

    /** The gate judged the best candidate. */
    default void gateDecided(String variant, GateDecision decision) {}

    /** A bundle was published. */
    default void published(ModelBundle bundle) {}

    /** A training run ended without publishing for a reason other than the gate (too little data, an error). */
    default void trainingFailed(String reason) {}

    /**
     * The service keeps these groups fresh ({@code trainer.groups}): the only values a group tag may
     * take. Called once, before any group's service starts.
     */
    default void groupsConfigured(java.util.List<String> groups) {}

    /** The listener of one group's service; this default returns the listener itself. */
    default TrainerEvents forGroup(String group) {
        return this;
    }
}
