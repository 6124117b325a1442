package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's view of the stream: a group-less consumer of the scored, alerts and feedback topics (read from
 * {@code now − collect.max.age}) feeding the {@link RecentNormalData} collection and the {@link
 * DriftMonitor} of the model in use. Topics that appear later are picked up on {@link
 * #assignNewPartitions()}. Used by the service's thread only, except {@link #wakeup()}.
 */
final class StreamCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCollector.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TrainerServiceConfig config;
    private final Clock clock;
    private final TrainerEvents events;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DriftMonitor drift;
    private final GroupMembership members;
    private RecentNormalData collection;
    private java.util.function.Consumer<ScoredReading> scoredListener = scored -> {};

    StreamCollector(TrainerServiceConfig config, Clock clock, TrainerEvents events) {
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.consumer = StreamTail.consumer(config.kafkaClient());
        this.drift = config.newDriftMonitor();
        this.members = GroupMembership.of(config);
    }

    /** Also hands every scored record of the group to {@code listener} (the automatic rollback's watch). */
    void onScored(java.util.function.Consumer<ScoredReading> listener) {
        this.scoredListener = listener;
    }

    /** Follows the model in use: its drift reference, and a fresh collection if its features changed. */
    void follow(ModelBundle bundle) {
        drift.follow(bundle.getVersion(), bundle.getValidationQuantiles());
        if (collection == null || !collection.features().equals(bundle.getFeatureNames())) {
            collection = config.newCollection(bundle.getFeatureNames());
            consumer.assign(List.of());
            assignNewPartitions();
            LOG.info("Collecting {} for group {}", bundle.getFeatureNames(), bundle.getGroup());
        }
    }

    /** Assigns partitions of the scored and alerts topics not yet assigned. */
    void assignNewPartitions() {
        if (collection == null) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>();
        all.addAll(StreamTail.partitions(consumer, config.getString(TrainerServiceConfig.SCORED_TOPIC)));
        all.addAll(StreamTail.partitions(consumer, config.getString(TrainerServiceConfig.ALERTS_TOPIC)));
        all.addAll(StreamTail.partitions(consumer, config.getString(TrainerServiceConfig.FEEDBACK_TOPIC)));
        List<TopicPartition> added =
                all.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        if (!added.isEmpty()) {
            consumer.assign(all);
            long since = clock.millis()
                    - config.duration(TrainerServiceConfig.COLLECT_MAX_AGE).toMillis();
            StreamTail.seekToTime(consumer, added, since);
            LOG.info("Reading {} from {}", added, Instant.ofEpochMilli(since));
        }
    }

    /** Polls once (or waits, when nothing is assigned yet) and feeds the collection and drift monitor. */
    void poll() throws InterruptedException {
        if (collection == null || consumer.assignment().isEmpty()) {
            Thread.sleep(POLL.toMillis());
            return;
        }
        String scoredTopic = config.getString(TrainerServiceConfig.SCORED_TOPIC);
        String feedbackTopic = config.getString(TrainerServiceConfig.FEEDBACK_TOPIC);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            if (record.topic().equals(scoredTopic)) {
                StreamRecords.scored(record.value()).filter(members::accepts).ifPresent(this::collect);
            } else if (record.topic().equals(feedbackTopic)) {
                StreamRecords.feedback(record.value()).ifPresent(collection::onFeedback);
            } else {
                StreamRecords.alert(record.value()).ifPresent(collection::onAlert);
            }
        }
        events.collectionSize(collection.size());
    }

    private void collect(ScoredReading scored) {
        scoredListener.accept(scored);
        events.recordCollected(collection.offer(scored));
        if (scored.getScore() != null && scored.getModelVersion() != null) {
            drift.observe(scored.getScore(), scored.getModelVersion());
        }
    }

    /** Whether the live scores drifted (reports the PSI once a full window is in). */
    boolean drifted() {
        drift.psi().ifPresent(value -> events.driftChecked(value, drift.drifted()));
        return drift.drifted();
    }

    /** The collection, once a model is followed. */
    RecentNormalData collection() {
        return collection;
    }

    /** Interrupts a blocking poll from another thread. */
    void wakeup() {
        try {
            consumer.wakeup();
        } catch (IllegalStateException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
