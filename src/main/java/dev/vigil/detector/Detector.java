package dev.vigil.detector;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorGroups;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.models.ModelSources;
import dev.vigil.detector.models.ModelSources.Feed;
import dev.vigil.detector.models.ShadowFeeds;
import dev.vigil.detector.topology.DetectorTopology;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running detector: one model holder per model group, the bundle sources that load them and
 * hot-swap newer bundles ({@code model.path}, {@code model.dir} and the models topic), and the Kafka
 * Streams application. Closing it stops the streams first (committing, and leaving the consumer
 * group so its partitions move at once instead of after the session timeout), then the sources, then
 * the ONNX Runtime sessions.
 */
public final class Detector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

    private final GroupModels models;
    private final KafkaStreams streams;
    private final List<Feed> feeds;
    private final StreamsHealth health;
    private final ShadowFeeds shadows;

    private Detector(
            GroupModels models, KafkaStreams streams, List<Feed> feeds, StreamsHealth health, ShadowFeeds shadows) {
        this.models = models;
        this.streams = streams;
        this.feeds = feeds;
        this.health = health;
        this.shadows = shadows;
    }

    /** {@link #start(DetectorConfig, DetectorEvents, StreamsHealth)} with health nobody acts on. */
    public static Detector start(DetectorConfig config, DetectorEvents events) throws BundleRefusedException {
        return start(config, events, new StreamsHealth(() -> {}));
    }

    /**
     * Loads the model of every group, builds the topology and starts it; {@code health} follows the
     * Kafka Streams client, whose uncaught exceptions are handled by {@code
     * streams.uncaught.exception.policy}.
     *
     * @throws BundleRefusedException if {@code model.path} names a bundle that fails validation
     * @throws NoModelException if no model could be found anywhere for some group
     */
    public static Detector start(DetectorConfig config, DetectorEvents events, StreamsHealth health)
            throws BundleRefusedException {
        LOG.info(config.describe());
        events.groupsConfigured(DetectorGroups.groups(config));
        GroupModels models = ModelSources.groups(config, events);
        List<Feed> feeds = ModelSources.feeds(config, models);
        try {
            open(feeds);
        } catch (BundleRefusedException | RuntimeException e) {
            closeAll(feeds, models);
            throw e;
        }
        if (!models.missing().isEmpty()) {
            closeAll(feeds, models);
            throw new NoModelException(noModel(config, models, feeds));
        }
        LOG.info("Starting the detector with model{} {}", models.isSingle() ? "" : "s", labels(models));
        KafkaStreams streams;
        ShadowFeeds shadows = ShadowFeeds.open(config, models, events);
        try {
            if (shadows.models().enabled()) {
                InputTopics.prepareShadowOutputs(config);
            }
            var topology =
                    DetectorTopology.build(config, models, shadows.models(), events, InputTopics.prepare(config));
            streams = new KafkaStreams(topology, DetectorStreams.properties(config));
        } catch (RuntimeException e) {
            shadows.close();
            closeAll(feeds, models);
            throw e;
        }
        streams.setStateListener(health);
        streams.setUncaughtExceptionHandler(
                new StreamsFailurePolicy(config.getString(DetectorConfig.UNCAUGHT_EXCEPTION_POLICY), health));
        streams.start();
        return new Detector(models, streams, feeds, health, shadows);
    }

    private static String labels(GroupModels models) {
        return String.join(
                ", ",
                models.groups().stream()
                        .map(group -> models.holder(group)
                                .current()
                                .map(ModelInfo::label)
                                .orElse("?"))
                        .toList());
    }

    private static String noModel(DetectorConfig config, GroupModels models, List<Feed> feeds) {
        String what = models.isSingle() ? "no valid model" : "no valid model for group(s) " + models.missing();
        StringBuilder message = new StringBuilder(what + ": set model.path or model.dir, or publish a bundle to "
                + config.getString(DetectorConfig.MODELS_TOPIC));
        feeds.forEach(feed -> feed.source().openingProblem().ifPresent(problem -> message.append("; ")
                .append(problem)));
        return message.toString();
    }

    private static void open(List<Feed> feeds) throws BundleRefusedException {
        for (Feed feed : feeds) {
            feed.source().open(feed.holder());
        }
    }

    private static void closeAll(List<Feed> feeds, GroupModels models) {
        for (int i = feeds.size() - 1; i >= 0; i--) {
            feeds.get(i).source().close();
        }
        models.close();
    }

    /** The Kafka Streams application. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The model holder of the first group: the only one of a single-group detector (for swaps and health checks). */
    public ModelHolder models() {
        return models.primary();
    }

    /** The model holders of every group. */
    public GroupModels groups() {
        return models;
    }

    /** The shadow candidates scored beside the live models. */
    public dev.vigil.detector.models.ShadowModels shadows() {
        return shadows.models();
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
        shadows.close();
        closeAll(feeds, models);
        LOG.info("Detector stopped");
    }
}
