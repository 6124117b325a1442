package dev.vigil.reliability;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the detector's output topics from the beginning with {@code isolation.level=read_committed}
 * (what a downstream reader sees) and counts: scored records per reading id and model version,
 * OPENED events per alert id, and dead letters.
 */
final class OutputTally implements AutoCloseable {
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERTS = AvroCodec.of(AnomalyAlert.class);
    private static final AvroCodec<DeadLetter> LETTERS = AvroCodec.of(DeadLetter.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final Map<String, Integer> scoredById = new HashMap<>();
    private final Map<Long, Integer> versions = new HashMap<>();
    private final Map<String, Integer> openedByAlert = new TreeMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private int scored;

    /** The output topics to read. */
    record Topics(String scored, String alerts, String dlq) {
        static final Topics DEFAULT = new Topics("vigil.scored", "vigil.alerts", "vigil.dlq");
    }

    OutputTally(String bootstrapServers, Topics topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.scored(), topics.alerts(), topics.dlq())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds; false if {@code timeout} passed first. */
    boolean pollUntil(BooleanSupplier done, Duration timeout) {
        return Await.upTo(timeout).stepping(this::poll).holds(done);
    }

    /**
     * Waits (up to a minute) until every one of {@code ids} was scored, then until nothing new arrived
     * for {@code quiet}.
     */
    void awaitScored(Set<String> ids, Duration quiet) {
        pollUntil(() -> scoredOf(ids) == ids.size(), Duration.ofSeconds(60));
        settle(quiet);
    }

    /** The counts every real-broker test logs: in, scored, dead-lettered, duplicates, missing. */
    String summary(Set<String> ids) {
        return "in=" + ids.size() + " scored=" + scored() + " dead-lettered="
                + deadLetters().size() + " duplicates=" + duplicates() + " missing="
                + missing(ids).size();
    }

    /** Polls until nothing new arrived for {@code quiet}, so late duplicates are counted too. */
    void settle(Duration quiet) {
        int seen = total();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            poll();
            if (total() != seen) {
                seen = total();
                quietSince = System.nanoTime();
            }
        }
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            try {
                count(record);
            } catch (IOException e) {
                throw new UncheckedIOException("undecodable output on " + record.topic(), e);
            }
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) throws IOException {
        if (record.topic().equals(topics.scored())) {
            ScoredReading reading = SCORED.decode(record.value());
            scored++;
            scoredById.merge(String.valueOf(reading.getReading().getId()), 1, Integer::sum);
            versions.merge(reading.getModelVersion(), 1, Integer::sum);
        } else if (record.topic().equals(topics.alerts())) {
            AnomalyAlert alert = ALERTS.decode(record.value());
            if (alert.getEvent() == AlertEvent.OPENED) {
                openedByAlert.merge(alert.getAlertId(), 1, Integer::sum);
            }
        } else {
            deadLetters.add(LETTERS.decode(record.value()));
        }
    }

    private int total() {
        return scored + deadLetters.size() + openedByAlert.size();
    }

    /** Scored records read (duplicates included). */
    int scored() {
        return scored;
    }

    /** How many of {@code ids} have at least one scored record. */
    int scoredOf(Set<String> ids) {
        return (int) ids.stream().filter(scoredById::containsKey).count();
    }

    /** Ids of {@code ids} without a scored record. */
    List<String> missing(Set<String> ids) {
        return ids.stream().filter(id -> !scoredById.containsKey(id)).sorted().toList();
    }

    /** Scored records beyond the first for their id. */
    int duplicates() {
        return scoredById.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Scored records per model version (null = none). */
    Map<Long, Integer> versions() {
        return versions;
    }

    /** OPENED events per alert id. */
    Map<String, Integer> openedByAlert() {
        return openedByAlert;
    }

    /** Dead letters read, in order. */
    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
