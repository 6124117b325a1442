package dev.vigil.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads output topics read_committed from their beginning, handing each record to a callback. */
final class OutputReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;

    OutputReader(BenchClients clients, String... topics) {
        this.consumer = clients.committedReader();
        List<TopicPartition> partitions =
                Stream.of(topics).flatMap(this::partitionsOf).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The partitions of a just-created topic, waiting for its metadata to reach this client. */
    private Stream<TopicPartition> partitionsOf(String topic) {
        long deadline = System.nanoTime() + METADATA_TIMEOUT.toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        while (infos.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            infos = consumer.partitionsFor(topic);
        }
        if (infos.isEmpty()) {
            throw new IllegalStateException("no metadata for topic " + topic + " after " + METADATA_TIMEOUT);
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()));
    }

    /**
     * Polls until {@code expected} records were read or {@code timeout} passed.
     *
     * @return the number of records read
     */
    long read(long expected, Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0;
        while (seen < expected && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                onRecord.accept(record);
                seen++;
            }
        }
        return seen;
    }

    /** Polls once; returns the number of records handed over. */
    int pollOnce(Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        records.forEach(onRecord);
        return records.count();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
