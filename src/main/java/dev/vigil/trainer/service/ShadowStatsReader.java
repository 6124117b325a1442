package dev.vigil.trainer.service;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.ShadowStats;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the detectors' shadow counts of one candidate from the stats topic: a group-less,
 * read_committed consumer (each batch's counts were committed with the detector's transaction, so
 * none is counted twice), positioned at the time the candidate was published, keeping only records
 * of the followed group and version. Used by the service's thread only.
 */
final class ShadowStatsReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowStatsReader.class);
    private static final AvroCodec<ShadowStats> STATS = AvroCodec.of(ShadowStats.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String group;
    private long version = -1;
    private long sinceMs;
    private ShadowTally tally = ShadowTally.EMPTY;

    ShadowStatsReader(Map<String, Object> clientProps, String topic, String group) {
        this.consumer = StreamTail.consumer(clientProps);
        this.topic = topic;
        this.group = group;
    }

    /** Starts counting {@code version}'s readings, from stats written at or after {@code sinceMs}. */
    void follow(long version, long sinceMs) {
        this.version = version;
        this.sinceMs = sinceMs;
        this.tally = ShadowTally.EMPTY;
        consumer.assign(List.of());
    }

    /** Stops counting. */
    void stop() {
        version = -1;
        consumer.assign(List.of());
    }

    /** Reads what arrived and returns the followed candidate's counts so far. */
    ShadowTally poll() {
        if (version < 0) {
            return ShadowTally.EMPTY;
        }
        if (consumer.assignment().isEmpty() && !assign()) {
            return tally;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            decode(record.value())
                    .filter(this::counts)
                    .ifPresent(s -> tally = tally.plus(s.getReadings(), s.getShadowAnomalous(), s.getLiveAnomalous()));
        }
        return tally;
    }

    private boolean counts(ShadowStats stats) {
        return stats.getShadowVersion() == version && group.equals(stats.getGroup());
    }

    private boolean assign() {
        List<TopicPartition> partitions = StreamTail.partitions(consumer, topic);
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        StreamTail.seekToTime(consumer, partitions, sinceMs);
        return true;
    }

    private static java.util.Optional<ShadowStats> decode(byte[] value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(STATS.decode(value));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Skipping undecodable shadow stats: {}", e.toString());
            return java.util.Optional.empty();
        }
    }

    /** Interrupts a poll from another thread. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
