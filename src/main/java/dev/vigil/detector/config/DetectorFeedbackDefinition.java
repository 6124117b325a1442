package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The declaration table of the {@code feedback.*} keys of {@link DetectorConfig}: operators' feedback. */
final class DetectorFeedbackDefinition {
    private DetectorFeedbackDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        FEEDBACK_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Read operators' feedback from feedback.topic: a false alarm teaches the entity's"
                                + " thresholds its scores at once. The topic may be created later (it is"
                                + " subscribed by pattern); give it the input topic's partition count.")
                .define(
                        FEEDBACK_TOPIC,
                        Type.STRING,
                        "vigil.feedback",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Topic of Feedback records (Avro single-object), keyed by entity.")
                .define(
                        FEEDBACK_SUPPRESS_MS,
                        Type.LONG,
                        0L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Event time after a false alarm applied during which its entity opens no alert; 0: off.")
                .define(
                        FEEDBACK_FLOOR_MARGIN,
                        Type.DOUBLE,
                        0.05,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "A false alarm raises its entity's entry threshold, until the next model, to this"
                                + " fraction above the highest score of the reported stretch.")
                .define(
                        FEEDBACK_HISTORY_SIZE,
                        Type.INT,
                        128,
                        Range.between(8, 4096),
                        Importance.LOW,
                        "Readings per entity kept for feedback: those the thresholds did not learn and those"
                                + " above the exit threshold (a few per cent of normal readings).")
                .define(
                        FEEDBACK_PENDING_MAX,
                        Type.INT,
                        1000,
                        Range.between(1, 1_000_000),
                        Importance.LOW,
                        "Feedback per task kept until it applies (its entity unknown or not yet scored up to"
                                + " the stretch's end); more is dropped (reason pending_full).")
                .define(
                        FEEDBACK_PENDING_TTL_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(1000),
                        Importance.LOW,
                        "Wall-clock time feedback waits to apply before it is dropped (reason unknown_entity"
                                + " or expired).");
    }
}
