package dev.vigil.ops;

import static dev.vigil.ops.MetricNames.*;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.trainer.FeedbackRows;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.RetrainSchedule;
import dev.vigil.trainer.service.RollbackRule;
import dev.vigil.trainer.service.ShadowGate;
import dev.vigil.trainer.service.ShadowTally;
import dev.vigil.trainer.service.TrainerEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainer service's meters, moved by its events: pass this to the service as its listener, and
 * {@link #bindTo} a registry before it starts (every meter is registered there at zero). A run ends
 * in one of three outcomes: {@code succeeded} (a bundle was published; losses and samples come from
 * its training summary), {@code rejected} (the quality gate refused the candidate) or {@code failed}.
 * Calls come from the service's single thread, so the run in progress is plain state; with
 * {@code trainer.groups}, each group's service reports through its own {@link #forGroup} view.
 */
public final class TrainerMetrics implements TrainerEvents, MeterBinder {
    private volatile MeterRegistry registry = new CompositeMeterRegistry();
    private volatile Meters meters = new Meters(registry);
    private volatile Map<String, Counter> publishedByGroup = Map.of();
    private long runStartedNanos = System.nanoTime();

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        meters = new Meters(registry);
    }

    /** Registers {@code vigil.group.published} for each configured group, the only {@code group} tag values. */
    @Override
    public void groupsConfigured(List<String> groups) {
        Map<String, Counter> counters = new HashMap<>();
        for (String group : new GroupTags(groups).groups()) {
            counters.put(
                    group,
                    Counter.builder(GROUP_PUBLISHED)
                            .description("Bundles published, by model group")
                            .tag(GroupTags.TAG, group)
                            .register(registry));
        }
        publishedByGroup = Map.copyOf(counters);
    }

    /**
     * The listener of one group's service (of several, each on its own thread): it moves the shared
     * meters, times its own runs, and counts its group's published bundles.
     */
    @Override
    public TrainerEvents forGroup(String group) {
        return new GroupView(group);
    }

    @Override
    public void driftChecked(double psi, boolean drifted) {
        meters.driftStatistic.set(psi);
    }

    @Override
    public void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {
        runStartedNanos = System.nanoTime();
    }

    @Override
    public void gateDecided(String variant, GateDecision decision) {
        gateDecided(decision, runStartedNanos);
    }

    @Override
    public void feedbackApplied(FeedbackRows effect) {
        meters.feedbackAdded.set(effect.falseAlarmRowsAdded());
        meters.feedbackRemoved.set(effect.confirmedRowsRemoved());
    }

    @Override
    public void published(ModelBundle bundle) {
        published(bundle, runStartedNanos);
    }

    @Override
    public void trainingFailed(String reason) {
        meters.run(meters.failed, runStartedNanos);
    }

    @Override
    public void shadowProgress(long version, ShadowTally tally) {
        Meters m = meters;
        m.shadowReadings.set(tally.readings());
        m.shadowRate.set(tally.shadowRate());
        m.liveRate.set(tally.liveRate());
    }

    @Override
    public void shadowDecided(long version, ShadowGate.Decision decision) {
        Meters m = meters;
        (decision.outcome() == ShadowGate.Outcome.PROMOTE ? m.shadowPromoted : m.shadowRejected).increment();
        m.shadowReadings.set(0);
    }

    @Override
    public void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {
        meters.rollbacks.increment();
    }

    private void gateDecided(GateDecision decision, long startedNanos) {
        Meters m = meters;
        (decision.accepted() ? m.gatePublished : m.gateRejected).increment();
        if (!decision.accepted()) {
            m.run(m.rejected, startedNanos);
        }
    }

    private void published(ModelBundle bundle, long startedNanos) {
        Meters m = meters;
        m.promotions.increment();
        TrainingSummary summary = bundle.getTraining();
        m.run(m.succeeded, startedNanos);
        m.samples.set(summary.getSamples());
        m.trainLoss.set(summary.getTrainLoss());
        m.validationLoss.set(summary.getValidationLoss());
    }

    /** One group's view: its own run clock (its service has a thread of its own). */
    private final class GroupView implements TrainerEvents {
        private final String group;
        private volatile long startedNanos = System.nanoTime();

        GroupView(String group) {
            this.group = group;
        }

        @Override
        public void driftChecked(double psi, boolean drifted) {
            TrainerMetrics.this.driftChecked(psi, drifted);
        }

        @Override
        public void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {
            startedNanos = System.nanoTime();
        }

        @Override
        public void gateDecided(String variant, GateDecision decision) {
            TrainerMetrics.this.gateDecided(decision, startedNanos);
        }

        @Override
        public void feedbackApplied(FeedbackRows effect) {
            TrainerMetrics.this.feedbackApplied(effect);
        }

        @Override
        public void published(ModelBundle bundle) {
            TrainerMetrics.this.published(bundle, startedNanos);
            Counter counter = publishedByGroup.get(group);
            if (counter != null) {
                counter.increment();
            }
        }

        @Override
        public void trainingFailed(String reason) {
            meters.run(meters.failed, startedNanos);
        }

        @Override
        public void shadowProgress(long version, ShadowTally tally) {
            TrainerMetrics.this.shadowProgress(version, tally);
        }

        @Override
        public void shadowDecided(long version, ShadowGate.Decision decision) {
            TrainerMetrics.this.shadowDecided(version, decision);
        }

        @Override
        public void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {
            TrainerMetrics.this.rolledBack(from, republished, decision);
        }
    }

    /** Every meter of one registry. */
    private static final class Meters {
        private final Counter succeeded;
        private final Counter rejected;
        private final Counter failed;
        private final Counter gatePublished;
        private final Counter gateRejected;
        private final Timer duration;
        private final GaugeValue samples = new GaugeValue(Double.NaN);
        private final GaugeValue trainLoss = new GaugeValue(Double.NaN);
        private final GaugeValue validationLoss = new GaugeValue(Double.NaN);
        private final GaugeValue driftStatistic = new GaugeValue(Double.NaN);
        private final GaugeValue shadowReadings = new GaugeValue(0);
        private final GaugeValue shadowRate = new GaugeValue(Double.NaN);
        private final GaugeValue liveRate = new GaugeValue(Double.NaN);
        private final Counter shadowPromoted;
        private final Counter shadowRejected;
        private final Counter promotions;
        private final Counter rollbacks;
        private final GaugeValue feedbackAdded = new GaugeValue(0);
        private final GaugeValue feedbackRemoved = new GaugeValue(0);

        Meters(MeterRegistry registry) {
            succeeded = runs(registry, "succeeded");
            rejected = runs(registry, "rejected");
            failed = runs(registry, "failed");
            gatePublished = gate(registry, "published");
            gateRejected = gate(registry, "rejected");
            duration = MeterShapes.trainingDuration(TRAINING_DURATION).register(registry);
            GaugeValue.register(registry, TRAINING_SAMPLES, "Samples used by the last run", samples);
            GaugeValue.register(registry, DRIFT_STATISTIC, "Last drift statistic", driftStatistic);
            loss(registry, "train", trainLoss);
            loss(registry, "validation", validationLoss);
            shadowPromoted = shadowDecision(registry, "promoted");
            shadowRejected = shadowDecision(registry, "rejected");
            promotions = Counter.builder(PROMOTIONS)
                    .description("Models the trainer published live")
                    .register(registry);
            rollbacks = Counter.builder(ROLLBACKS)
                    .description("Automatic rollbacks of a promoted model")
                    .register(registry);
            GaugeValue.register(
                    registry,
                    SHADOW_GATE_READINGS,
                    "Live readings counted for the waiting shadow candidate",
                    shadowReadings);
            shadowRate(registry, "shadow", shadowRate);
            shadowRate(registry, "live", liveRate);
            feedbackRows(registry, "false_alarm", feedbackAdded);
            feedbackRows(registry, "confirmed_anomaly", feedbackRemoved);
        }

        private static Counter shadowDecision(MeterRegistry registry, String outcome) {
            return Counter.builder(SHADOW_DECISIONS)
                    .description("Shadow-stage decisions on candidates")
                    .tag("outcome", outcome)
                    .register(registry);
        }

        private static void shadowRate(MeterRegistry registry, String model, GaugeValue value) {
            io.micrometer.core.instrument.Gauge.builder(SHADOW_GATE_ALERT_RATE, value, GaugeValue::get)
                    .description(
                            "Alert rate of the waiting shadow candidate and of the live model on the same readings")
                    .tag("model", model)
                    .register(registry);
        }

        private static void feedbackRows(MeterRegistry registry, String label, GaugeValue value) {
            io.micrometer.core.instrument.Gauge.builder(TRAINING_FEEDBACK_ROWS, value, GaugeValue::get)
                    .description("Rows feedback changed in the last run's training data: false alarms added,"
                            + " confirmed anomalies removed")
                    .tag("label", label)
                    .register(registry);
        }

        /** A run ended with {@code outcome}; its duration counts from {@code startedNanos}, its start. */
        void run(Counter outcome, long startedNanos) {
            outcome.increment();
            duration.record(Duration.ofNanos(System.nanoTime() - startedNanos));
        }

        private static Counter runs(MeterRegistry registry, String outcome) {
            return Counter.builder(TRAINING_RUNS)
                    .description("Training runs, by outcome")
                    .tag("outcome", outcome)
                    .register(registry);
        }

        private static Counter gate(MeterRegistry registry, String decision) {
            return Counter.builder(GATE_DECISIONS)
                    .description("Quality-gate decisions on candidate models")
                    .tag("decision", decision)
                    .register(registry);
        }

        private static void loss(MeterRegistry registry, String split, GaugeValue value) {
            io.micrometer.core.instrument.Gauge.builder(TRAINING_LOSS, value, GaugeValue::get)
                    .description("Final loss of the last successful training run")
                    .tag("split", split)
                    .register(registry);
        }
    }
}
