package dev.vigil.reliability;

import dev.vigil.contract.BundleFiles;
import dev.vigil.detector.DetectorStreams;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelSources;
import dev.vigil.detector.models.ModelsFollower;
import dev.vigil.detector.models.SignatureTrust;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.testkit.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The real detector topology on real Kafka Streams in the test's JVM, for tests that need no process
 * to die. The model comes from {@code model.path}, or, when a public key file is given, from the
 * models topic through {@link ModelsFollower} with signatures checked ({@link SignatureTrust}).
 */
final class InProcessDetector implements AutoCloseable {
    private final ModelHolder models;
    private final ModelsFollower follower;
    private final KafkaStreams streams;

    /** A detector serving the bundle file at {@code model.path}, trusting it. */
    InProcessDetector(Map<String, String> properties) throws IOException, BundleRefusedException {
        DetectorConfig config = new DetectorConfig(properties);
        this.models = new ModelHolder(validator(config, BundleTrust.TRUST_ALL), DetectorEvents.NOOP);
        models.apply(BundleFiles.read(Path.of(config.getString(DetectorConfig.MODEL_PATH))));
        this.follower = null;
        this.streams = streams(config, DetectorEvents.NOOP);
    }

    /** A detector following the models topic, trusting bundles signed by a key of {@code publicKeyFile}. */
    InProcessDetector(Map<String, String> properties, Path publicKeyFile, DetectorEvents events)
            throws IOException, InterruptedException {
        DetectorConfig config = new DetectorConfig(properties);
        this.models =
                new ModelHolder(validator(config, SignatureTrust.fromConfig(true, Optional.of(publicKeyFile))), events);
        this.follower = new ModelsFollower(
                        Map.of(
                                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                                config.getList(DetectorConfig.BOOTSTRAP_SERVERS)),
                        config.getString(DetectorConfig.MODELS_TOPIC),
                        null,
                        models::offer)
                .withHistory(config.getString(DetectorConfig.MODELS_HISTORY_TOPIC))
                .onUnreadable(models::unreadable);
        follower.start();
        if (!follower.awaitInitialLoad(Duration.ofSeconds(30))
                || models.current().isEmpty()) {
            throw new IllegalStateException("no usable model on the models topic");
        }
        this.streams = streams(config, events);
    }

    private static BundleValidator validator(DetectorConfig config, BundleTrust trust) {
        return new BundleValidator(
                trust,
                DetectorInputs.availableFeatures(config),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE),
                ModelSources.onnxLimits(config));
    }

    private KafkaStreams streams(DetectorConfig config, DetectorEvents events) {
        return new KafkaStreams(DetectorTopology.build(config, models, events), DetectorStreams.properties(config));
    }

    /** Starts Kafka Streams and waits until it runs. */
    InProcessDetector startAndAwaitRunning(Duration timeout) throws InterruptedException {
        streams.start();
        Await.upTo(timeout)
                .every(Duration.ofMillis(50))
                .holds(() -> streams.state() == KafkaStreams.State.RUNNING
                        || !streams.state().isRunningOrRebalancing());
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("detector not running after " + timeout + ": " + streams.state());
        }
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
        streams.close(Duration.ofSeconds(10));
        models.close();
    }
}
