package dev.vigil.evaluate;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.models.BundleRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Streams one entity's test rows through the real detector topology in a {@link ReplaySession},
 * with the model frozen, and collects its scored readings, alerts and dead letters. The last W-1
 * training rows go first, so the window is full at the first test row; their outputs are not
 * evaluated.
 */
class DetectorReplay {
    private final Map<String, String> overrides;

    DetectorReplay(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    /** The detector's verdicts on every test row of {@code entity}, scored by {@code bundle}. */
    ReplayOutput replay(ModelBundle bundle, EntityData entity) throws IOException, BundleRefusedException {
        Path stateDir = Files.createTempDirectory("vigil-evaluate-");
        try (ReplaySession session = new ReplaySession(detectorConfig(stateDir), bundle, entity)) {
            return run(session, bundle, entity);
        } finally {
            deleteRecursively(stateDir);
        }
    }

    /** Streams the rows through {@code session}; the frozen replay sends them all at once. */
    ReplayOutput run(ReplaySession session, ModelBundle bundle, EntityData entity)
            throws IOException, BundleRefusedException {
        ReplayOutput out = new ReplayOutput(entity.labels().length);
        session.warmUp(bundle.getWindowLength() - 1);
        session.sendTestRows(0, entity.test().length);
        session.flush();
        session.drain(out);
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private DetectorConfig detectorConfig(Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put(DetectorConfig.APPLICATION_ID, "vigil-evaluate");
        props.put(DetectorConfig.BOOTSTRAP_SERVERS, "evaluate.invalid:9092");
        props.put(DetectorConfig.STATE_DIR, stateDir.toString());
        props.put(DetectorConfig.INPUT_TOPIC, ReplaySession.INPUT);
        props.put(DetectorConfig.SCORED_TOPIC, ReplaySession.SCORED);
        props.put(DetectorConfig.ALERTS_TOPIC, ReplaySession.ALERTS);
        props.put(DetectorConfig.DLQ_TOPIC, ReplaySession.DLQ);
        // the bundle replayed is the one the operator named, read from disk: served signed or not (TRUST_ALL)
        props.put(DetectorConfig.MODEL_TRUST, "any");
        props.put(DetectorConfig.SCORING_BACKGROUND, "false"); // a replay scores on the driver's thread, in step
        // recorded history keeps its own silences (NAB: up to 174 h between two rows): any step forward is in step
        props.put(DetectorConfig.MAX_TIMESTAMP_JUMP_MS, Long.MAX_VALUE);
        props.putAll(overrides);
        return new DetectorConfig(props);
    }
}
