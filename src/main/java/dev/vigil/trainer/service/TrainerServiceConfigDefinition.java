package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.TrainerServiceConfig.*;

import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.Variant;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The declaration table of {@link TrainerServiceConfig}: every key's type, default, validator and documentation. */
final class TrainerServiceConfigDefinition {
    private TrainerServiceConfigDefinition() {}

    static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        defineKafka(def);
        defineCollection(def);
        defineTraining(def);
        TrainerKeysDefinition.define(def);
        defineGateAndDrift(def);
        ShadowKeysDefinition.define(def);
        TrainerGroupsDefinition.define(def);
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
                        FEEDBACK_TOPIC,
                        Type.STRING,
                        "vigil.feedback",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Topic of operators' Feedback: false alarms are trained on as normal data, confirmed"
                                + " anomalies never are (it may be created later).")
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
