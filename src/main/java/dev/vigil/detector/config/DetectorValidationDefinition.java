package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The declaration table of the {@code validation.*} keys of {@link DetectorConfig}: limits on input records. */
final class DetectorValidationDefinition {
    private DetectorValidationDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        MAX_FUTURE_MS,
                        Type.LONG,
                        86_400_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Readings with event time further than this in the future are rejected.")
                .define(
                        MAX_RECORD_BYTES,
                        Type.INT,
                        1_048_576,
                        Range.atLeast(16),
                        Importance.LOW,
                        "Values larger than this are rejected as oversized.")
                .define(
                        MAX_LATENESS_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "A reading whose event time is more than this older than its entity's clock (the newest"
                                + " accepted reading) is rejected as out of order; later and slightly late readings are"
                                + " scored.")
                .define(
                        MAX_TIMESTAMP_JUMP_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "A reading whose event time is more than this ahead of its entity's clock is rejected as a"
                                + " timestamp jump and does not move the clock; set it above the longest silence after"
                                + " which a sensor resumes without its backlog.")
                .define(
                        CLOCK_RESET_AFTER,
                        Type.INT,
                        3,
                        Range.between(2, 1000),
                        Importance.LOW,
                        "Consecutive readings of an entity that agree with each other but not with its clock"
                                + " (out of order or jumped) after which the clock moves to them: the last is scored.")
                .define(
                        MAX_ENTITY_BYTES,
                        Type.INT,
                        256,
                        Range.between(1, 65_536),
                        Importance.LOW,
                        "Longest entity name (UTF-8 bytes, from the value or the key); longer ones are rejected.");
    }
}
