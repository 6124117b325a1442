package dev.vigil.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads an output topic read_committed from its beginning, handing each record to a callback. */
final class OutputReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<byte[], byte[]> consumer;

    OutputReader(BenchClients clients, String topic) {
        this.consumer = clients.committedReader();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
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

    @Override
    public void close() {
        consumer.close();
    }
}
