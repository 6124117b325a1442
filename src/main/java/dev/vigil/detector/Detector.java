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

    private Detector(ModelHolder models, KafkaStreams streams, List<BundleSource> sources) {
        this.models = models;
        this.streams = streams;
        this.sources = sources;
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
        List<BundleSource> sources = ModelSources.configured(config);
        try {
            open(sources, models);
        } catch (BundleRefusedException | RuntimeException e) {
            closeAll(sources, models);
            throw e;
        }
        if (models.current().isEmpty()) {
            closeAll(sources, models);
            throw new IllegalStateException(noModel(config, sources));
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
        streams.start();
        return new Detector(models, streams, sources);
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

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        closeAll(sources, models);
        LOG.info("Detector stopped");
    }
}
