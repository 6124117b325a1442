package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The declaration table of live shadow scoring: the compacted topic of shadow candidates the
 * detector follows beside the models topic, and where the shadow's verdicts and counts go (never to
 * the alerts topic).
 */
final class ShadowDefinition {
    private ShadowDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        SHADOW_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Follow the shadow topic (with model.topic.enabled) and score live readings with the"
                                + " group's shadow candidate beside the live model, on a background thread; its"
                                + " counts go to shadow.stats.topic and metrics, never to alerts.")
                .define(
                        MODELS_SHADOW_TOPIC,
                        Type.STRING,
                        "vigil.models.shadow",
                        Importance.LOW,
                        "Compacted topic of shadow candidates, keyed by group, signed like live bundles; a"
                                + " tombstone withdraws the group's candidate.")
                .define(
                        SHADOW_OUTPUT_ENABLED,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Also write every shadow-scored reading (ShadowVerdict) to shadow.topic.")
                .define(
                        SHADOW_TOPIC,
                        Type.STRING,
                        "vigil.shadow",
                        Importance.LOW,
                        "Topic of per-reading shadow verdicts, when shadow.output.enabled.")
                .define(
                        SHADOW_STATS_TOPIC,
                        Type.STRING,
                        "vigil.shadow.stats",
                        Importance.LOW,
                        "Topic of per-batch shadow counts (ShadowStats, keyed by group) the trainer reads to"
                                + " decide a promotion.");
    }
}
