package dev.vigil.reliability;

import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** Topics and detector properties shared by the reliability tests. */
final class DetectorRig {
    static final String INPUT = "vigil.readings";
    static final int PARTITIONS = 4;

    private DetectorRig() {}

    /**
     * A broker that accepts short consumer session timeouts, so a killed detector's partitions move
     * within seconds.
     */
    static EmbeddedKafka startKafka() throws Exception {
        return EmbeddedKafka.start(Map.of("group.min.session.timeout.ms", "1000"));
    }

    /** Creates the input, output and models topics on {@code kafka}. */
    static void createTopics(EmbeddedKafka kafka) throws InterruptedException {
        kafka.createTopics(List.of(
                new NewTopic(INPUT, PARTITIONS, (short) 1),
                new NewTopic(OutputTally.Topics.DEFAULT.scored(), PARTITIONS, (short) 1),
                new NewTopic(OutputTally.Topics.DEFAULT.alerts(), PARTITIONS, (short) 1),
                new NewTopic(OutputTally.Topics.DEFAULT.dlq(), 1, (short) 1)));
        kafka.createTopics(ModelTopics.DEFAULT.definitions((short) 1));
    }

    /**
     * Detector properties for a test: short commit interval and session timeouts (so a killed
     * instance's partitions move quickly), short alert cooldown, the given guarantee and bundle file
     * ({@code null} when the model comes from the models topic), and scoring in the background.
     */
    static Map<String, String> properties(
            EmbeddedKafka kafka, String applicationId, String guarantee, Path bundle, Path stateDir) {
        Map<String, String> props = new HashMap<>();
        props.put("application.id", applicationId);
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("processing.guarantee", guarantee);
        props.put("commit.interval.ms", "100");
        props.put("state.dir", stateDir.toString());
        props.put("input.topic", INPUT);
        if (bundle != null) {
            props.put("model.path", bundle.toString());
            props.put("model.topic.enabled", "false");
        }
        props.put("alert.cooldown.ms", "2000");
        props.put("model.trust", "any"); // the reliability tests serve unsigned TestBundles
        props.put("kafka.session.timeout.ms", "3000");
        props.put("kafka.heartbeat.interval.ms", "750");
        props.put("kafka.producer.transaction.timeout.ms", "10000");
        // kills and failovers while batches are in flight on the scoring thread: whatever the cores
        // ("auto" would score on the stream thread on a 2-core CI machine; DetectorIntegrationTest covers that)
        props.put("scoring.background", "true");
        return props;
    }
}
