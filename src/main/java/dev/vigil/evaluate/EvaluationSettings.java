package dev.vigil.evaluate;

import dev.vigil.trainer.TrainerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to evaluate: the trainer's configuration, the training scope, and detector settings that
 * override the defaults (decision rules, threshold mode, batch size), as detector configuration keys.
 *
 * @param trainer hyper-parameters of every model trained
 * @param scope per-entity models or one global model
 * @param detectorOverrides detector configuration keys and values, e.g. {@code alert.k=3}
 * @param online how to run the live loop beside the frozen models, or null for frozen models only
 */
public record EvaluationSettings(
        TrainerConfig trainer, Scope scope, Map<String, String> detectorOverrides, OnlineSettings online) {

    /** Copies the overrides. */
    public EvaluationSettings {
        detectorOverrides = Map.copyOf(detectorOverrides);
    }

    /** Frozen models only. */
    public EvaluationSettings(TrainerConfig trainer, Scope scope, Map<String, String> detectorOverrides) {
        this(trainer, scope, detectorOverrides, null);
    }

    /** Trainer defaults, per-entity scope, detector defaults. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(TrainerConfig.defaults(), Scope.PER_ENTITY, Map.of());
    }

    /** Everything that shaped the result, for the {@code config} block of reports. */
    public Map<String, Object> describe() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("scope", scope.cliName());
        config.put("seed", trainer.seed());
        config.put("trainer", new LinkedHashMap<>(trainer.asMap()));
        config.put("detector", new LinkedHashMap<>(detectorOverrides));
        config.put("threshold_source", "bundle thresholds calibrated on training data only");
        if (online != null) {
            config.put("online", online.describe());
        }
        return config;
    }
}
