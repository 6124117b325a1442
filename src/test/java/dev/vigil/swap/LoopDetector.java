package dev.vigil.swap;

import dev.vigil.detector.DetectorStreams;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.ops.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** The detector of the loop tests: default topics, exactly-once, small batches, state under {@code dir/state}. */
final class LoopDetector {
    private LoopDetector() {}

    /** A detector (not started) named {@code applicationId}, serving what {@code holder} holds. */
    static KafkaStreams of(EmbeddedKafka kafka, ModelHolder holder, String applicationId, Path dir) throws IOException {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.APPLICATION_ID, applicationId);
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(DetectorConfig.COMMIT_INTERVAL_MS, 100);
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 32);
        values.put(
                DetectorConfig.STATE_DIR,
                Files.createDirectories(dir.resolve("state")).toString());
        DetectorConfig config = new DetectorConfig(values);
        return new KafkaStreams(
                DetectorTopology.build(config, holder, DetectorEvents.NOOP), DetectorStreams.properties(config));
    }
}
