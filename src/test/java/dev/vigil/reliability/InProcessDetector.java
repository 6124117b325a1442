package dev.vigil.reliability;

import dev.vigil.contract.BundleFiles;
import dev.vigil.detector.DetectorConfig;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.DetectorInputs;
import dev.vigil.detector.DetectorStreams;
import dev.vigil.detector.DetectorTopology;
import dev.vigil.detector.scoring.BundleRefusedException;
import dev.vigil.detector.scoring.BundleTrust;
import dev.vigil.detector.scoring.BundleValidator;
import dev.vigil.detector.scoring.ModelHolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The real detector topology on real Kafka Streams in the test's JVM, for tests that need no process
 * to die: the bundle at {@code model.path} is validated and served, the topology built by
 * {@link DetectorTopology#build} runs against the configured broker.
 */
final class InProcessDetector implements AutoCloseable {
    private final ModelHolder models;
    private final KafkaStreams streams;

    InProcessDetector(Map<String, String> properties) throws IOException, BundleRefusedException {
        DetectorConfig config = new DetectorConfig(properties);
        var validator = new BundleValidator(
                BundleTrust.TRUST_ALL,
                DetectorInputs.availableFeatures(config),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE));
        this.models = new ModelHolder(validator, DetectorEvents.NOOP);
        models.apply(BundleFiles.read(Path.of(config.getString(DetectorConfig.MODEL_PATH))));
        this.streams = new KafkaStreams(
                DetectorTopology.build(config, models, DetectorEvents.NOOP), DetectorStreams.properties(config));
    }

    /** Starts Kafka Streams and waits until it runs. */
    InProcessDetector startAndAwaitRunning(Duration timeout) throws InterruptedException {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("detector not running after " + timeout + ": " + streams.state());
            }
            Thread.sleep(50);
        }
        return this;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(10));
        models.close();
    }
}
