package dev.vigil.detector;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.topology.InputRouting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector's start-up questions to the brokers about its input: how many partitions the input
 * topic has (for the misrouting check and {@code input.repartition=auto}), and the repartition topic
 * and the feedback topic, created with as many partitions when they are used and missing.
 */
final class InputTopics {
    private static final Logger LOG = LoggerFactory.getLogger(InputTopics.class);
    private static final long TIMEOUT_SECONDS = 15;

    private InputTopics() {}

    /**
     * The routing for this configuration, with the repartition topic created when it is used, and the
     * feedback topic checked (created when missing) when feedback is enabled.
     *
     * @throws IllegalStateException when readings must be repartitioned but the input topic cannot be read
     * @throws ConfigException when {@code feedback.topic} exists with another partition count than the input
     */
    static InputRouting prepare(DetectorConfig config) {
        try (Admin admin = Admin.create(adminConfig(config))) {
            InputRouting routing = InputRouting.of(config, partitions(admin, config));
            if (routing.repartition()) {
                createRepartitionTopic(admin, config, routing.inputPartitions());
            }
            if (config.getBoolean(DetectorConfig.FEEDBACK_ENABLED)) {
                prepareFeedbackTopic(admin, config, routing.inputPartitions());
            }
            LOG.info(
                    "Input {} has {} partitions; readings {}",
                    config.getString(DetectorConfig.INPUT_TOPIC),
                    routing.inputPartitions() == InputRouting.UNKNOWN ? "unknown" : routing.inputPartitions(),
                    routing.repartition()
                            ? "are repartitioned by entity through " + InputRouting.repartitionTopic(config)
                            : "are processed on the partition they arrive on");
            return routing;
        }
    }

    private static Map<String, Object> adminConfig(DetectorConfig config) {
        return new StreamsConfig(DetectorStreams.properties(config)).getAdminConfigs("vigil-detector-admin");
    }

    private static int partitions(Admin admin, DetectorConfig config) {
        String input = config.getString(DetectorConfig.INPUT_TOPIC);
        try {
            return partitions(admin, input);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Cannot read the partitions of input topic {}: misrouted readings are not counted", input, e);
            return InputRouting.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InputRouting.UNKNOWN;
        }
    }

    private static int partitions(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
    }

    /**
     * Feedback for an entity must reach the task that holds the entity's state, so {@code
     * feedback.topic} needs the partition count of the topic the decision reads (the input's, which
     * the repartition topic shares): created with it when missing, refused when it has another. With
     * the input's count unknown, nothing is checked (the topic is picked up when it appears).
     */
    private static void prepareFeedbackTopic(Admin admin, DetectorConfig config, int inputPartitions) {
        String topic = config.getString(DetectorConfig.FEEDBACK_TOPIC);
        if (inputPartitions == InputRouting.UNKNOWN) {
            LOG.warn("Input partitions unknown: feedback topic {} is not checked or created", topic);
            return;
        }
        int partitions;
        try {
            partitions = partitions(admin, topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("cannot read the partitions of feedback topic " + topic, e.getCause());
            }
            create(admin, new NewTopic(topic, Optional.of(inputPartitions), Optional.empty()), "feedback topic");
            return;
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read the partitions of feedback topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading feedback topic " + topic, e);
        }
        if (partitions != inputPartitions) {
            throw new ConfigException(
                    DetectorConfig.FEEDBACK_TOPIC,
                    topic,
                    "has " + partitions + " partitions but input " + config.getString(DetectorConfig.INPUT_TOPIC)
                            + " has " + inputPartitions + ": feedback keyed by entity would reach tasks that do"
                            + " not hold the entity's state; recreate it with " + inputPartitions
                            + " partitions, or set " + DetectorConfig.FEEDBACK_ENABLED + "=false");
        }
    }

    private static void createRepartitionTopic(Admin admin, DetectorConfig config, int partitions) {
        String topic = InputRouting.repartitionTopic(config);
        if (partitions == InputRouting.UNKNOWN) {
            throw new IllegalStateException(DetectorConfig.INPUT_REPARTITION + "="
                    + config.getString(DetectorConfig.INPUT_REPARTITION) + " needs the input topic "
                    + config.getString(DetectorConfig.INPUT_TOPIC) + " to exist, to size " + topic);
        }
        var spec = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                .configs(Map.of("cleanup.policy", "delete"));
        create(admin, spec, "repartition topic");
    }

    /**
     * Creates the topics live shadow scoring writes to, when missing: {@code shadow.stats.topic}, and
     * {@code shadow.topic} with {@code shadow.output.enabled} (one partition each, the broker's
     * replication), so a shadow candidate arriving later never meets a missing sink topic.
     */
    static void prepareShadowOutputs(DetectorConfig config) {
        try (Admin admin = Admin.create(adminConfig(config))) {
            create(
                    admin,
                    new NewTopic(config.getString(DetectorConfig.SHADOW_STATS_TOPIC), Optional.of(1), Optional.empty()),
                    "shadow stats topic");
            if (config.getBoolean(DetectorConfig.SHADOW_OUTPUT_ENABLED)) {
                create(
                        admin,
                        new NewTopic(config.getString(DetectorConfig.SHADOW_TOPIC), Optional.of(1), Optional.empty()),
                        "shadow topic");
            }
        }
    }

    private static void create(Admin admin, NewTopic spec, String what) {
        String topic = spec.name();
        try {
            admin.createTopics(List.of(spec)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created {} {} with {} partitions", what, topic, spec.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the " + what + " " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the " + what + " " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }
}
