package dev.vigil.ops;

import static dev.vigil.ops.MetricNames.*;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.FeedbackDrop;
import dev.vigil.detector.events.ForwardingDetectorEvents;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.models.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The detector's meters, moved by its events: pass this to the detector as its listener. {@link
 * #bindTo} registers every meter in the registry, at zero, including one dead-letter series per
 * {@link RejectReason} and one refusal series per {@link RefusalReason}, so a scrape shows every name
 * before the first event. Bind before the detector starts (events before that count nowhere); to
 * export to several registries, bind a {@code CompositeMeterRegistry}. Tags are bounded: no tag ever
 * carries an entity id, free-text refusal reasons go through {@link BoundedTagValues}, and the
 * {@code group} tag of the per-group meters takes only the configured group names ({@link GroupTags}).
 *
 * <p>Thread-safe; the event methods are cheap enough for the per-record hot path.
 */
public final class DetectorMetrics implements DetectorEvents, MeterBinder {
    private volatile Meters meters = new Meters(new CompositeMeterRegistry());
    private volatile MeterRegistry registry = new CompositeMeterRegistry();
    private volatile GroupMeters groups = new GroupMeters(registry, new GroupTags(List.of()));
    private volatile ShadowMeters shadow = new ShadowMeters(registry);

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        meters = new Meters(registry);
        shadow = new ShadowMeters(registry);
    }

    /** Registers the per-group meters ({@link GroupMeters}) of the configured groups, the only group tag values. */
    @Override
    public void groupsConfigured(List<String> configured) {
        groups = new GroupMeters(registry, new GroupTags(configured));
        shadow.registerAtZero(configured);
    }

    /** A view that also moves {@code group}'s meters (none if it is not a configured group). */
    @Override
    public DetectorEvents forGroup(String group) {
        return new ForwardingDetectorEvents(this) {
            @Override
            public void deadLettered(RejectReason reason) {
                super.deadLettered(reason);
                groups.deadLettered(group);
            }

            @Override
            public void scored(Verdict verdict, double score, double threshold) {
                super.scored(verdict, score, threshold);
                groups.scored(group, verdict);
            }
        };
    }

    @Override
    public void misrouted() {
        meters.misrouted.increment();
    }

    @Override
    public void deadLettered(RejectReason reason) {
        Meters m = meters;
        m.deadLettered.increment();
        m.deadLetters.get(reason).increment();
    }

    @Override
    public void scored(Verdict verdict, double score, double threshold) {
        Meters m = meters;
        if (verdict == Verdict.WARMING_UP) {
            m.warmingUp.increment();
            return;
        }
        m.scored.increment();
        m.score.record(score);
        if (verdict == Verdict.ANOMALOUS) {
            m.anomalies.increment();
        }
        if (Double.isFinite(threshold)) {
            m.threshold.set(threshold);
        }
    }

    @Override
    public void inferred(int batchSize, long nanos) {
        Meters m = meters;
        m.inferenceLatency.record(nanos, TimeUnit.NANOSECONDS);
        m.batchSize.record(batchSize);
    }

    @Override
    public void alert(AlertEvent event) {
        Meters m = meters;
        switch (event) {
            case OPENED -> {
                m.alertsOpened.increment();
                m.openAlerts.incrementAndGet();
            }
            case UPDATED -> m.alertsUpdated.increment();
            case CLOSED -> {
                m.alertsClosed.increment();
                m.openAlerts.updateAndGet(open -> Math.max(0, open - 1));
            }
        }
    }

    @Override
    public void feedbackReceived(FeedbackLabel label) {
        meters.feedbackReceived.get(label).increment();
    }

    @Override
    public void feedbackApplied(FeedbackLabel label) {
        meters.feedbackApplied.get(label).increment();
    }

    @Override
    public void feedbackDropped(FeedbackDrop reason) {
        meters.feedbackDropped.get(reason).increment();
    }

    @Override
    public void modelApplied(String group, long version, Instant createdAt) {
        Meters m = meters;
        m.swapsApplied.increment();
        m.modelVersion.set(version);
        m.modelCreated.set(createdAt.toEpochMilli() / 1000.0);
        groups.modelApplied(group, version);
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        meters.refusal(reason).increment();
    }

    @Override
    public void shadowApplied(String group, long version) {
        shadow.applied(group, version);
    }

    @Override
    public void shadowCleared(String group) {
        shadow.cleared(group);
    }

    @Override
    public void shadowScored(String group, long shadowVersion, int readings, int shadowAnomalous, int liveAnomalous) {
        shadow.scored(group, readings, shadowAnomalous, liveAnomalous);
    }

    @Override
    public void shadowSkipped(String group, String reason, int readings) {
        shadow.skipped(group, reason, readings);
    }

    /** Every meter of one registry. */
    private static final class Meters {
        private final MeterRegistry registry;
        private final BoundedTagValues reasons = new BoundedTagValues(64);
        private final Counter scored;
        private final Counter warmingUp;
        private final Counter deadLettered;
        private final Counter misrouted;
        private final Counter anomalies;
        private final Counter alertsOpened;
        private final Counter alertsUpdated;
        private final Counter alertsClosed;
        private final Counter swapsApplied;
        private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);
        private final Map<FeedbackLabel, Counter> feedbackReceived = new EnumMap<>(FeedbackLabel.class);
        private final Map<FeedbackLabel, Counter> feedbackApplied = new EnumMap<>(FeedbackLabel.class);
        private final Map<FeedbackDrop, Counter> feedbackDropped = new EnumMap<>(FeedbackDrop.class);
        private final AtomicLong openAlerts = new AtomicLong();
        private final GaugeValue threshold = new GaugeValue(Double.NaN);
        private final GaugeValue modelVersion = new GaugeValue(Double.NaN);
        private final GaugeValue modelCreated = new GaugeValue(Double.NaN);
        private final ScoreHistogram score;
        private final Timer inferenceLatency;
        private final DistributionSummary batchSize;

        Meters(MeterRegistry registry) {
            this.registry = registry;
            score = ScoreHistogram.in(registry);
            scored = counter(RECORDS, "Readings processed, by outcome", "outcome", "scored");
            warmingUp = counter(RECORDS, "Readings processed, by outcome", "outcome", "warming_up");
            deadLettered = counter(RECORDS, "Readings processed, by outcome", "outcome", "dead_lettered");
            misrouted = counter(
                    RECORDS_MISROUTED,
                    "Readings that arrived on another input partition than their entity's murmur2 partition");
            anomalies = counter(ANOMALIES, "Readings scored above the threshold");
            alertsOpened = counter(ALERTS, "Alert lifecycle events", "event", "opened");
            alertsUpdated = counter(ALERTS, "Alert lifecycle events", "event", "updated");
            alertsClosed = counter(ALERTS, "Alert lifecycle events", "event", "closed");
            swapsApplied = swaps("applied", NO_REASON);
            for (RejectReason reason : RejectReason.values()) {
                deadLetters.put(reason, deadLetters(BoundedTagValues.normalise(reason.name())));
            }
            for (RefusalReason reason : RefusalReason.values()) {
                refusal(reason.name());
            }
            registerFeedback();
            Gauge.builder(ALERTS_OPEN, openAlerts, AtomicLong::get)
                    .description("Alerts open now")
                    .register(registry);
            GaugeValue.register(registry, THRESHOLD, "Anomaly threshold of the current model", threshold);
            GaugeValue.register(registry, MODEL_VERSION, "Version of the model scoring now", modelVersion);
            Gauge.builder(MODEL_CREATED, modelCreated, GaugeValue::get)
                    .description("Creation time of the model scoring now, epoch seconds, from its manifest")
                    .baseUnit("seconds")
                    .register(registry);
            inferenceLatency = MeterShapes.inferenceLatency(INFERENCE_LATENCY).register(registry);
            batchSize = MeterShapes.batchSize(INFERENCE_BATCH_SIZE).register(registry);
        }

        private void registerFeedback() {
            for (FeedbackLabel label : FeedbackLabel.values()) {
                String tag = BoundedTagValues.normalise(label.name());
                feedbackReceived.put(
                        label, counter(FEEDBACK_RECEIVED, "Operator feedback read, by label", "label", tag));
                feedbackApplied.put(
                        label, counter(FEEDBACK_APPLIED, "Feedback learned by its entity's thresholds", "label", tag));
            }
            for (FeedbackDrop reason : FeedbackDrop.values()) {
                String tag = BoundedTagValues.normalise(reason.name());
                feedbackDropped.put(
                        reason,
                        counter(FEEDBACK_DROPPED, "Feedback dropped without applying, by reason", "reason", tag));
            }
        }

        Counter refusal(String reason) {
            return swaps("refused", reasons.bound(reason));
        }

        private Counter swaps(String outcome, String reason) {
            return counter(
                    MODEL_SWAPS, "Model swaps, applied or refused with a reason", "outcome", outcome, "reason", reason);
        }

        private Counter deadLetters(String reason) {
            return counter(DEAD_LETTERS, "Records sent to the dead-letter topic, by reason", "reason", reason);
        }

        private Counter counter(String name, String help, String... tags) {
            return Counter.builder(name).description(help).tags(tags).register(registry);
        }
    }
}
