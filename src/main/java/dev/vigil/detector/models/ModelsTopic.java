package dev.vigil.detector.models;

import java.time.Duration;
import java.util.Map;

/**
 * The compacted models topic, followed by a {@link ModelsFollower}: opening it waits up to
 * {@code initialWait} for the topic to be read to its end, so a detector started with no other
 * model finds one there.
 */
public final class ModelsTopic implements BundleSource {
    private final Map<String, Object> clientProps;
    private final String topic;
    private final String group;
    private final Duration initialWait;
    private ModelsFollower follower;

    /** {@code group} is the model group to follow, or null for the group of the first bundle accepted. */
    public ModelsTopic(Map<String, Object> clientProps, String topic, String group, Duration initialWait) {
        this.clientProps = Map.copyOf(clientProps);
        this.topic = topic;
        this.group = group;
        this.initialWait = initialWait;
    }

    @Override
    public void open(ModelHolder holder) {
        follower = new ModelsFollower(clientProps, topic, group, holder::offer).start();
        try {
            follower.awaitInitialLoad(initialWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
