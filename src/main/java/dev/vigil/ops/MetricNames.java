package dev.vigil.ops;

import java.util.List;

/** The names of Vigil's own meters: what dashboards, alert rules and docs refer to. */
public final class MetricNames {
    public static final String RECORDS = "vigil.records";
    public static final String RECORDS_MISROUTED = "vigil.records.misrouted";
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
    /** Creation time of the model scoring now: {@code vigil_model_created_timestamp_seconds}. */
    public static final String MODEL_CREATED = "vigil.model.created.timestamp";
    /** Constant 1 tagged with {@code version} and {@code java_version}: {@code vigil_build_info}. */
    public static final String BUILD_INFO = "vigil.build.info";
    /** Readings of one model group, by outcome: tagged {@code group} (configured names only) and {@code outcome}. */
    public static final String GROUP_RECORDS = "vigil.group.records";
    /** Version of the model scoring one group now, tagged {@code group}. */
    public static final String GROUP_MODEL_VERSION = "vigil.group.model.version";
    /** Bundles the trainer published, tagged {@code group} (configured names only). */
    public static final String GROUP_PUBLISHED = "vigil.group.published";

    /** Live readings a shadow candidate scored beside the live model, tagged {@code group}. */
    public static final String SHADOW_READINGS = "vigil.shadow.readings";
    /** Of those, readings above each model's threshold, tagged {@code group} and {@code model} ({@code shadow}/{@code live}). */
    public static final String SHADOW_ANOMALIES = "vigil.shadow.anomalies";
    /** Version of the shadow candidate of a group (NaN when none), tagged {@code group}. */
    public static final String SHADOW_MODEL_VERSION = "vigil.shadow.model.version";
    /** Readings the shadow did not score, tagged {@code group} and {@code reason} ({@code busy}/{@code failed}). */
    public static final String SHADOW_SKIPPED = "vigil.shadow.skipped";
    /** Operator feedback read by the detector, tagged {@code label}. */
    public static final String FEEDBACK_RECEIVED = "vigil.feedback.received";
    /** False alarms learned by their entity's thresholds, tagged {@code label}. */
    public static final String FEEDBACK_APPLIED = "vigil.feedback.applied";
    /** Feedback dropped without applying, tagged {@code reason}. */
    public static final String FEEDBACK_DROPPED = "vigil.feedback.dropped";

    public static final String TRAINING_RUNS = "vigil.training.runs";
    public static final String TRAINING_DURATION = "vigil.training.duration";
    public static final String TRAINING_LOSS = "vigil.training.loss";
    public static final String TRAINING_SAMPLES = "vigil.training.samples";
    public static final String DRIFT_STATISTIC = "vigil.drift.statistic";
    public static final String GATE_DECISIONS = "vigil.gate.decisions";
    /** Shadow-stage decisions on candidates, tagged {@code outcome} ({@code promoted}/{@code rejected}). */
    public static final String SHADOW_DECISIONS = "vigil.gate.shadow.decisions";
    /** Live readings counted so far for the waiting shadow candidate (0 when none waits). */
    public static final String SHADOW_GATE_READINGS = "vigil.gate.shadow.readings";
    /** The waiting shadow candidate's alert rate and the live model's, tagged {@code model}. */
    public static final String SHADOW_GATE_ALERT_RATE = "vigil.gate.shadow.alert.rate";
    /** Models the trainer published live (first models, direct and shadow promotions). */
    public static final String PROMOTIONS = "vigil.model.promotions";
    /** Automatic rollbacks of a promoted model. */
    public static final String ROLLBACKS = "vigil.model.rollbacks";
    /**
     * Rows operators' feedback changed in the last run's training data, tagged {@code label}:
     * false_alarm (rows added) or confirmed_anomaly (rows removed).
     */
    public static final String TRAINING_FEEDBACK_ROWS = "vigil.training.feedback.rows";

    /** The detector's meters ({@link DetectorMetrics}). */
    public static final List<String> DETECTOR = List.of(
            RECORDS,
            RECORDS_MISROUTED,
            DEAD_LETTERS,
            ANOMALIES,
            ALERTS,
            ALERTS_OPEN,
            SCORE,
            THRESHOLD,
            INFERENCE_LATENCY,
            INFERENCE_BATCH_SIZE,
            MODEL_VERSION,
            MODEL_CREATED,
            MODEL_SWAPS,
            FEEDBACK_RECEIVED,
            FEEDBACK_APPLIED,
            FEEDBACK_DROPPED);

    /** The trainer service's meters ({@link TrainerMetrics}). */
    public static final List<String> TRAINER = List.of(
            TRAINING_RUNS,
            TRAINING_DURATION,
            TRAINING_LOSS,
            TRAINING_SAMPLES,
            DRIFT_STATISTIC,
            GATE_DECISIONS,
            SHADOW_DECISIONS,
            SHADOW_GATE_READINGS,
            SHADOW_GATE_ALERT_RATE,
            PROMOTIONS,
            ROLLBACKS,
            TRAINING_FEEDBACK_ROWS);

    /** The detector's live shadow meters ({@link ShadowMeters}), registered per group on its first shadow event. */
    public static final List<String> SHADOW =
            List.of(SHADOW_READINGS, SHADOW_ANOMALIES, SHADOW_MODEL_VERSION, SHADOW_SKIPPED);

    /**
     * The per-group meters, registered once the configured groups are known (not yet on the
     * dashboards, so not in {@link #NAMES}).
     */
    public static final List<String> PER_GROUP = List.of(GROUP_RECORDS, GROUP_MODEL_VERSION, GROUP_PUBLISHED);

    /** Every name above but {@link #PER_GROUP}, for documentation and dashboard checks. */
    public static final List<String> NAMES = java.util.stream.Stream.of(DETECTOR, TRAINER, SHADOW)
            .flatMap(List::stream)
            .toList();

    /** Value of the {@code reason} tag on swaps that were applied. */
    public static final String NO_REASON = "none";

    private MetricNames() {}
}
