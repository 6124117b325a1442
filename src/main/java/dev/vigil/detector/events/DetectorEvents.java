package dev.vigil.detector.events;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.contract.avro.Verdict;
import java.time.Instant;

/**
 * What happens inside the detector, for metrics and logs. Every method has an empty default so a
 * listener overrides only what it needs; {@link #NOOP} ignores everything. Called from stream threads
 * (and {@link #inferred} from the background scoring threads of {@code scoring.background}):
 * implementations must be thread-safe and fast, and must never tag by entity (unbounded).
 */
public interface DetectorEvents {
    /** A listener that ignores every event. */
    DetectorEvents NOOP = new DetectorEvents() {};

    /** A record was decoded and validated. */
    default void ingested() {}

    /**
     * A valid reading arrived on an input partition other than its entity's murmur2 partition (what a
     * Java producer keyed by entity picks), so its entity's state is split between tasks; checked
     * only while readings are not repartitioned by entity ({@code input.repartition}).
     */
    default void misrouted() {}

    /** A record went to the dead-letter topic; the reason carries its stage. */
    default void deadLettered(RejectReason reason) {}

    /** A reading left with a verdict; {@code score} is NaN while warming up. */
    default void scored(Verdict verdict, double score, double threshold) {}

    /** One ONNX Runtime call scored {@code batchSize} rows in {@code nanos}. */
    default void inferred(int batchSize, long nanos) {}

    /** An alert changed state. */
    default void alert(AlertEvent event) {}

    /** Operator feedback of {@code label} arrived on the feedback topic. */
    default void feedbackReceived(FeedbackLabel label) {}

    /** A false alarm was learned by its entity's thresholds. */
    default void feedbackApplied(FeedbackLabel label) {}

    /** Feedback was dropped without applying, for {@code reason}. */
    default void feedbackDropped(FeedbackDrop reason) {}

    /**
     * A bundle passed validation and now scores; {@code createdAt} is when it was made (its
     * manifest's {@code createdAt}).
     */
    default void modelApplied(String group, long version, Instant createdAt) {}

    /**
     * A bundle was refused; the old model keeps serving. {@code reason} is a RefusalReason name; for
     * bytes that are not a bundle at all ({@code UNREADABLE}) {@code group} is the record key (or null)
     * and {@code version} is -1.
     */
    default void modelRefused(String group, long version, String reason, String message) {}

    /** A shadow candidate of {@code group} passed validation and is now scored beside the live model. */
    default void shadowApplied(String group, long version) {}

    /** The shadow candidate of {@code group} was withdrawn or refused: nothing is shadow-scored for it now. */
    default void shadowCleared(String group) {}

    /**
     * A batch of {@code readings} live readings was scored by the shadow candidate {@code shadowVersion}
     * of {@code group}; {@code shadowAnomalous} and {@code liveAnomalous} of them were above the
     * shadow's and the live model's threshold. Called from stream threads.
     */
    default void shadowScored(String group, long shadowVersion, int readings, int shadowAnomalous, int liveAnomalous) {}

    /**
     * A shadow batch was not scored: {@code reason} is {@code busy} (the previous one was still being
     * scored) or {@code failed} (the shadow model threw); live scoring is untouched.
     */
    default void shadowSkipped(String group, String reason, int readings) {}

    /**
     * The detector serves these model groups (configured names, the only values a group tag may
     * take); called once at start-up, before any record. A single-group detector reports its one
     * {@code model.group}, which may be empty.
     */
    default void groupsConfigured(java.util.List<String> groups) {}

    /**
     * The listener for the processors of one model group of {@code model.groups}: a listener that
     * counts by group returns a view that does (and passes every event on to this one); this default
     * returns the listener itself.
     */
    default DetectorEvents forGroup(String group) {
        return this;
    }
}
