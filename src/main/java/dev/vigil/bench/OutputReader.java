package dev.vigil.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads output topics read_committed from their beginning, handing each record to a callback. */
final class OutputReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<byte[], byte[]> consumer;

    OutputReader(BenchClients clients, String... topics) {
        this.consumer = clients.committedReader();
        List<TopicPartition> partitions = Stream.of(topics)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
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
