package dev.vigil.swap;

import dev.vigil.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads an output topic (read_committed) on a background thread while a test produces input. */
final class ScoredReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Thread thread = new Thread(this::run, "scored-reader");
    private volatile boolean running = true;

    ScoredReader(String bootstrap, String topic) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(100));
                synchronized (records) {
                    batch.forEach(records::add);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Waits until records of {@code partitions} distinct partitions arrived. */
    void awaitPartitions(int partitions, Duration timeout) throws InterruptedException {
        Await.upTo(timeout)
                .every(Duration.ofMillis(20))
                .until(
                        () -> snapshot().stream()
                                        .map(ConsumerRecord::partition)
                                        .distinct()
                                        .count()
                                >= partitions,
                        () -> "scored records reached fewer than " + partitions + " partitions");
    }

    /** Waits for at least {@code count} records, then a little longer to catch duplicates. */
    List<ConsumerRecord<String, byte[]>> awaitAtLeast(int count, Duration timeout) throws InterruptedException {
        Await.upTo(timeout).every(Duration.ofMillis(50)).holds(() -> snapshot().size() >= count);
        Thread.sleep(1000);
        return snapshot();
    }

    private List<ConsumerRecord<String, byte[]>> snapshot() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
