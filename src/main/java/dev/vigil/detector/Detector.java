package dev.vigil.detector;

import dev.vigil.detector.scoring.BundleRefusedException;
import dev.vigil.detector.scoring.ModelHolder;
import dev.vigil.detector.scoring.ModelsFollower;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running detector: the model holder (loaded from {@code model.path}, {@code model.dir} and the
 * models topic), the followers that hot-swap new bundles, and the Kafka Streams application. Closing
 * it stops the streams first (committing, and leaving the consumer group so its partitions move at
 * once instead of after the session timeout), then the followers, then the ONNX Runtime sessions.
 */
public final class Detector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

    private final ModelHolder models;
    private final KafkaStreams streams;
    private final ModelsFollower follower;
    private final ScheduledExecutorService directoryPoller;

    private Detector(
            ModelHolder models, KafkaStreams streams, ModelsFollower follower, ScheduledExecutorService poller) {
        this.models = models;
        this.streams = streams;
        this.follower = follower;
        this.directoryPoller = poller;
    }

    /**
     * Loads the model, builds the topology and starts it.
     *
     * @throws BundleRefusedException if {@code model.path} names a bundle that fails validation
     * @throws IllegalStateException if no model could be found anywhere
     */
    public static Detector start(DetectorConfig config, DetectorEvents events) throws BundleRefusedException {
        LOG.info(config.describe());
        ModelHolder models = ModelSources.holder(config, events);
        ModelSources.loadConfigured(config, models);
        ModelsFollower follower = config.getBoolean(DetectorConfig.MODEL_TOPIC_ENABLED) ? follow(config, models) : null;
        if (models.current().isEmpty()) {
            models.close();
            throw new IllegalStateException("no valid model: set model.path or model.dir, or publish a bundle to "
                    + config.getString(DetectorConfig.MODELS_TOPIC));
        }
        LOG.info(
                "Starting the detector with model {}",
                models.current().orElseThrow().label());
        KafkaStreams streams =
                new KafkaStreams(DetectorTopology.build(config, models, events), DetectorStreams.properties(config));
        streams.start();
        return new Detector(models, streams, follower, pollDirectory(config, models));
    }

    private static ModelsFollower follow(DetectorConfig config, ModelHolder models) {
        Map<String, Object> client = new HashMap<>(config.kafkaOverrides());
        client.put("bootstrap.servers", String.join(",", config.list(DetectorConfig.BOOTSTRAP_SERVERS)));
        String group = config.getString(DetectorConfig.MODEL_GROUP);
        ModelsFollower follower = new ModelsFollower(
                client, config.getString(DetectorConfig.MODELS_TOPIC), group.isEmpty() ? null : group, models::offer);
        try {
            follower.start().awaitInitialLoad(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return follower;
    }

    private static ScheduledExecutorService pollDirectory(DetectorConfig config, ModelHolder models) {
        String dir = config.getString(DetectorConfig.MODEL_DIR);
        if (dir.isEmpty()) {
            return null;
        }
        long interval = config.getLong(DetectorConfig.MODEL_POLL_MS);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vigil-model-dir");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(
                () -> offerNewer(Path.of(dir), models), interval, interval, TimeUnit.MILLISECONDS);
        return poller;
    }

    private static void offerNewer(Path dir, ModelHolder models) {
        long current = models.current().map(info -> info.version()).orElse(Long.MIN_VALUE);
        ModelSources.bundlesIn(dir).stream()
                .filter(bundle -> bundle.getVersion() > current)
                .forEach(models::offer);
    }

    /** The Kafka Streams application. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The model holder (for swaps from elsewhere, and health checks). */
    public ModelHolder models() {
        return models;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (directoryPoller != null) {
            directoryPoller.shutdownNow();
        }
        if (follower != null) {
            try {
                follower.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        models.close();
        LOG.info("Detector stopped");
    }
}
