package dev.vigil.cli;

import dev.vigil.ops.simulator.Sensors;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** The configuration the demo gives its broker topics, detector and trainer service. */
final class DemoSettings {
    static final String READINGS = "vigil.readings";
    static final String SCORED = "vigil.scored";
    static final String ALERTS = "vigil.alerts";
    static final String DLQ = "vigil.dlq";
    static final String FEEDBACK = "vigil.feedback";
    static final String MODELS = "vigil.models";
    static final String MODELS_HISTORY = "vigil.models.history";
    static final String MODEL_GROUP = "pumps";
    /** Readings per window: ten simulated minutes. */
    static final int WINDOW = 10;
    /** Simulated time after an episode in which an alert still counts as catching it. */
    static final Duration GRACE = Duration.ofMinutes(30);

    private DemoSettings() {}

    /** The demo's topics; the model topics as the publisher defines them (16 MiB messages). */
    static List<NewTopic> topics(int partitions) {
        List<NewTopic> topics = new java.util.ArrayList<>(List.of(
                new NewTopic(READINGS, partitions, (short) 1),
                new NewTopic(SCORED, partitions, (short) 1),
                new NewTopic(ALERTS, partitions, (short) 1),
                new NewTopic(FEEDBACK, partitions, (short) 1),
                new NewTopic(DLQ, 1, (short) 1)));
        topics.addAll(new ModelTopics(MODELS, MODELS_HISTORY).definitions((short) 1));
        return topics;
    }

    /** The demo detector's configuration, with {@code overrides} (detector keys) on top. */
    static Map<String, Object> detector(
            String bootstrap, Path stateDir, Path trustedKeys, Map<String, String> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(detector(bootstrap, stateDir, trustedKeys));
        config.putAll(overrides);
        return config;
    }

    static Map<String, Object> detector(String bootstrap, Path stateDir, Path trustedKeys) {
        return Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrap),
                Map.entry("application.id", "vigil-demo-detector"),
                // at-least-once starts faster on a laptop; the detector's default is exactly_once_v2
                Map.entry("processing.guarantee", "at_least_once"),
                Map.entry("state.dir", stateDir.toString()),
                Map.entry("input.topic", READINGS),
                Map.entry("scored.topic", SCORED),
                Map.entry("alerts.topic", ALERTS),
                Map.entry("dlq.topic", DLQ),
                Map.entry("feedback.topic", FEEDBACK),
                Map.entry("models.topic", MODELS),
                Map.entry("model.group", MODEL_GROUP),
                // the demo's false-alarm tolerance, as its trainer's threshold quantile 0.999 says
                Map.entry("threshold.evt.risk", "0.001"),
                Map.entry("model.trusted.keys", trustedKeys.toString()));
    }

    static Map<String, Object> trainer(String bootstrap, Path signingKey, long seed, Duration retrainEvery) {
        return Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrap),
                Map.entry("model.group", MODEL_GROUP),
                Map.entry("readings.topic", READINGS),
                Map.entry("scored.topic", SCORED),
                Map.entry("alerts.topic", ALERTS),
                Map.entry("feedback.topic", FEEDBACK),
                Map.entry("models.topic", MODELS),
                Map.entry("models.history.topic", MODELS_HISTORY),
                Map.entry("features", String.join(",", Sensors.ALL)),
                Map.entry("window.length", String.valueOf(WINDOW)),
                Map.entry("train.interval", retrainEvery.toSeconds() + "s"),
                Map.entry("train.min.gap", "15s"),
                Map.entry("train.variants", "undercomplete"),
                Map.entry("train.epochs", "20"),
                Map.entry("train.threshold.quantile", "0.999"),
                Map.entry("collect.max.age", "7d"),
                Map.entry("gate.error.tolerance", "0.25"),
                Map.entry("train.seed", String.valueOf(seed)),
                Map.entry("signing.key", signingKey.toString()));
    }
}
