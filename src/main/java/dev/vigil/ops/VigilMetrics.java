package dev.vigil.ops;

import dev.vigil.contract.avro.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Every Vigil meter, in one place: names, types, tags and the events that move them. Meters are
 * created eagerly when this object is built, so a scrape shows every name (at zero) before the first
 * event; {@link #bindTo} attaches any number of registries (Prometheus for {@code /metrics}, a simple
 * one in tests) and binds the JVM meters too. Tags are bounded: outcomes and decisions are fixed sets,
 * free-text reasons go through {@link BoundedTagValues}; no tag ever carries an entity id.
 *
 * <p>Thread-safe; the record methods are cheap enough for the per-record hot path.
 */
public final class VigilMetrics implements MeterBinder, AutoCloseable {
    public static final String RECORDS = "vigil.records";
    public static final String DEAD_LETTERS = "vigil.dead.letters";
    public static final String ANOMALIES = "vigil.anomalies";
    public static final String ALERTS = "vigil.alerts";
    public static final String ALERTS_OPEN = "vigil.alerts.open";
    public static final String SCORE = "vigil.score";
    public static final String THRESHOLD = "vigil.threshold";
    public static final String INFERENCE_LATENCY = "vigil.inference.latency";
    public static final String INFERENCE_BATCH_SIZE = "vigil.inference.batch.size";
    public static final String MODEL_VERSION = "vigil.model.version";
    public static final String MODEL_SWAPS = "vigil.model.swaps";
    public static final String TRAINING_RUNS = "vigil.training.runs";
    public static final String TRAINING_DURATION = "vigil.training.duration";
    public static final String TRAINING_LOSS = "vigil.training.loss";
    public static final String TRAINING_SAMPLES = "vigil.training.samples";
    public static final String DRIFT_STATISTIC = "vigil.drift.statistic";
    public static final String GATE_DECISIONS = "vigil.gate.decisions";

    /** Every name above, for documentation and dashboard checks. */
    public static final List<String> NAMES = List.of(
            RECORDS,
            DEAD_LETTERS,
            ANOMALIES,
            ALERTS,
            ALERTS_OPEN,
            SCORE,
            THRESHOLD,
            INFERENCE_LATENCY,
            INFERENCE_BATCH_SIZE,
            MODEL_VERSION,
            MODEL_SWAPS,
            TRAINING_RUNS,
            TRAINING_DURATION,
            TRAINING_LOSS,
            TRAINING_SAMPLES,
            DRIFT_STATISTIC,
            GATE_DECISIONS);

    private static final Map<String, String> COUNTER_HELP = Map.of(
            RECORDS, "Readings processed, by outcome",
            DEAD_LETTERS, "Records sent to the dead-letter topic, by reason",
            ANOMALIES, "Readings scored above the threshold",
            ALERTS, "Alert lifecycle events",
            MODEL_SWAPS, "Model swaps, applied or refused with a reason",
            TRAINING_RUNS, "Training runs, by outcome",
            GATE_DECISIONS, "Quality-gate decisions on candidate models");

    /** Value of the {@code reason} tag on swaps that were applied. */
    public static final String NO_REASON = "none";

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final PlatformMetrics platform = new PlatformMetrics();
    private final BoundedTagValues reasons = new BoundedTagValues(64);
    private final BoundedTagValues outcomes = new BoundedTagValues(8);
    private final Map<String, Counter> taggedCounters = new ConcurrentHashMap<>();

    private final Counter scored = counter(RECORDS, "outcome", "scored");
    private final Counter warmingUp = counter(RECORDS, "outcome", "warming_up");
    private final Counter deadLettered = counter(RECORDS, "outcome", "dead_lettered");
    private final Counter anomalies = counter(ANOMALIES);
    private final Counter alertsOpened = counter(ALERTS, "event", "opened");
    private final Counter alertsUpdated = counter(ALERTS, "event", "updated");
    private final Counter alertsClosed = counter(ALERTS, "event", "closed");
    private final Counter swapsApplied = counter(MODEL_SWAPS, "outcome", "applied", "reason", NO_REASON);
    private final Counter gatePublished = counter(GATE_DECISIONS, "decision", "published");
    private final Counter gateRejected = counter(GATE_DECISIONS, "decision", "rejected");
    private final AtomicLong openAlerts = new AtomicLong();
    private final GaugeValue threshold = gauge(THRESHOLD, "Anomaly threshold of the current model", Double.NaN);
    private final GaugeValue modelVersion = gauge(MODEL_VERSION, "Version of the model scoring now", Double.NaN);
    private final GaugeValue driftStatistic = gauge(DRIFT_STATISTIC, "Last drift statistic", Double.NaN);
    private final GaugeValue trainingSamples = gauge(TRAINING_SAMPLES, "Samples used by the last run", Double.NaN);
    private final GaugeValue trainLoss = lossGauge("train");
    private final GaugeValue validationLoss = lossGauge("validation");
    private final ScoreHistogram score = new ScoreHistogram(meters);
    private final Timer inferenceLatency =
            MeterShapes.inferenceLatency(INFERENCE_LATENCY).register(meters);
    private final DistributionSummary batchSize =
            MeterShapes.batchSize(INFERENCE_BATCH_SIZE).register(meters);
    private final Timer trainingDuration =
            MeterShapes.trainingDuration(TRAINING_DURATION).register(meters);

    /** Creates every meter; nothing is exported until {@link #bindTo} is called. */
    public VigilMetrics() {
        Gauge.builder(ALERTS_OPEN, openAlerts, AtomicLong::get)
                .description("Alerts open now")
                .register(meters);
        counter(TRAINING_RUNS, "outcome", "succeeded");
        counter(TRAINING_RUNS, "outcome", "rejected");
        counter(TRAINING_RUNS, "outcome", "failed");
    }

    /** Exports every Vigil meter, and the JVM meters, to {@code registry}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        score.prepare(registry);
        meters.add(registry);
        platform.bindJvm(registry);
    }

    /**
     * Binds the Kafka Streams client metrics (consumer lag, commit rate, process rate, ...) of {@code
     * streams} to every registry bound so far. Close the result when the streams instance closes.
     */
    public AutoCloseable bindKafkaStreams(KafkaStreams streams) {
        return platform.bindKafkaStreams(streams, meters);
    }

    /**
     * Creates the dead-letter and swap-refusal series of known reason codes at zero, so dashboards
     * show a flat line instead of "No data" until the first one happens.
     */
    public void declareReasons(Collection<String> deadLetterReasons, Collection<String> refusalReasons) {
        deadLetterReasons.forEach(reason -> taggedCounter(DEAD_LETTERS, "reason", reasons.bound(reason)));
        refusalReasons.forEach(
                reason -> taggedCounter(MODEL_SWAPS, "outcome", "refused", "reason", reasons.bound(reason)));
    }

    /** A reading was scored ({@code NORMAL} or {@code ANOMALOUS}) or skipped while warming up. */
    public void recordScored(Verdict verdict, double anomalyScore) {
        if (verdict == Verdict.WARMING_UP) {
            warmingUp.increment();
            return;
        }
        scored.increment();
        score.record(anomalyScore);
        if (verdict == Verdict.ANOMALOUS) {
            anomalies.increment();
        }
    }

    /** A reading was skipped because its entity's window is not full yet. */
    public void recordWarmingUp() {
        warmingUp.increment();
    }

    /** A record went to the dead-letter topic; {@code reason} is a short code like NON_FINITE_VALUE. */
    public void recordDeadLetter(String reason) {
        deadLettered.increment();
        taggedCounter(DEAD_LETTERS, "reason", reasons.bound(reason)).increment();
    }

    /** An alert opened for some entity. */
    public void recordAlertOpened() {
        alertsOpened.increment();
        openAlerts.incrementAndGet();
    }

    /** An open alert was updated (escalated, new top contributors). */
    public void recordAlertUpdated() {
        alertsUpdated.increment();
    }

    /** An open alert closed. */
    public void recordAlertClosed() {
        alertsClosed.increment();
        openAlerts.updateAndGet(open -> Math.max(0, open - 1));
    }

    /** Sets the open-alert gauge, e.g. after restoring alert state from a store. */
    public void setOpenAlerts(long open) {
        openAlerts.set(open);
    }

    /** One ONNX Runtime call scored {@code rows} rows in {@code nanos} nanoseconds. */
    public void recordInference(long nanos, int rows) {
        inferenceLatency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(rows);
    }

    /** The threshold scores are compared with now. */
    public void setThreshold(double value) {
        threshold.set(value);
    }

    /** A model was swapped in (or loaded at start-up); it scores from now on. */
    public void recordSwapApplied(long version) {
        swapsApplied.increment();
        modelVersion.set(version);
    }

    /** A candidate model was refused; {@code reason} is a short code like BAD_SIGNATURE. */
    public void recordSwapRefused(String reason) {
        taggedCounter(MODEL_SWAPS, "outcome", "refused", "reason", reasons.bound(reason))
                .increment();
    }

    /** A training run finished; losses may be NaN when unknown. */
    public void recordTrainingRun(TrainingRun run) {
        taggedCounter(TRAINING_RUNS, "outcome", outcomes.bound(run.outcome())).increment();
        trainingDuration.record(run.duration());
        if (run.succeeded()) {
            trainingSamples.set(run.samples());
            trainLoss.set(run.trainLoss());
            validationLoss.set(run.validationLoss());
        }
    }

    /** The latest drift statistic between training data and recent data. */
    public void setDriftStatistic(double value) {
        driftStatistic.set(value);
    }

    /** The quality gate published a candidate model, or rejected it. */
    public void recordGateDecision(boolean published) {
        (published ? gatePublished : gateRejected).increment();
    }

    @Override
    public void close() {
        platform.close();
        meters.close();
    }

    /**
     * What a training run reports: {@code outcome} is {@code succeeded}, {@code rejected} (by the
     * quality gate), {@code failed} or another short code.
     */
    public record TrainingRun(
            String outcome, Duration duration, long samples, double trainLoss, double validationLoss) {
        /** A run that produced a model. */
        public static TrainingRun succeeded(Duration duration, long samples, double trainLoss, double validationLoss) {
            return new TrainingRun("succeeded", duration, samples, trainLoss, validationLoss);
        }

        /** A run that failed before producing a model. */
        public static TrainingRun failed(Duration duration) {
            return new TrainingRun("failed", duration, 0, Double.NaN, Double.NaN);
        }

        boolean succeeded() {
            return "succeeded".equals(outcome);
        }
    }

    private Counter counter(String name, String... tags) {
        return taggedCounter(name, tags);
    }

    private Counter taggedCounter(String name, String... tags) {
        String key = name + '|' + String.join("|", tags);
        return taggedCounters.computeIfAbsent(key, k -> Counter.builder(name)
                .description(COUNTER_HELP.get(name))
                .tags(tags)
                .register(meters));
    }

    private GaugeValue gauge(String name, String description, double initial) {
        GaugeValue value = new GaugeValue(initial);
        Gauge.builder(name, value, GaugeValue::get).description(description).register(meters);
        return value;
    }

    private GaugeValue lossGauge(String split) {
        GaugeValue value = new GaugeValue(Double.NaN);
        Gauge.builder(TRAINING_LOSS, value, GaugeValue::get)
                .description("Final loss of the last successful training run")
                .tag("split", split)
                .register(meters);
        return value;
    }
}
