package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The declaration table of {@link DetectorConfig}: every key's type, default, validator and documentation. */
final class DetectorConfigDefinition {
    private DetectorConfigDefinition() {}

    static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        defineKafka(def);
        defineTopics(def);
        defineOutput(def);
        defineInput(def);
        DetectorValidationDefinition.define(def);
        defineModel(def);
        ModelGroupsDefinition.define(def);
        ModelSafetyDefinition.define(def);
        ShadowDefinition.define(def);
        defineDecision(def);
        defineScoring(def);
        DetectorFeedbackDefinition.define(def);
        return def;
    }

    private static void defineKafka(ConfigDef def) {
        def.define(
                        APPLICATION_ID,
                        Type.STRING,
                        "vigil-detector",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Kafka Streams application id: consumer group and prefix of internal topics.")
                .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH, "Kafka brokers to connect to.")
                .define(
                        PROCESSING_GUARANTEE,
                        Type.STRING,
                        "exactly_once_v2",
                        ValidString.in("exactly_once_v2", "at_least_once"),
                        Importance.HIGH,
                        "exactly_once_v2 (every input yields its outputs exactly once; readers must use"
                                + " isolation.level=read_committed) or at_least_once (faster, duplicates after a crash).")
                .define(
                        COMMIT_INTERVAL_MS,
                        Type.LONG,
                        100L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "How often Streams commits; under exactly-once this bounds the latency of output"
                                + " visible to read_committed readers.")
                .define(
                        NUM_STREAM_THREADS,
                        Type.INT,
                        1,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Stream threads in this instance.")
                .define(
                        UNCAUGHT_EXCEPTION_POLICY,
                        Type.STRING,
                        "shutdown",
                        ValidString.in("shutdown", "replace.thread"),
                        Importance.MEDIUM,
                        "What an exception that kills a stream thread does. shutdown (default): the Kafka Streams"
                                + " client stops (state ERROR), /health turns 503 and the detector exits 70, so the"
                                + " orchestrator restarts a fresh process and the failure is seen, not hidden."
                                + " replace.thread: a new stream thread takes over and the detector keeps running;"
                                + " an error that repeats (a missing topic) then loops unseen.")
                .define(
                        STATE_DIR,
                        Type.STRING,
                        System.getProperty("java.io.tmpdir") + "/vigil-streams",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Directory of local state stores.");
    }

    private static void defineTopics(ConfigDef def) {
        def.define(
                        INPUT_TOPIC,
                        Type.STRING,
                        "vigil.readings",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Topic of incoming readings.")
                .define(
                        SCORED_TOPIC,
                        Type.STRING,
                        "vigil.scored",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Topic of scored readings (one per valid input).")
                .define(
                        ALERTS_TOPIC,
                        Type.STRING,
                        "vigil.alerts",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Topic of alert lifecycle events.")
                .define(
                        DLQ_TOPIC,
                        Type.STRING,
                        "vigil.dlq",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Dead-letter topic for records that cannot be processed.")
                .define(
                        MODELS_TOPIC,
                        Type.STRING,
                        "vigil.models",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Compacted topic of model bundles, keyed by model group.");
    }

    private static void defineOutput(ConfigDef def) {
        def.define(
                SCORED_FEATURE_DETAIL,
                Type.STRING,
                "anomalous",
                ValidString.in("all", "anomalous", "none"),
                Importance.MEDIUM,
                "Scored readings that carry per-feature errors and expected values: all, anomalous (only"
                        + " ANOMALOUS readings; the others leave the maps empty) or none.");
    }

    private static void defineInput(ConfigDef def) {
        def.define(
                        INPUT_FORMAT,
                        Type.STRING,
                        "auto",
                        ValidString.in("avro", "json", "auto"),
                        Importance.HIGH,
                        "Value format: avro (single-object encoded), json, or auto (detects by the Avro magic bytes).")
                .define(
                        INPUT_REPARTITION,
                        Type.STRING,
                        "never",
                        ValidString.in("never", "always", "auto"),
                        Importance.MEDIUM,
                        "Routing of readings to the task that holds their entity's state: never (each is"
                                + " processed on the input partition it arrived on, which must be its entity's"
                                + " murmur2 partition; others are counted as misrouted), always (through the"
                                + " topic <application.id>-readings-repartition, keyed by entity, exactly-once),"
                                + " or auto (always when the input topic has more than one partition).")
                .define(
                        INPUT_AVRO_SCHEMA_FILE,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Writer schema (.avsc) of foreign Avro input; with a mapping, records are decoded"
                                + " generically (single-object or plain binary).")
                .define(
                        MAPPING_ENTITY,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Sidecar mode: path of the entity field in foreign records, e.g. $.device.id. Empty ="
                                + " native SensorReading format.")
                .define(
                        MAPPING_TIMESTAMP,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Sidecar mode: path of the event time (epoch millis or ISO-8601); empty = Kafka record timestamp.")
                .define(
                        MAPPING_FEATURES,
                        Type.LIST,
                        "",
                        Importance.MEDIUM,
                        "Sidecar mode: feature=path pairs, e.g. temp=payload.sensors.temp,pressure=$.p.")
                .define(
                        MISSING_POLICY,
                        Type.STRING,
                        "reject",
                        ValidString.in("reject", "last", "mean"),
                        Importance.MEDIUM,
                        "What to do when a feature is missing: reject (dead-letter), last"
                                + " (entity's last value), mean (training mean from the bundle).");
    }

    private static void defineModel(ConfigDef def) {
        def.define(MODEL_PATH, Type.STRING, "", Importance.HIGH, "Bundle file to load at start-up.")
                .define(
                        MODEL_DIR,
                        Type.STRING,
                        "",
                        Importance.HIGH,
                        "Directory of *.bundle files; the newest valid one is loaded and new files are swapped in.")
                .define(
                        PROBE_TOLERANCE,
                        Type.DOUBLE,
                        1e-3,
                        Range.between(0, 1),
                        Importance.LOW,
                        "Relative tolerance when comparing probe scores with the ones recorded at training.")
                .define(
                        MODEL_GROUP,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Model group to follow on the models topic; empty = the group of the first bundle loaded.")
                .define(
                        MODEL_TOPIC_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Follow the models topic: load the current bundle at start-up and hot-swap new ones.")
                .define(
                        MODEL_TRUSTED_KEYS,
                        Type.STRING,
                        "",
                        Importance.HIGH,
                        "File of trusted Ed25519 public keys (PEM, from `vigil models keygen`); a signed bundle"
                                + " must verify under one of them. Required by model.trust=signed.")
                .define(
                        MODEL_TRUST,
                        Type.STRING,
                        "signed",
                        ValidString.in("signed", "any"),
                        Importance.HIGH,
                        "Which bundles may be served. signed (default): only bundles signed by a key of"
                                + " model.trusted.keys; the detector refuses to start without that file. any: unsigned"
                                + " bundles too (a signed one must still verify when keys are set), with a loud warning"
                                + " at start-up; for local experiments only, since anyone who can write to the models"
                                + " topic then chooses the model.")
                .define(
                        MODEL_POLL_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(100),
                        Importance.LOW,
                        "How often model.dir is scanned for new bundle files.");
    }

    private static void defineDecision(ConfigDef def) {
        def.define(
                        THRESHOLD_MODE,
                        Type.STRING,
                        "evt",
                        ValidString.in("global", "adaptive", "evt"),
                        Importance.MEDIUM,
                        "global: the bundle's threshold; adaptive: a per-entity streaming quantile of scores;"
                                + " evt: a per-entity extreme-value (peaks-over-threshold) threshold for"
                                + " threshold.evt.risk, started from the bundle's validation tail.")
                .define(
                        EVT_RISK,
                        Type.DOUBLE,
                        2e-3,
                        Range.between(1e-7, 0.05),
                        Importance.MEDIUM,
                        "evt: probability that a normal (smoothed) score exceeds the threshold, per reading.")
                .define(
                        EVT_DRIFT,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "evt: take excesses over the moving mean of the entity's recent normal scores (DSPOT),"
                                + " so the threshold follows a drifting normal level; the depth is the bundle's.")
                .define(
                        EVT_MAX_PEAKS,
                        Type.INT,
                        128,
                        Range.between(16, 4096),
                        Importance.LOW,
                        "evt: most peaks (excesses over the tail's level) kept per entity; the oldest leave first.")
                .define(
                        ADAPTIVE_QUANTILE,
                        Type.DOUBLE,
                        0.995,
                        Range.between(0.5, 0.99999),
                        Importance.MEDIUM,
                        "Quantile of an entity's scores used as its adaptive threshold.")
                .define(
                        ADAPTIVE_MIN_SAMPLES,
                        Type.INT,
                        500,
                        Range.atLeast(5),
                        Importance.MEDIUM,
                        "Scores an entity needs before its adaptive threshold replaces the global one.")
                .define(
                        ALERT_K,
                        Type.INT,
                        3,
                        Range.between(1, 64),
                        Importance.MEDIUM,
                        "An alert opens after k anomalous readings among the last n.")
                .define(ALERT_N, Type.INT, 5, Range.between(1, 64), Importance.MEDIUM, "Window n of the k-of-n rule.")
                .define(
                        ALERT_CLOSE_AFTER,
                        Type.INT,
                        5,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "An open alert closes after this many consecutive readings at or below the exit threshold.")
                .define(
                        ALERT_COOLDOWN_MS,
                        Type.LONG,
                        60_000L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "Event time after a close during which the same entity cannot open a new alert.")
                .define(
                        ALERT_EXIT_RATIO,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0, 1),
                        Importance.MEDIUM,
                        "Exit threshold as a fraction of the entry threshold; 0 = the bundle's exit threshold.")
                .define(
                        ALERT_TOP_K,
                        Type.INT,
                        3,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Contributing features listed in each alert.");
    }

    private static void defineScoring(ConfigDef def) {
        def.define(
                        SCORING_BATCH_SIZE,
                        Type.INT,
                        256,
                        Range.between(1, 8192),
                        Importance.MEDIUM,
                        "Readings per ONNX Runtime call; the pending batch lives in a changelogged store.")
                .define(
                        PUNCTUATION_INTERVAL_MS,
                        Type.LONG,
                        50L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Wall-clock interval at which a partial batch is scored, bounding added latency.")
                .define(
                        SCORING_BACKGROUND,
                        Type.STRING,
                        "auto",
                        ValidString.in("auto", "true", "false"),
                        Importance.LOW,
                        "Score each full batch on a background thread (one per task) while the stream thread"
                                + " fills the next; its results are forwarded as soon as they are ready, at the"
                                + " latest when the next batch is full or at the punctuation. false scores on"
                                + " the stream thread; auto is true when the JVM has more than "
                                + BACKGROUND_ABOVE_CORES + " processors.");
        defineExecution(def);
    }

    private static void defineExecution(ConfigDef def) {
        def.define(
                        EXECUTION_PROVIDER,
                        Type.STRING,
                        "cpu",
                        ValidString.in("cpu", "cuda"),
                        Importance.MEDIUM,
                        "ONNX Runtime execution provider of the scoring sessions. cuda needs a build with"
                                + " `mvn -Pcuda` (the onnxruntime_gpu artifact) and CUDA 12 with cuDNN 9 on"
                                + " the host; without them start-up fails, unless " + EXECUTION_FALLBACK
                                + "=cpu.")
                .define(
                        EXECUTION_DEVICE,
                        Type.INT,
                        0,
                        Range.atLeast(0),
                        Importance.LOW,
                        "CUDA device ordinal when " + EXECUTION_PROVIDER + "=cuda.")
                .define(
                        EXECUTION_FALLBACK,
                        Type.STRING,
                        "fail",
                        ValidString.in("fail", "cpu"),
                        Importance.LOW,
                        "When the requested provider is missing: fail at start-up (the default), or score"
                                + " on the CPU with a warning.");
    }
}
