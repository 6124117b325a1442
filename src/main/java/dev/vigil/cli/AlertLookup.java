package dev.vigil.cli;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Finds an alert on the alerts topic by its id ({@code entity@startMillis}, as the detector makes
 * them), reading only its entity's partition (the detector keys alerts by entity, partitioned as
 * Java's default partitioner does), committed records only, from the beginning to the end offset.
 */
final class AlertLookup {
    private static final AvroCodec<AnomalyAlert> ALERTS = AvroCodec.of(AnomalyAlert.class);

    /**
     * An alert's entity and time range: its start, and its close (or its latest event while open).
     *
     * @param open whether no CLOSED event was found
     */
    record Span(String entity, Instant from, Instant to, boolean open) {}

    private final Map<String, Object> client;
    private final String topic;
    private final Duration timeout;

    AlertLookup(Map<String, Object> client, String topic, Duration timeout) {
        this.client = client;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** The span of alert {@code id}; empty when the topic holds no event of it. */
    Optional<Span> find(String id) {
        String entity = entityOf(id);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            byte[] key = entity.getBytes(StandardCharsets.UTF_8);
            var partition = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % infos.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            return span(id, read(consumer, partition, end));
        }
    }

    /** The entity part of an alert id. */
    static String entityOf(String id) {
        int at = id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1) {
            throw new IllegalArgumentException("'" + id + "' is not an alert id (entity@startMillis)");
        }
        return id.substring(0, at);
    }

    private List<AnomalyAlert> read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long end) {
        List<AnomalyAlert> alerts = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out reading " + partition + " up to offset " + end);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                decode(record.value()).ifPresent(alerts::add);
            }
        }
        return alerts;
    }

    private static Optional<Span> span(String id, List<AnomalyAlert> alerts) {
        List<AnomalyAlert> events =
                alerts.stream().filter(a -> id.equals(a.getAlertId())).toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        AnomalyAlert first = events.get(0);
        Optional<AnomalyAlert> closed =
                events.stream().filter(a -> a.getEndTime() != null).findFirst();
        Instant to = closed.map(AnomalyAlert::getEndTime)
                .orElse(events.get(events.size() - 1).getEventTime());
        return Optional.of(new Span(first.getEntity(), first.getStartTime(), to, closed.isEmpty()));
    }

    private static Optional<AnomalyAlert> decode(byte[] value) {
        try {
            return value == null ? Optional.empty() : Optional.of(ALERTS.decode(value));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(client);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
