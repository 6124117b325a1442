package dev.vigil.detector.models;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The compacted models topic, followed by a {@link ModelsFollower}: opening it waits up to
 * {@code initialWait} for the topic to be read to its end, so a detector started with no other
 * model finds one there (or, when none there is usable, on the history topic). Records that are not
 * bundles are counted by the holder as {@link RefusalReason#UNREADABLE} refusals.
 */
public final class ModelsTopic implements BundleSource {
    private final Map<String, Object> clientProps;
    private final String topic;
    private final String group;
    private final Duration initialWait;
    private String historyTopic;
    private ModelsFollower follower;
    private boolean readToEnd;

    /** {@code group} is the model group to follow, or null for the group of the first bundle accepted. */
    public ModelsTopic(Map<String, Object> clientProps, String topic, String group, Duration initialWait) {
        this.clientProps = Map.copyOf(clientProps);
        this.topic = topic;
        this.group = group;
        this.initialWait = initialWait;
    }

    /** Falls back to {@code historyTopic} (null or empty = none) when the models topic holds no usable bundle at start. */
    public ModelsTopic withHistory(String historyTopic) {
        this.historyTopic = historyTopic;
        return this;
    }

    @Override
    public void open(ModelHolder holder) {
        follower = new ModelsFollower(clientProps, topic, group, holder::offer)
                .withHistory(historyTopic)
                .onUnreadable(holder::unreadable)
                .start();
        try {
            readToEnd = follower.awaitInitialLoad(initialWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Set when the topic was not read to its end within the initial wait: the broker is unreachable or slow. */
    @Override
    public Optional<String> openingProblem() {
        if (follower == null || readToEnd) {
            return Optional.empty();
        }
        return Optional.of("the models topic " + topic + " was not read to its end within " + initialWait.toSeconds()
                + " s: is the broker at bootstrap.servers=" + clientProps.get("bootstrap.servers") + " reachable?");
    }

    @Override
    public void close() {
        if (follower == null) {
            return;
        }
        try {
            follower.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
