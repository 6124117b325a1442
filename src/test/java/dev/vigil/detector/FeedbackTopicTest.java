package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.KafkaBroker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detector's start-up check of {@code feedback.topic} on a real broker: feedback for an entity
 * must reach the task holding the entity's state, so the topic is created with the input's partition
 * count when missing and refused, naming the key, when it has another.
 */
class FeedbackTopicTest {
    private static final int INPUT_PARTITIONS = 4;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void aMissingFeedbackTopicIsCreatedWithTheInputsPartitionCount() throws Exception {
        KAFKA.createTopic("created.readings", INPUT_PARTITIONS);

        InputTopics.prepare(config("created", true));

        assertEquals(INPUT_PARTITIONS, partitions("created.feedback"));
    }

    @Test
    void aFeedbackTopicWithAnotherPartitionCountFailsStartUpNamingTheKey() throws Exception {
        KAFKA.createTopic("mismatched.readings", INPUT_PARTITIONS);
        KAFKA.createTopic("mismatched.feedback", 1);

        var e = assertThrows(ConfigException.class, () -> InputTopics.prepare(config("mismatched", true)));

        assertTrue(e.getMessage().contains(DetectorConfig.FEEDBACK_TOPIC), e.getMessage());
        assertTrue(e.getMessage().contains("has 1 partitions but input mismatched.readings has 4"), e.getMessage());
    }

    @Test
    void aMatchingFeedbackTopicIsAccepted() throws Exception {
        KAFKA.createTopic("matching.readings", INPUT_PARTITIONS);
        KAFKA.createTopic("matching.feedback", INPUT_PARTITIONS);

        InputTopics.prepare(config("matching", true));

        assertEquals(INPUT_PARTITIONS, partitions("matching.feedback"));
    }

    @Test
    void withFeedbackOffNoFeedbackTopicIsCreated() throws Exception {
        KAFKA.createTopic("off.readings", INPUT_PARTITIONS);

        InputTopics.prepare(config("off", false));

        assertFalse(topics().contains("off.feedback"));
    }

    private static DetectorConfig config(String name, boolean feedback) {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "feedback-topic-" + name);
        values.put(DetectorConfig.MODEL_TRUST, "any");
        values.put(DetectorConfig.INPUT_TOPIC, name + ".readings");
        values.put(DetectorConfig.FEEDBACK_TOPIC, name + ".feedback");
        values.put(DetectorConfig.FEEDBACK_ENABLED, feedback);
        values.put(DetectorConfig.MODEL_TOPIC_ENABLED, false);
        return new DetectorConfig(values);
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = KAFKA.admin()) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            return admin.listTopics().names().get(15, TimeUnit.SECONDS);
        }
    }
}
