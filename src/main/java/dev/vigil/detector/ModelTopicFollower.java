package dev.vigil.detector;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.scoring.ModelHolder;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Follows the compacted models topic (key = model group) and offers every bundle of the followed
 * group to the {@link ModelHolder}, which validates it and swaps it in or refuses it. Every detector
 * instance reads the whole topic (no consumer group), so all of them see every bundle, and a
 * restarted instance finds the current one with {@link #catchUp(Duration)}.
 */
public final class ModelTopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTopicFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ModelHolder holder;
    private final String configuredGroup;
    private final Thread thread;
    private volatile boolean running = true;

    public ModelTopicFollower(DetectorConfig config, ModelHolder holder) {
        this.consumer =
                new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(), new ByteArrayDeserializer());
        this.holder = holder;
        this.configuredGroup = config.getString(DetectorConfig.MODEL_GROUP);
        String topic = config.getString(DetectorConfig.MODELS_TOPIC);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::follow, "vigil-model-follower");
        this.thread.setDaemon(true);
    }

    private static Map<String, Object> consumerProperties(DetectorConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.list(DetectorConfig.BOOTSTRAP_SERVERS)));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    /** Reads the topic up to its current end (blocking, before the topology starts). */
    public void catchUp(Duration timeout) {
        var ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(ends) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::offer);
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Starts following new bundles in the background. */
    public void start() {
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::offer);
            }
        } catch (WakeupException e) {
            LOG.debug("Model follower woken up to stop");
        } finally {
            consumer.close();
        }
    }

    private void offer(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            ModelBundle bundle = BundleFiles.decode(record.value());
            if (follows(bundle.getGroup())) {
                holder.offer(bundle);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Ignoring unreadable record at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    private boolean follows(String group) {
        String followed = configuredGroup.isEmpty()
                ? holder.current().map(info -> info.group()).orElse(group)
                : configuredGroup;
        return followed.equals(group);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join(5_000);
        } else {
            consumer.close();
        }
    }
}
