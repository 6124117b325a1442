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

    /** A candidate the offline gate accepted was published as shadow, for the detectors to score live. */
    default void shadowPublished(ModelBundle bundle) {}

    /** The live readings counted for the shadow candidate {@code version} grew to {@code tally}. */
    default void shadowProgress(long version, ShadowTally tally) {}

    /** The shadow stage decided on candidate {@code version}: promoted, or withdrawn (rejected or timed out). */
    default void shadowDecided(long version, ShadowGate.Decision decision) {}

    /**
     * The model in use, {@code from}, was rolled back automatically: {@code republished} is the
     * previous bundle under a new version, flagged rollback.
     */
    default void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {}

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
