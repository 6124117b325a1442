package dev.vigil.cli;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.ops.MetricNames;
import dev.vigil.ops.demo.AlertEpisode;
import dev.vigil.ops.demo.DetectionScorer;
import dev.vigil.ops.simulator.Simulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code vigil demo --feedback auto}: the demo answers its own false alerts as an operator would. When
 * an alert closes and the simulator's ground truth says it overlapped no injected anomaly (with the
 * report's grace), a FALSE_ALARM for the alert's stretch goes to the feedback topic, and the console
 * says so with the counts sent and applied (the detector's {@code vigil.feedback.applied}).
 */
final class DemoFeedback implements AutoCloseable {
    private static final AvroCodec<Feedback> FEEDBACK = AvroCodec.of(Feedback.class);

    private final Simulator simulator;
    private final DetectionScorer scorer = new DetectionScorer(DemoSettings.GRACE);
    private final KafkaProducer<String, byte[]> producer;
    private final MeterRegistry registry;
    private final ConsoleView console;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();

    DemoFeedback(String bootstrap, Simulator simulator, MeterRegistry registry, ConsoleView console) {
        this.simulator = simulator;
        this.registry = registry;
        this.console = console;
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
    }

    /** Answers {@code alert} if it closed a false alert not answered yet. */
    void onAlert(AnomalyAlert alert) {
        if (alert.getEvent() != AlertEvent.CLOSED || alert.getEndTime() == null) {
            return;
        }
        long start = alert.getStartTime().toEpochMilli();
        long end = alert.getEndTime().toEpochMilli();
        var episode = new AlertEpisode(alert.getAlertId(), alert.getEntity(), start, start, end, List.of());
        boolean isFalse = scorer.isFalse(episode, simulator.groundTruth().episodes(), simulator.simulatedTimeMillis());
        if (!isFalse || !answered.add(alert.getAlertId())) {
            return;
        }
        producer.send(
                new ProducerRecord<>(DemoSettings.FEEDBACK, alert.getEntity(), FEEDBACK.encode(falseAlarm(alert))));
        console.feedbackSent(alert.getEntity(), start, end, sent.incrementAndGet(), applied());
    }

    /** Feedback records sent so far. */
    long sent() {
        return sent.get();
    }

    /** False alarms the detector applied so far. */
    long applied() {
        return (long) registry.find(MetricNames.FEEDBACK_APPLIED).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static Feedback falseAlarm(AnomalyAlert alert) {
        return Feedback.newBuilder()
                .setEntity(alert.getEntity())
                .setFrom(alert.getStartTime())
                .setTo(alert.getEndTime())
                .setLabel(FeedbackLabel.FALSE_ALARM)
                .setAlertId(alert.getAlertId())
                .setAuthor("vigil demo (ground truth)")
                .setCreatedAt(Instant.now())
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
