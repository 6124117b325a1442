package dev.vigil.detector.config;

import dev.vigil.contract.ConfigSources;
import dev.vigil.contract.SecretValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Typed, validated, documented configuration of the detector, built on Kafka's {@link ConfigDef}.
 * Loaded from a properties file plus {@code VIGIL_*} environment variables ({@code VIGIL_INPUT_TOPIC}
 * sets {@code input.topic}); every {@code kafka.*} key is passed to Kafka Streams without the prefix,
 * so SASL/SSL and any other client setting work. An invalid value fails with a {@link org.apache.kafka.common.config.ConfigException}
 * naming the key and the reason.
 */
public final class DetectorConfig extends AbstractConfig {
    public static final String APPLICATION_ID = "application.id";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String NUM_STREAM_THREADS = "num.stream.threads";
    public static final String STATE_DIR = "state.dir";
    public static final String UNCAUGHT_EXCEPTION_POLICY = "streams.uncaught.exception.policy";
    public static final String INPUT_TOPIC = "input.topic";
    public static final String SCORED_TOPIC = "scored.topic";
    public static final String SCORED_FEATURE_DETAIL = "scored.feature.detail";
    public static final String ALERTS_TOPIC = "alerts.topic";
    public static final String DLQ_TOPIC = "dlq.topic";
    public static final String MODELS_TOPIC = "models.topic";
    public static final String INPUT_FORMAT = "input.format";
    public static final String INPUT_REPARTITION = "input.repartition";
    public static final String INPUT_AVRO_SCHEMA_FILE = "input.avro.schema.file";
    public static final String MAPPING_ENTITY = "mapping.entity";
    public static final String MAPPING_TIMESTAMP = "mapping.timestamp";
    public static final String MAPPING_FEATURES = "mapping.features";
    public static final String MISSING_POLICY = "missing.policy";
    public static final String MODEL_PATH = "model.path";
    public static final String MODEL_DIR = "model.dir";
    public static final String PROBE_TOLERANCE = "model.probe.tolerance";
    public static final String MODEL_GROUP = "model.group";
    public static final String MODEL_GROUPS = "model.groups";
    public static final String MODEL_GROUPS_BY_FIELD = "model.groups.by.field";
    public static final String MODEL_GROUPS_DEFAULT = "model.groups.default";
    public static final String MODEL_TOPIC_ENABLED = "model.topic.enabled";
    public static final String MODEL_TRUSTED_KEYS = "model.trusted.keys";
    public static final String MODEL_TRUST = "model.trust";
    public static final String MODEL_POLL_MS = "model.poll.interval.ms";
    public static final String MODELS_HISTORY_TOPIC = "models.history.topic";
    public static final String SHADOW_ENABLED = "shadow.enabled";
    public static final String MODELS_SHADOW_TOPIC = "models.shadow.topic";
    public static final String SHADOW_OUTPUT_ENABLED = "shadow.output.enabled";
    public static final String SHADOW_TOPIC = "shadow.topic";
    public static final String SHADOW_STATS_TOPIC = "shadow.stats.topic";
    public static final String MODEL_MAX_ONNX_BYTES = "model.max.onnx.bytes";
    public static final String MODEL_MAX_NODES = "model.max.nodes";
    public static final String MODEL_MAX_INITIALIZER_BYTES = "model.max.initializer.bytes";
    public static final String THRESHOLD_MODE = "threshold.mode";
    public static final String ADAPTIVE_QUANTILE = "threshold.adaptive.quantile";
    public static final String ADAPTIVE_MIN_SAMPLES = "threshold.adaptive.min.samples";
    public static final String EVT_RISK = "threshold.evt.risk";
    public static final String EVT_DRIFT = "threshold.evt.drift";
    public static final String EVT_MAX_PEAKS = "threshold.evt.max.peaks";
    public static final String ALERT_K = "alert.k";
    public static final String ALERT_N = "alert.n";
    public static final String ALERT_CLOSE_AFTER = "alert.close.after";
    public static final String ALERT_COOLDOWN_MS = "alert.cooldown.ms";
    public static final String ALERT_EXIT_RATIO = "alert.exit.ratio";
    public static final String ALERT_TOP_K = "alert.top.k";
    public static final String SCORING_BATCH_SIZE = "scoring.batch.size";
    public static final String PUNCTUATION_INTERVAL_MS = "scoring.punctuation.interval.ms";
    public static final String SCORING_BACKGROUND = "scoring.background";
    public static final String EXECUTION_PROVIDER = "scoring.execution.provider";
    public static final String EXECUTION_DEVICE = "scoring.execution.device";
    public static final String EXECUTION_FALLBACK = "scoring.execution.fallback";
    /**
     * {@code scoring.background=auto} scores in the background above this many processors: measured
     * slower on 2 cores (no core left for the scoring thread), faster on 16 (docs/BENCHMARKS.md).
     */
    static final int BACKGROUND_ABOVE_CORES = 2;

    public static final String MAX_FUTURE_MS = "validation.max.future.ms";
    public static final String MAX_RECORD_BYTES = "validation.max.record.bytes";
    public static final String MAX_LATENESS_MS = "validation.max.lateness.ms";
    public static final String MAX_TIMESTAMP_JUMP_MS = "validation.max.timestamp.jump.ms";
    public static final String CLOCK_RESET_AFTER = "validation.clock.reset.after";
    public static final String MAX_ENTITY_BYTES = "validation.max.entity.bytes";

    public static final String FEEDBACK_ENABLED = "feedback.enabled";
    public static final String FEEDBACK_TOPIC = "feedback.topic";
    public static final String FEEDBACK_SUPPRESS_MS = "feedback.suppress.ms";
    public static final String FEEDBACK_FLOOR_MARGIN = "feedback.floor.margin";
    public static final String FEEDBACK_HISTORY_SIZE = "feedback.history.size";
    public static final String FEEDBACK_PENDING_MAX = "feedback.pending.max";
    public static final String FEEDBACK_PENDING_TTL_MS = "feedback.pending.ttl.ms";

    /** Prefix of keys passed through to Kafka Streams (prefix removed). */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = ConfigSources.ENV_PREFIX;

    private static final ConfigDef DEFINITION = DetectorConfigDefinition.define();

    /**
     * Builds a configuration from raw key/value pairs; validates every defined key, including the
     * per-group keys ({@link ModelGroupsDefinition}) of the groups {@code model.groups} names.
     */
    public DetectorConfig(Map<?, ?> originals) {
        super(ModelGroupsDefinition.withGroupKeys(DEFINITION, originals), originals, true);
        ModelGroupsDefinition.check(this);
        DetectorConfigChecks.check(this);
    }

    /** The per-group key {@code model.group.<group>.<suffix>}, e.g. {@code model.group.pumps.entity.pattern}. */
    public static String groupKey(String group, String suffix) {
        return ModelGroupsDefinition.groupKey(group, suffix);
    }

    /** The definition: names, types, defaults, validators and docs of every key. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /**
     * Reads {@code file} (may be null) and overlays {@code VIGIL_*} entries of {@code env}; environment
     * wins.
     */
    public static DetectorConfig load(Path file, Map<String, String> env) throws IOException {
        return new DetectorConfig(ConfigSources.load(file, env));
    }

    /** Every {@code kafka.*} key with the prefix removed. */
    public Map<String, Object> kafkaOverrides() {
        return originalsWithPrefix(KAFKA_PREFIX, true);
    }

    /** Whether the configuration chose exactly-once processing. */
    public boolean exactlyOnce() {
        return "exactly_once_v2".equals(getString(PROCESSING_GUARANTEE));
    }

    /** The value of a list key as trimmed strings. */
    public List<String> list(String key) {
        return getList(key);
    }

    /** Whether full batches are scored on a background thread, {@code auto} resolved for this JVM. */
    public boolean scoringInBackground() {
        return switch (getString(SCORING_BACKGROUND)) {
            case "true" -> true;
            case "false" -> false;
            default -> Runtime.getRuntime().availableProcessors() > BACKGROUND_ABOVE_CORES;
        };
    }

    /** Every key with its value, one per line, secrets hidden ({@link SecretValues}): logged at start-up. */
    public String describe() {
        StringBuilder text = new StringBuilder("detector configuration:");
        SecretValues.appendTo(text, values());
        Map<String, Object> kafka = new java.util.HashMap<>();
        kafkaOverrides().forEach((key, value) -> kafka.put(KAFKA_PREFIX + key, value));
        SecretValues.appendTo(text, kafka);
        return text.toString();
    }
}
