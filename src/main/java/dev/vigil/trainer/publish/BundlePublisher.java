package dev.vigil.trainer.publish;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes bundles: first to the history topic, then to the compacted current topic, both keyed by
 * group, with an idempotent producer and {@code acks=all}, each write confirmed before the next. A
 * crash between the two leaves a version in the history that never became current, never the
 * reverse. Creates the topics (compacted / append-only) when they are missing.
 */
public final class BundlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundlePublisher.class);
    private static final long SEND_TIMEOUT_S = 60;

    private final ModelTopics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Object> clientProps;
    private final short replicationFactor;
    private final Set<String> ensured = new java.util.HashSet<>();

    /**
     * Connects and makes sure both topics exist.
     *
     * @param clientProps Kafka client properties ({@code bootstrap.servers} and any security settings)
     * @param topics the topic names
     * @param replicationFactor replication of topics this publisher creates
     */
    public BundlePublisher(Map<String, Object> clientProps, ModelTopics topics, short replicationFactor) {
        this.topics = topics;
        this.clientProps = Map.copyOf(clientProps);
        this.replicationFactor = replicationFactor;
        ensureTopics(clientProps, topics.definitions(replicationFactor));
        this.producer =
                new KafkaProducer<>(producerProps(clientProps), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes {@code bundle} under its group and returns where it landed on the current topic. */
    public RecordMetadata publish(ModelBundle bundle) {
        byte[] value = BundleFiles.encode(bundle);
        send(topics.history(), bundle.getGroup(), value);
        RecordMetadata current = send(topics.current(), bundle.getGroup(), value);
        LOG.info(
                "Published bundle {} v{} ({}, rollback={}, key {}) to {}@{}",
                bundle.getGroup(),
                bundle.getVersion(),
                bundle.getVariant(),
                bundle.getRollback(),
                bundle.getKeyId(),
                topics.current(),
                current.offset());
        return current;
    }

    /**
     * Publishes {@code bundle} as the shadow candidate of its group on the compacted {@code topic}
     * (created when missing), not to the history: it joins the history only when promoted.
     */
    public RecordMetadata publishShadow(ModelBundle bundle, String topic) {
        ensure(topic);
        RecordMetadata at = send(topic, bundle.getGroup(), BundleFiles.encode(bundle));
        LOG.info(
                "Published shadow candidate {} v{} ({}, key {}) to {}@{}",
                bundle.getGroup(),
                bundle.getVersion(),
                bundle.getVariant(),
                bundle.getKeyId(),
                topic,
                at.offset());
        return at;
    }

    /** Withdraws the shadow candidate of {@code group} from {@code topic} (a tombstone). */
    public void withdrawShadow(String group, String topic) {
        ensure(topic);
        send(topic, group, null);
        LOG.info("Withdrew the shadow candidate of {} from {}", group, topic);
    }

    private void ensure(String topic) {
        if (ensured.add(topic)) {
            ensureTopics(clientProps, List.of(ModelTopics.compacted(topic, replicationFactor)));
        }
    }

    private RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void ensureTopics(Map<String, Object> clientProps, List<NewTopic> definitions) {
        try (Admin admin = Admin.create(clientProps)) {
            Set<String> existing = admin.listTopics().names().get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            for (NewTopic topic : definitions) {
                if (!existing.contains(topic.name())) {
                    create(admin, topic);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the model topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }

    private static void create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException {
        try {
            admin.createTopics(Set.of(topic)).all().get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            LOG.info("Created topic {} with {}", topic.name(), topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, Object> producerProps(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ModelTopics.MAX_BUNDLE_BYTES + 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return props;
    }

    @Override
    public void close() {
        producer.close();
    }
}
