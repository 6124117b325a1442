package dev.vigil.trainer.publish;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The two model topics. {@code current} is compacted and keyed by group: after compaction it holds
 * the newest bundle of every group, which is what a detector (re)starting reads. {@code history} is
 * not compacted and also keyed by group: it keeps every version for {@code list} and {@code rollback}.
 *
 * @param current the compacted topic of current bundles
 * @param history the append-only topic of every published bundle
 */
public record ModelTopics(String current, String history) {
    /** The default names: {@code vigil.models} and {@code vigil.models.history}. */
    public static final ModelTopics DEFAULT = new ModelTopics("vigil.models", "vigil.models.history");

    /** Largest bundle the topics and the publisher accept: 16 MiB. */
    public static final int MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

    /** The topic definitions the publisher creates when they are missing (one partition each). */
    public List<NewTopic> definitions(short replicationFactor) {
        String maxBytes = Integer.toString(MAX_BUNDLE_BYTES);
        NewTopic compacted = compacted(current, replicationFactor);
        NewTopic appendOnly = new NewTopic(history, 1, replicationFactor)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        maxBytes));
        return List.of(compacted, appendOnly);
    }

    /** A compacted topic of bundles keyed by group (one partition): the current topic, or the shadow topic. */
    public static NewTopic compacted(String name, short replicationFactor) {
        return new NewTopic(name, 1, replicationFactor)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(MAX_BUNDLE_BYTES)));
    }
}
