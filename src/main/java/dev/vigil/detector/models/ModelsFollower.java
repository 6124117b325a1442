package dev.vigil.detector.models;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted models topic on a thread of its own and hands the group's bundles to a sink
 * (normally {@link ModelHolder#offer}, which validates and swaps). It reads with no consumer group
 * from the beginning, so every detector instance sees every bundle. At start it reads up to the end
 * offsets and offers only the newest bundle, falling back to older ones while the sink refuses them;
 * afterwards every new bundle is offered as it arrives (the sink ignores stale versions unless
 * flagged rollback). {@link #awaitInitialLoad} lets the detector wait for a model before it starts.
 */
public final class ModelsFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsFollower.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private volatile String group;
    private final Predicate<ModelBundle> sink;
    private final CountDownLatch initialLoad = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clientProps Kafka client properties ({@code bootstrap.servers} and security settings)
     * @param topic the compacted models topic
     * @param group the model group to follow, or null to follow the group of the first bundle the
     *     sink accepts
     * @param sink takes a bundle and returns whether it now scores
     */
    public ModelsFollower(Map<String, Object> clientProps, String topic, String group, Predicate<ModelBundle> sink) {
        this.consumer =
                new KafkaConsumer<>(consumerProps(clientProps), new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.group = group;
        this.sink = sink;
        this.thread = new Thread(this::run, "vigil-models-follower");
        this.thread.setDaemon(true);
    }

    /** Starts following; returns at once. */
    public ModelsFollower start() {
        thread.start();
        return this;
    }

    /** Waits until the topic was read to its end offsets at start and the newest usable bundle offered. */
    public boolean awaitInitialLoad(Duration timeout) throws InterruptedException {
        return initialLoad.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = assignAll();
            List<ModelBundle> backlog = readBacklog(partitions);
            offerNewestUsable(backlog);
            initialLoad.countDown();
            while (running) {
                consumer.poll(POLL).forEach(record -> decode(record).ifPresent(this::offer));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Models follower of {} stopped; the model in use keeps serving", topic, e);
        } finally {
            consumer.close();
        }
    }

    private List<TopicPartition> assignAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        while (running && partitions.isEmpty()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty()) {
                LOG.warn("Models topic {} does not exist yet; waiting for it", topic);
                sleep();
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private List<ModelBundle> readBacklog(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ModelBundle> backlog = new ArrayList<>();
        while (running && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(POLL).forEach(record -> decode(record).ifPresent(backlog::add));
        }
        return backlog;
    }

    private void offerNewestUsable(List<ModelBundle> backlog) {
        for (int i = backlog.size() - 1; i >= 0; i--) {
            if (offer(backlog.get(i))) {
                return;
            }
        }
        LOG.warn("No usable bundle{} on {} yet; waiting for one", group == null ? "" : " of group " + group, topic);
    }

    /** Offers a bundle; without a configured group, the first accepted bundle fixes the group followed. */
    private boolean offer(ModelBundle bundle) {
        boolean accepted = sink.test(bundle);
        if (accepted && group == null) {
            group = bundle.getGroup();
            LOG.info("Following model group {} on {}", group, topic);
        }
        return accepted;
    }

    private java.util.Optional<ModelBundle> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || (group != null && !group.equals(record.key()))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(BundleFiles.decode(record.value()));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Ignoring undecodable record at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return java.util.Optional.empty();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<String, Object> consumerProps(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return props;
    }

    /** Stops the thread and closes the consumer; the sink keeps the model it holds. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
