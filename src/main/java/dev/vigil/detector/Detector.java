package dev.vigil.detector;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.detector.models.BundleSource;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelSources;
import dev.vigil.detector.topology.DetectorTopology;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running detector: the model holder, the bundle sources that load it and hot-swap newer bundles
 * ({@code model.path}, {@code model.dir} and the models topic), and the Kafka Streams application.
 * Closing it stops the streams first (committing, and leaving the consumer group so its partitions
 * move at once instead of after the session timeout), then the sources, then the ONNX Runtime
 * sessions.
 */
public final class Detector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

    private final ModelHolder models;
    private final KafkaStreams streams;
    private final List<BundleSource> sources;
    private final StreamsHealth health;

    private Detector(ModelHolder models, KafkaStreams streams, List<BundleSource> sources, StreamsHealth health) {
        this.models = models;
        this.streams = streams;
        this.sources = sources;
        this.health = health;
    }

    /** {@link #start(DetectorConfig, DetectorEvents, StreamsHealth)} with health nobody acts on. */
    public static Detector start(DetectorConfig config, DetectorEvents events) throws BundleRefusedException {
        return start(config, events, new StreamsHealth(() -> {}));
    }

    /**
     * Loads the model, builds the topology and starts it; {@code health} follows the Kafka Streams
     * client, whose uncaught exceptions are handled by {@code streams.uncaught.exception.policy}.
     *
     * @throws BundleRefusedException if {@code model.path} names a bundle that fails validation
     * @throws NoModelException if no model could be found anywhere
     */
    public static Detector start(DetectorConfig config, DetectorEvents events, StreamsHealth health)
            throws BundleRefusedException {
        LOG.info(config.describe());
        ModelHolder models = ModelSources.holder(config, events);
        List<BundleSource> sources = ModelSources.configured(config);
        try {
            open(sources, models);
        } catch (BundleRefusedException | RuntimeException e) {
            closeAll(sources, models);
            throw e;
        }
        if (models.current().isEmpty()) {
            closeAll(sources, models);
            throw new NoModelException(noModel(config, sources));
        }
        LOG.info(
                "Starting the detector with model {}",
                models.current().orElseThrow().label());
        KafkaStreams streams;
        try {
            var topology = DetectorTopology.build(config, models, events, InputTopics.prepare(config));
            streams = new KafkaStreams(topology, DetectorStreams.properties(config));
        } catch (RuntimeException e) {
            closeAll(sources, models);
            throw e;
        }
        streams.setStateListener(health);
        streams.setUncaughtExceptionHandler(
                new StreamsFailurePolicy(config.getString(DetectorConfig.UNCAUGHT_EXCEPTION_POLICY), health));
        streams.start();
        return new Detector(models, streams, sources, health);
    }

    private static String noModel(DetectorConfig config, List<BundleSource> sources) {
        StringBuilder message = new StringBuilder("no valid model: set model.path or model.dir, or publish a bundle to "
                + config.getString(DetectorConfig.MODELS_TOPIC));
        sources.forEach(source -> source.openingProblem()
                .ifPresent(problem -> message.append("; ").append(problem)));
        return message.toString();
    }

    private static void open(List<BundleSource> sources, ModelHolder models) throws BundleRefusedException {
        for (BundleSource source : sources) {
            source.open(models);
        }
    }

    private static void closeAll(List<BundleSource> sources, ModelHolder models) {
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).close();
        }
        models.close();
    }

    /** The Kafka Streams application. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The model holder (for swaps from elsewhere, and health checks). */
    public ModelHolder models() {
        return models;
    }

    /** Whether Kafka Streams can still make progress, and why not. */
    public StreamsHealth health() {
        return health;
    }

    @Override
    public void close() {
        health.stopRequested();
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        closeAll(sources, models);
        LOG.info("Detector stopped");
    }
}
