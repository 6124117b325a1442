package dev.vigil.trainer.service;

import dev.vigil.contract.ConfigSources;
import dev.vigil.contract.KeySuggestion;
import dev.vigil.contract.SecretValues;
import dev.vigil.trainer.TrainerConfig;
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
    public static final String FEEDBACK_TOPIC = "feedback.topic";
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
    public static final String TRAIN_TARGET_FALSE_ALARM_RATE = "train.target.false.alarm.rate";
    public static final String TRAIN_ACTIVATION = "train.activation";
    public static final String TRAIN_LOSS = "train.loss";
    public static final String TRAIN_TIED_WEIGHTS = "train.tied.weights";
    public static final String TRAIN_CODE_DROPOUT = "train.code.dropout";
    public static final String TRAIN_BATCH_SIZE = "train.batch.size";
    public static final String TRAIN_LEARNING_RATE = "train.learning.rate";
    public static final String TRAIN_OPTIMIZER = "train.optimizer";
    public static final String TRAIN_MOMENTUM = "train.momentum";
    public static final String TRAIN_BETA1 = "train.adam.beta1";
    public static final String TRAIN_BETA2 = "train.adam.beta2";
    public static final String TRAIN_WEIGHT_DECAY = "train.weight.decay";
    public static final String TRAIN_PATIENCE = "train.patience";
    public static final String TRAIN_SCALER = "train.scaler";
    public static final String TRAIN_VALIDATION_SPLIT = "train.validation.split";
    public static final String TRAIN_ERROR_NORMALISATION = "train.error.normalisation";
    public static final String TRAIN_SCORE_SMOOTHING = "train.score.smoothing";
    public static final String TRAIN_TAIL_DEPTH = "train.tail.depth";
    public static final String TRAIN_MASKING_NOISE = "train.masking.noise";
    public static final String TRAIN_GAUSSIAN_NOISE = "train.gaussian.noise";
    public static final String TRAIN_SPARSITY = "train.sparsity";
    public static final String TRAIN_SPARSITY_WEIGHT = "train.sparsity.weight";
    public static final String TRAIN_SPARSITY_TARGET = "train.sparsity.target";
    public static final String TRAIN_CONTRACTIVE_WEIGHT = "train.contractive.weight";
    public static final String TRAIN_KL_BETA = "train.kl.beta";
    public static final String TRAIN_VAE_SCORE = "train.vae.score";
    public static final String TRAIN_PCA_RULE = "train.pca.rule";
    public static final String TRAIN_PRETRAIN = "train.pretrain";
    public static final String HOLDOUT_FRACTION = "holdout.fraction";
    public static final String GATE_FALSE_ALARM_BUDGET = "gate.false.alarm.budget";
    public static final String GATE_ERROR_TOLERANCE = "gate.error.tolerance";
    public static final String GATE_MIN_WINDOWS = "gate.min.windows";
    public static final String MODELS_SHADOW_TOPIC = "models.shadow.topic";
    public static final String SHADOW_STATS_TOPIC = "shadow.stats.topic";
    public static final String GATE_SHADOW_MIN_READINGS = "gate.shadow.min.readings";
    public static final String GATE_SHADOW_MAX_ALERT_RATIO = "gate.shadow.max.alert.ratio";
    public static final String GATE_SHADOW_RATE_FLOOR = "gate.shadow.rate.floor";
    public static final String GATE_SHADOW_TIMEOUT = "gate.shadow.timeout";
    public static final String ROLLBACK_WINDOW = "rollback.window";
    public static final String ROLLBACK_MAX_RATIO = "rollback.max.ratio";
    public static final String ROLLBACK_RATE_FLOOR = "rollback.rate.floor";
    public static final String DRIFT_WINDOW = "drift.window";
    public static final String DRIFT_PSI_THRESHOLD = "drift.psi.threshold";
    public static final String SIGNING_KEY = "signing.key";
    public static final String TRAINER_GROUPS = "trainer.groups";
    public static final String ENTITY_PATTERN = "entity.pattern";
    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = ConfigSources.ENV_PREFIX;
    /** Prefix of keys passed to the Kafka clients. */
    public static final String KAFKA_PREFIX = "kafka.";

    private static final ConfigDef DEFINITION = TrainerServiceConfigDefinition.define();

    private final boolean groupOfMany;

    /**
     * Validates {@code originals}, with the per-group keys of the groups {@code trainer.groups} names
     * ({@link TrainerGroupsDefinition}) and each group's resolved configuration; throws
     * {@link ConfigException} naming the first bad key.
     */
    public TrainerServiceConfig(Map<?, ?> originals) {
        this(TrainerGroupsDefinition.withPrimaryGroup(originals), false);
        groups().forEach(this::forGroup);
    }

    private TrainerServiceConfig(Map<?, ?> originals, boolean groupOfMany) {
        super(TrainerGroupsDefinition.withGroupKeys(DEFINITION, originals), originals, true);
        this.groupOfMany = groupOfMany;
        checkAcrossKeys();
    }

    /** The groups of {@code trainer.groups}, in order; empty for a single-group service. */
    public List<String> groups() {
        return getList(TRAINER_GROUPS);
    }

    /**
     * The configuration of {@code group} of {@code trainer.groups}: the global keys with its
     * {@code train.<group>.*} overrides, its {@code model.group.<group>.entity.pattern} as
     * {@code entity.pattern}; fails naming the group when a resolved value is invalid.
     */
    public TrainerServiceConfig forGroup(String group) {
        if (!groups().contains(group)) {
            throw new IllegalArgumentException("not one of " + TRAINER_GROUPS + "=" + groups() + ": " + group);
        }
        Map<String, Object> values = TrainerGroupsDefinition.groupOriginals(originals(), DEFINITION, groups(), group);
        try {
            TrainerServiceConfig config = new TrainerServiceConfig(values, true);
            config.checkHasEntities(group);
            return config;
        } catch (ConfigException e) {
            throw new ConfigException("model group " + group + " of " + TRAINER_GROUPS + ": " + e.getMessage());
        }
    }

    /** Whether this is the configuration of one group of several ({@link #forGroup}). */
    public boolean isGroupOfMany() {
        return groupOfMany;
    }

    /** A group of several trains on its own entities: it needs a pattern, or a bootstrap CSV of its own. */
    private void checkHasEntities(String group) {
        if (getString(ENTITY_PATTERN).isEmpty() && bootstrapCsv().isEmpty()) {
            String key = TrainerGroupsDefinition.patternKey(group);
            throw new ConfigException(
                    key, "", "is required (or " + TrainerGroupsDefinition.groupKey(group, BOOTSTRAP_CSV) + ")");
        }
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

    /** Every key with its value, one per line, secrets hidden ({@link SecretValues}): logged at start-up. */
    public String describe() {
        StringBuilder text = new StringBuilder("trainer configuration:");
        SecretValues.appendTo(text, values());
        SecretValues.appendTo(text, originalsWithPrefix(KAFKA_PREFIX, false));
        return text.toString();
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

    /** The live stage of the gate, {@code gate.shadow.*}. */
    public ShadowGate shadowGate() {
        return new ShadowGate(
                getInt(GATE_SHADOW_MIN_READINGS),
                getDouble(GATE_SHADOW_MAX_ALERT_RATIO),
                getDouble(GATE_SHADOW_RATE_FLOOR));
    }

    /** The automatic rollback of {@code rollback.*}. */
    public RollbackRule rollbackRule() {
        return new RollbackRule(getInt(ROLLBACK_WINDOW), getDouble(ROLLBACK_MAX_RATIO), getDouble(ROLLBACK_RATE_FLOOR));
    }

    /**
     * The trainer's hyper-parameters from the {@code train.*} keys, on top of {@link
     * TrainerConfig#defaults()} (the variant and window are set per run).
     *
     * @throws ConfigException naming the key when {@link TrainerConfig} refuses its value
     */
    public TrainerConfig trainerConfig() {
        return TrainKeys.trainerConfig(this);
    }

    private Optional<Path> optionalPath(String key) {
        String value = getString(key);
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private void checkAcrossKeys() {
        KeySuggestion.unknownKey(originals().keySet(), values().keySet(), KAFKA_PREFIX)
                .ifPresent(refusal -> {
                    throw new ConfigException(refusal);
                });
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
        TrainKeys.refuseUnused(this, trainerConfig());
    }
}
