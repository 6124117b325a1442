package dev.vigil.trainer.service;

import dev.vigil.contract.ConfigSources;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Typed, validated configuration of the trainer service ({@code vigil trainer --config FILE}). A bad
 * value fails at start-up with the key and the reason. Keys starting {@code kafka.} pass through to
 * the Kafka clients (prefix removed); {@code train.*} hyper-parameters go to the model trainer.
 */
public final class TrainerServiceConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String MODEL_GROUP = "model.group";
    public static final String SCORED_TOPIC = "scored.topic";
    public static final String ALERTS_TOPIC = "alerts.topic";
    public static final String READINGS_TOPIC = "readings.topic";
    public static final String MODELS_TOPIC = "models.topic";
    public static final String MODELS_HISTORY_TOPIC = "models.history.topic";
    public static final String MODELS_REPLICATION = "models.replication.factor";
    public static final String FEATURES = "features";
    public static final String WINDOW = "window.length";
    public static final String COLLECT_MAX_RECORDS = "collect.max.records";
    public static final String COLLECT_MAX_AGE = "collect.max.age";
    public static final String COLLECT_RANGES = "collect.value.ranges";
    public static final String COLLECT_QUARANTINE = "collect.alert.quarantine";
    public static final String BOOTSTRAP_CSV = "bootstrap.csv";
    public static final String BOOTSTRAP_READINGS_MAX = "bootstrap.readings.max";
    public static final String TRAIN_INTERVAL = "train.interval";
    public static final String TRAIN_MIN_GAP = "train.min.gap";
    public static final String TRAIN_MIN_RECORDS = "train.min.records";
    public static final String TRAIN_VARIANTS = "train.variants";
    public static final String TRAIN_EPOCHS = "train.epochs";
    public static final String TRAIN_SEED = "train.seed";
    public static final String TRAIN_LAYERS = "train.layers";
    public static final String TRAIN_THRESHOLD_QUANTILE = "train.threshold.quantile";
    public static final String HOLDOUT_FRACTION = "holdout.fraction";
    public static final String GATE_FALSE_ALARM_BUDGET = "gate.false.alarm.budget";
    public static final String GATE_ERROR_TOLERANCE = "gate.error.tolerance";
    public static final String GATE_MIN_WINDOWS = "gate.min.windows";
    public static final String DRIFT_WINDOW = "drift.window";
    public static final String DRIFT_PSI_THRESHOLD = "drift.psi.threshold";
    public static final String SIGNING_KEY = "signing.key";
    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = ConfigSources.ENV_PREFIX;
    /** Prefix of keys passed to the Kafka clients. */
    public static final String KAFKA_PREFIX = "kafka.";

    private static final ConfigDef DEFINITION = define();

    /** Validates {@code originals}; throws {@link ConfigException} naming the first bad key. */
    public TrainerServiceConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, true);
        checkAcrossKeys();
    }

    /** Reads a properties file. */
    public static TrainerServiceConfig load(Path file) throws IOException {
        return load(file, Map.of());
    }

    /**
     * Reads a properties file, then overlays {@code VIGIL_*} entries of {@code env}
     * ({@code VIGIL_TRAIN_INTERVAL=5m} sets {@code train.interval}); the environment wins.
     */
    public static TrainerServiceConfig load(Path file, Map<String, String> env) throws IOException {
        return new TrainerServiceConfig(ConfigSources.load(file, env));
    }

    /** The definition, for documentation. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** Kafka client properties: {@code bootstrap.servers} plus every {@code kafka.*} key. */
    public Map<String, Object> kafkaClient() {
        Map<String, Object> props = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
        props.put(BOOTSTRAP_SERVERS, getString(BOOTSTRAP_SERVERS));
        return props;
    }

    /** A duration-valued key. */
    public Duration duration(String key) {
        return Durations.parse(getString(key));
    }

    /** The CSV to bootstrap from, if configured. */
    public Optional<Path> bootstrapCsv() {
        return optionalPath(BOOTSTRAP_CSV);
    }

    /** The signing key file, if configured. */
    public Optional<Path> signingKey() {
        return optionalPath(SIGNING_KEY);
    }

    /** The configured value ranges. */
    public ValueRanges valueRanges() {
        return ValueRanges.parse(getList(COLLECT_RANGES));
    }

    /** An empty collection of recent normal data for {@code features}, bounded as configured. */
    public RecentNormalData newCollection(List<String> features) {
        return new RecentNormalData(
                features,
                getInt(COLLECT_MAX_RECORDS),
                duration(COLLECT_MAX_AGE).toMillis(),
                valueRanges(),
                duration(COLLECT_QUARANTINE).toMillis());
    }

    /** The drift monitor of {@code drift.*}. */
    public DriftMonitor newDriftMonitor() {
        return new DriftMonitor(getInt(DRIFT_WINDOW), getDouble(DRIFT_PSI_THRESHOLD));
    }

    /** The retraining schedule of {@code train.interval} and {@code train.min.gap}. */
    public RetrainSchedule newSchedule() {
        return new RetrainSchedule(duration(TRAIN_INTERVAL), duration(TRAIN_MIN_GAP));
    }

    /** The candidate gate the configuration describes. */
    public CandidateGate gate() {
        return new CandidateGate(
                getDouble(GATE_FALSE_ALARM_BUDGET), getDouble(GATE_ERROR_TOLERANCE), getInt(GATE_MIN_WINDOWS));
    }

    private Optional<Path> optionalPath(String key) {
        String value = getString(key);
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private void checkAcrossKeys() {
        try {
            valueRanges();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(COLLECT_RANGES, getList(COLLECT_RANGES), e.getMessage());
        }
        for (String key : List.of(BOOTSTRAP_CSV, SIGNING_KEY)) {
            optionalPath(key).filter(p -> !Files.isReadable(p)).ifPresent(p -> {
                throw new ConfigException(key, p.toString(), "is not a readable file");
            });
        }
        if (duration(TRAIN_MIN_GAP).compareTo(duration(TRAIN_INTERVAL)) > 0) {
            throw new ConfigException(TRAIN_MIN_GAP, getString(TRAIN_MIN_GAP), "must not exceed " + TRAIN_INTERVAL);
        }
        for (String layer : getList(TRAIN_LAYERS)) {
            if (!layer.matches("[1-9]\\d*")) {
                throw new ConfigException(TRAIN_LAYERS, getList(TRAIN_LAYERS), "each entry must be a positive width");
            }
        }
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        defineKafka(def);
        defineCollection(def);
        defineTraining(def);
        defineGateAndDrift(def);
        return def;
    }

    private static void defineKafka(ConfigDef def) {
        def.define(
                        BOOTSTRAP_SERVERS,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Kafka bootstrap servers.")
                .define(
                        MODEL_GROUP,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Model group this trainer keeps fresh (the key on the models topics).")
                .define(
                        SCORED_TOPIC,
                        Type.STRING,
                        "vigil.scored",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Topic of ScoredReading records the collection reads.")
                .define(
                        ALERTS_TOPIC,
                        Type.STRING,
                        "vigil.alerts",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Topic of AnomalyAlert events (open episodes are left out of training).")
                .define(
                        READINGS_TOPIC,
                        Type.STRING,
                        "vigil.readings",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Topic of SensorReading records used to bootstrap when no model exists.")
                .define(
                        MODELS_TOPIC,
                        Type.STRING,
                        "vigil.models",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Compacted topic of current bundles.")
                .define(
                        MODELS_HISTORY_TOPIC,
                        Type.STRING,
                        "vigil.models.history",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Append-only topic of every published bundle.")
                .define(
                        MODELS_REPLICATION,
                        Type.SHORT,
                        (short) 1,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Replication factor of the model topics when the trainer creates them.")
                .define(
                        SIGNING_KEY,
                        Type.STRING,
                        "",
                        Importance.HIGH,
                        "Ed25519 signing key file (vigil models keygen); without it bundles are published unsigned.");
    }

    private static void defineCollection(ConfigDef def) {
        def.define(
                        FEATURES,
                        Type.LIST,
                        List.of(),
                        Importance.MEDIUM,
                        "Feature names, in model order, for a first model trained from vigil.readings; later models"
                                + " keep the features of the model in use.")
                .define(
                        WINDOW,
                        Type.INT,
                        1,
                        Range.between(1, 1000),
                        Importance.MEDIUM,
                        "Window length W of a first model; later models keep the window of the model in use.")
                .define(
                        COLLECT_MAX_RECORDS,
                        Type.INT,
                        100_000,
                        Range.atLeast(100),
                        Importance.MEDIUM,
                        "Most recent normal records kept for training.")
                .define(
                        COLLECT_MAX_AGE,
                        Type.STRING,
                        "24h",
                        Durations.atLeast(Duration.ofSeconds(1)),
                        Importance.MEDIUM,
                        "Oldest record kept, in event time behind the newest.")
                .define(
                        COLLECT_RANGES,
                        Type.LIST,
                        List.of(),
                        Importance.MEDIUM,
                        "Plausible ranges, entries feature:min:max; records outside are left out.")
                .define(
                        COLLECT_QUARANTINE,
                        Type.STRING,
                        "15m",
                        Durations.atLeast(Duration.ZERO),
                        Importance.MEDIUM,
                        "Event time after an alert closes during which its entity's records are not collected.")
                .define(
                        BOOTSTRAP_CSV,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "CSV file or dataset directory to train the first model from, instead of vigil.readings.")
                .define(
                        BOOTSTRAP_READINGS_MAX,
                        Type.INT,
                        50_000,
                        Range.atLeast(100),
                        Importance.LOW,
                        "Most recent readings read from the readings topic to bootstrap.");
    }

    private static void defineTraining(ConfigDef def) {
        def.define(
                        TRAIN_INTERVAL,
                        Type.STRING,
                        "1h",
                        Durations.atLeast(Duration.ofSeconds(1)),
                        Importance.HIGH,
                        "Time between scheduled retraining runs.")
                .define(
                        TRAIN_MIN_GAP,
                        Type.STRING,
                        "10m",
                        Durations.atLeast(Duration.ZERO),
                        Importance.MEDIUM,
                        "Least time between two runs (drift-triggered or retried).")
                .define(
                        TRAIN_MIN_RECORDS,
                        Type.INT,
                        1000,
                        Range.atLeast(10),
                        Importance.MEDIUM,
                        "Fewest collected records a run needs.")
                .define(
                        TRAIN_VARIANTS,
                        Type.LIST,
                        List.of("undercomplete", "denoising"),
                        ConfigDef.ValidList.in(false, Variant.cliNames()),
                        Importance.MEDIUM,
                        "Autoencoder variants trained as candidates each run.")
                .define(TRAIN_EPOCHS, Type.INT, 30, Range.between(1, 10_000), Importance.LOW, "Epochs per candidate.")
                .define(
                        TRAIN_SEED,
                        Type.LONG,
                        TrainerConfig.defaults().seed(),
                        Importance.LOW,
                        "Seed of every random draw in training.")
                .define(
                        TRAIN_LAYERS,
                        Type.LIST,
                        List.of(),
                        Importance.LOW,
                        "Hidden layer widths (encoder side); empty = the trainer's default for the variant.")
                .define(
                        TRAIN_THRESHOLD_QUANTILE,
                        Type.DOUBLE,
                        TrainerConfig.defaults().scoring().thresholdQuantile(),
                        Range.between(0.5, 0.999999),
                        Importance.MEDIUM,
                        "Validation-score quantile used as the anomaly threshold.")
                .define(
                        HOLDOUT_FRACTION,
                        Type.DOUBLE,
                        0.2,
                        Range.between(0.05, 0.5),
                        Importance.MEDIUM,
                        "Most recent share of each entity's records held out for the gate.");
    }

    private static void defineGateAndDrift(ConfigDef def) {
        def.define(
                        GATE_FALSE_ALARM_BUDGET,
                        Type.DOUBLE,
                        0.02,
                        Range.between(0.0, 1.0),
                        Importance.HIGH,
                        "Largest false-alarm rate a candidate may show on data the model in use calls normal.")
                .define(
                        GATE_ERROR_TOLERANCE,
                        Type.DOUBLE,
                        0.10,
                        Range.between(0.0, 10.0),
                        Importance.MEDIUM,
                        "Relative slack: candidate mean error must be at most current * (1 + tolerance).")
                .define(
                        GATE_MIN_WINDOWS,
                        Type.INT,
                        200,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Fewest held-out windows a gate decision may rest on.")
                .define(
                        DRIFT_WINDOW,
                        Type.INT,
                        2000,
                        Range.atLeast(50),
                        Importance.MEDIUM,
                        "Number N of recent live scores compared with the model's validation quantiles.")
                .define(
                        DRIFT_PSI_THRESHOLD,
                        Type.DOUBLE,
                        0.25,
                        Range.atLeast(0.0),
                        Importance.MEDIUM,
                        "Population stability index above which the score distribution has drifted.");
    }
}
