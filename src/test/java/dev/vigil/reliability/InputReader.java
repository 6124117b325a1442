package dev.vigil.reliability;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the reading ids present on an input topic. */
final class InputReader {
    private static final AvroCodec<SensorReading> CODEC = AvroCodec.of(SensorReading.class);

    private InputReader() {}

    /** The ids of the first {@code expected} readings on {@code topic}, or fewer after 20 s; fails on a repeated id. */
    static Set<String> ids(String bootstrapServers, String topic, int expected) throws IOException {
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    String id = String.valueOf(CODEC.decode(record.value()).getId());
                    if (!ids.add(id)) {
                        throw new IllegalStateException("id " + id + " is on " + topic + " twice");
                    }
                }
            }
        }
        return ids;
    }
}
