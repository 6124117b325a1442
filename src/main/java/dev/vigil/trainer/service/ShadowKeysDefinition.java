package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.TrainerServiceConfig.*;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The declaration table of the live stages around a promotion: the shadow stage of the gate
 * ({@link ShadowGate}) and the automatic rollback after it ({@link RollbackRule}).
 */
final class ShadowKeysDefinition {
    private ShadowKeysDefinition() {}

    static void define(ConfigDef def) {
        defineShadow(def);
        defineRollback(def);
    }

    private static void defineShadow(ConfigDef def) {
        def.define(
                        MODELS_SHADOW_TOPIC,
                        Type.STRING,
                        "vigil.models.shadow",
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        "Compacted topic a candidate that passed the offline gate is published to (signed) for"
                                + " the detectors to score beside the live model; a tombstone withdraws it.")
                .define(
                        SHADOW_STATS_TOPIC,
                        Type.STRING,
                        "vigil.shadow.stats",
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        "Topic of the detectors' per-batch shadow counts the shadow stage sums.")
                .define(
                        GATE_SHADOW_MIN_READINGS,
                        Type.INT,
                        2000,
                        Range.atLeast(0),
                        Importance.HIGH,
                        "Live readings a shadow candidate must be scored on before it can be promoted;"
                                + " 0 = no shadow stage (an accepted candidate goes live at once). The first"
                                + " model of a group always goes live at once.")
                .define(
                        GATE_SHADOW_MAX_ALERT_RATIO,
                        Type.DOUBLE,
                        2.0,
                        Range.atLeast(1.0),
                        Importance.HIGH,
                        "Largest shadow alert rate / live alert rate (share of readings above each model's"
                                + " threshold, on the same readings) that is promoted; above it the candidate"
                                + " is withdrawn.")
                .define(
                        GATE_SHADOW_RATE_FLOOR,
                        Type.DOUBLE,
                        0.01,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Alert rates below this count as this rate in the shadow comparison.")
                .define(
                        GATE_SHADOW_TIMEOUT,
                        Type.STRING,
                        "30m",
                        Durations.atLeast(Duration.ofSeconds(1)),
                        Importance.LOW,
                        "Longest a shadow candidate waits for its live readings before it is withdrawn;"
                                + " no candidate is trained meanwhile.");
    }

    private static void defineRollback(ConfigDef def) {
        def.define(
                        ROLLBACK_WINDOW,
                        Type.INT,
                        10_000,
                        Range.atLeast(0),
                        Importance.HIGH,
                        "Live readings (scored records) of a newly promoted model over which its anomaly rate"
                                + " is compared with the previous model's last as many; 0 = no automatic"
                                + " rollback.")
                .define(
                        ROLLBACK_MAX_RATIO,
                        Type.DOUBLE,
                        3.0,
                        Range.atLeast(1.0),
                        Importance.HIGH,
                        "When the new model's anomaly rate exceeds this times the previous model's, the"
                                + " previous bundle is republished, signed, with a new version.")
                .define(
                        ROLLBACK_RATE_FLOOR,
                        Type.DOUBLE,
                        0.01,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Anomaly rates below this count as this rate in the rollback comparison.");
    }
}
