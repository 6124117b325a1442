package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 * when none is accepted (garbage is the group's latest value and compaction removed the bundles
 * before it, or all are refused) and a history topic is set ({@link #withHistory}), it does the same
 * with the newest {@value #HISTORY_TRIES} bundles of the history topic. Afterwards every new bundle
 * is offered as it arrives (the sink ignores stale versions unless flagged rollback). A record that
 * does not decode as a bundle is logged once, with its position and size, and reported to the
 * {@link #onUnreadable} listener. {@link #awaitInitialLoad} lets the detector wait for a model
 * before it starts.
 */
public final class ModelsFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsFollower.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Most history bundles offered at start, newest first: bounds the refusals a fallback can log. */
    static final int HISTORY_TRIES = 10;

    private final Map<String, Object> clientProps;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Predicate<ModelBundle> sink;
    private final BundleRecords records;
    private final CountDownLatch initialLoad = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private String historyTopic;
    private Consumer<String> tombstones;

    /**
     * @param clientProps Kafka client properties ({@code bootstrap.servers} and security settings)
     * @param topic the compacted models topic
     * @param group the model group to follow, or null to follow the group of the first bundle the
     *     sink accepts
     * @param sink takes a bundle and returns whether it now scores
     */
    public ModelsFollower(Map<String, Object> clientProps, String topic, String group, Predicate<ModelBundle> sink) {
        this.clientProps = consumerProps(clientProps);
        this.consumer = newConsumer(this.clientProps);
        this.topic = topic;
        this.sink = sink;
        this.records = new BundleRecords(group);
        this.thread = new Thread(this::run, "vigil-models-follower");
        this.thread.setDaemon(true);
    }

    /**
     * Falls back to {@code historyTopic} (null or empty = none) at start when the models topic has no
     * usable bundle; call before {@link #start}.
     */
    public ModelsFollower withHistory(String historyTopic) {
        this.historyTopic = historyTopic == null || historyTopic.isEmpty() ? null : historyTopic;
        return this;
    }

    /**
     * Reports every record of the followed group that does not decode as a bundle to {@code listener}
     * (its key, which may be null, and the problem); call before {@link #start}.
     */
    public ModelsFollower onUnreadable(BiConsumer<String, String> listener) {
        records.onUnreadable(listener);
        return this;
    }

    /**
     * Reports every tombstone of the followed group to {@code listener} (with its key), and lets a
     * tombstone at start hide the bundles before it (the shadow topic withdraws a candidate so);
     * without a listener tombstones are skipped. Call before {@link #start}.
     */
    public ModelsFollower onTombstone(Consumer<String> listener) {
        this.tombstones = listener;
        return this;
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
            List<ModelBundle> backlog = readBacklog(consumer, partitions);
            if (!offerNewestUsable(backlog, backlog.size()) && !offerFromHistory(backlog)) {
                noBundleYet();
            }
            initialLoad.countDown();
            while (running) {
                consumer.poll(POLL).forEach(this::take);
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
        boolean waited = false;
        while (running && partitions.isEmpty()) {
            partitions.addAll(partitionsOf(consumer, topic));
            if (partitions.isEmpty()) {
                if (!waited) {
                    LOG.warn("Models topic {} does not exist yet; waiting for it", topic);
                }
                waited = true;
                sleep();
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    /** A models topic without a bundle is a problem (WARN); a shadow topic without one is the usual case. */
    private void noBundleYet() {
        String message = "No usable bundle{} on {} yet; waiting for one";
        if (tombstones == null) {
            LOG.warn(message, records.describeGroup(), topic);
        } else {
            LOG.info(message, records.describeGroup(), topic);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (tombstones != null && records.isTombstone(record)) {
            tombstones.accept(record.key());
        } else {
            records.decode(record).ifPresent(this::offer);
        }
    }

    /** The decodable bundles of the followed group from the consumer's positions to the end offsets now. */
    private List<ModelBundle> readBacklog(KafkaConsumer<String, byte[]> reader, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        List<ModelBundle> backlog = new ArrayList<>();
        while (running && end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                if (tombstones != null && records.isTombstone(record)) {
                    backlog.clear();
                }
                records.decode(record).ifPresent(backlog::add);
            }
        }
        return backlog;
    }

    /** Offers the newest of {@code backlog}, then older ones while refused, at most {@code tries}. */
    private boolean offerNewestUsable(List<ModelBundle> backlog, int tries) {
        for (int i = backlog.size() - 1; i >= 0 && i >= backlog.size() - tries; i--) {
            if (offer(backlog.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Reads the history topic to its end and offers its newest bundles not offered yet. */
    private boolean offerFromHistory(List<ModelBundle> offered) {
        if (historyTopic == null || !running) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        offered.forEach(bundle -> seen.add(identity(bundle)));
        try (KafkaConsumer<String, byte[]> history = newConsumer(clientProps)) {
            List<TopicPartition> partitions = partitionsOf(history, historyTopic);
            history.assign(partitions);
            history.seekToBeginning(partitions);
            List<ModelBundle> candidates = readBacklog(history, partitions).stream()
                    .filter(bundle -> !seen.contains(identity(bundle)))
                    .toList();
            LOG.info(
                    "No usable bundle{} on {}; trying the newest of {} on history topic {}",
                    records.describeGroup(),
                    topic,
                    candidates.size(),
                    historyTopic);
            return offerNewestUsable(candidates, HISTORY_TRIES);
        }
    }

    private static String identity(ModelBundle bundle) {
        return bundle.getGroup() + ":" + bundle.getVersion() + ":" + bundle.getSha256();
    }

    /** Offers a bundle; without a configured group, the first accepted bundle fixes the group followed. */
    private boolean offer(ModelBundle bundle) {
        boolean accepted = sink.test(bundle);
        if (accepted && records.followFirst(bundle.getGroup())) {
            LOG.info("Following model group {} on {}", bundle.getGroup(), topic);
        }
        return accepted;
    }

    private void sleep() {
        try {
            Thread.sleep(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static KafkaConsumer<String, byte[]> newConsumer(Map<String, Object> props) {
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
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
