package dev.vigil.trainer.publish;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the model topics back: every published version of a group (from the history topic) and the
 * group's current bundle (the last record of the group on the compacted topic). Records that do not
 * decode as bundles are skipped with a warning.
 */
public final class BundleHistory {
    private static final Logger LOG = LoggerFactory.getLogger(BundleHistory.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientProps;
    private final ModelTopics topics;

    /**
     * @param clientProps Kafka client properties ({@code bootstrap.servers} and any security settings)
     * @param topics the topic names
     */
    public BundleHistory(Map<String, Object> clientProps, ModelTopics topics) {
        this.clientProps = Map.copyOf(clientProps);
        this.topics = topics;
    }

    /** Every bundle published for {@code group}, oldest first (rollbacks included, as republished). */
    public List<ModelBundle> versions(String group) {
        return bundlesOf(group, topics.history());
    }

    /** The bundle detectors of {@code group} use now: the group's last record on the compacted topic. */
    public Optional<ModelBundle> current(String group) {
        List<ModelBundle> bundles = bundlesOf(group, topics.current());
        return bundles.isEmpty() ? Optional.empty() : Optional.of(bundles.get(bundles.size() - 1));
    }

    /**
     * The group's last bundle on the compacted {@code topic} (the shadow topic), or empty when there
     * is none or a tombstone withdrew it.
     */
    public Optional<ModelBundle> lastOn(String topic, String group) {
        Optional<ModelBundle> last = Optional.empty();
        for (ConsumerRecord<String, byte[]> record : TopicSnapshot.read(clientProps, topic, TIMEOUT)) {
            if (group.equals(record.key())) {
                last = record.value() == null ? Optional.empty() : decode(record);
            }
        }
        return last;
    }

    /** The highest version ever published for {@code group}, or 0 when none was. */
    public long highestVersion(String group) {
        return versions(group).stream().mapToLong(ModelBundle::getVersion).max().orElse(0L);
    }

    private List<ModelBundle> bundlesOf(String group, String topic) {
        List<ModelBundle> bundles = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicSnapshot.read(clientProps, topic, TIMEOUT)) {
            if (group.equals(record.key()) && record.value() != null) {
                decode(record).ifPresent(bundles::add);
            }
        }
        return bundles;
    }

    private static Optional<ModelBundle> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(BundleFiles.decode(record.value()));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Skipping undecodable bundle at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return Optional.empty();
        }
    }
}
