package dev.vigil.detector.topology;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.decision.AlertRules;
import dev.vigil.detector.decision.AlertTracker;
import dev.vigil.detector.decision.Decider;
import dev.vigil.detector.decision.EntityStateCodec;
import dev.vigil.detector.decision.ThresholdPolicy;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.EventTimeRule;
import dev.vigil.detector.features.FeatureExtractor;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.MissingPolicy;
import dev.vigil.detector.ingest.Ingest;
import dev.vigil.detector.ingest.ReadingValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.sinks.AvroSerde;
import dev.vigil.detector.sinks.FeatureDetail;
import dev.vigil.detector.sinks.ScoredReadingWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The detector's Kafka Streams topology as a pure function of its configuration, model holder and
 * input routing, read top to bottom as five stages: ingest, (routing by entity), features, scoring,
 * decision, sinks.
 */
public final class DetectorTopology {
    /** Per-entity windows of the last W rows. */
    public static final String WINDOW_STORE = "vigil-windows";
    /** The pending scoring batch (fixed slot keys). */
    public static final String BUFFER_STORE = "vigil-scoring-buffer";
    /** Per-entity thresholds and alert lifecycle. */
    public static final String DECISION_STORE = "vigil-entity-state";

    /** Decoded per-entity windows and states each task keeps in memory (least recently used beyond). */
    static final int CACHED_ENTITIES = 10_000;

    private static final String SOURCE = "readings";
    private static final String INGEST = "ingest";
    private static final String ROUTE_SINK = "route-sink";
    private static final String ROUTE_SOURCE = "route-source";
    private static final String FEATURES = "features";
    private static final String SCORING = "scoring";
    private static final String DECISION = "decision";
    private static final String SCORED_SINK = "scored-sink";
    private static final String ALERTS_SINK = "alerts-sink";
    private static final String DLQ_SINK = "dlq-sink";
    private static final String INGEST_DLQ_SINK = "ingest-dlq-sink";

    private DetectorTopology() {}

    /** Builds the topology for an input topic whose partition count is not known (no partition check). */
    public static Topology build(DetectorConfig config, ModelHolder models, DetectorEvents events) {
        return build(config, models, events, InputRouting.of(config, InputRouting.UNKNOWN));
    }

    /**
     * Builds the topology. {@code models} must already hold a model: its feature names and window fix
     * the layout of this topology (later bundles must match it).
     */
    public static Topology build(
            DetectorConfig config, ModelHolder models, DetectorEvents events, InputRouting routing) {
        ModelInfo model = models.current()
                .orElseThrow(() -> new IllegalStateException("load a model before building the topology"));
        Topology topology = new Topology();
        addIngest(topology, config, routing, events);
        String readings = addRouting(topology, config, routing, events);
        addFeatures(topology, config, models, model, events, readings);
        addScoring(topology, config, models, model.layout(), events);
        addDecision(topology, config, models, events);
        addSinks(topology, config, routing);
        return topology;
    }

    private static void addIngest(
            Topology topology, DetectorConfig config, InputRouting routing, DetectorEvents events) {
        Ingest ingest = new Ingest(
                DetectorInputs.decoder(config),
                new ReadingValidator(
                        config.getLong(DetectorConfig.MAX_FUTURE_MS), config.getInt(DetectorConfig.MAX_ENTITY_BYTES)),
                config.getInt(DetectorConfig.MAX_RECORD_BYTES));
        topology.addSource(
                SOURCE,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                config.getString(DetectorConfig.INPUT_TOPIC));
        String next = routing.repartition() ? ROUTE_SINK : FEATURES;
        String deadLetters = routing.repartition() ? INGEST_DLQ_SINK : DLQ_SINK;
        PartitionCheck check = routing.checksPartitions()
                ? new PartitionCheck(routing.inputPartitions(), new WarnedEntities(CACHED_ENTITIES), events)
                : PartitionCheck.NONE;
        topology.addProcessor(INGEST, () -> new IngestProcessor(ingest, next, deadLetters, events, check), SOURCE);
    }

    /**
     * Routes valid readings to the features stage: through the repartition topic (keyed by entity, so
     * the producer's partitioner no longer matters), or straight on (the ingest processor checks each
     * reading's partition). Returns the node the features stage reads from.
     */
    private static String addRouting(
            Topology topology, DetectorConfig config, InputRouting routing, DetectorEvents events) {
        if (routing.repartition()) {
            String topic = InputRouting.repartitionTopic(config);
            topology.addSink(ROUTE_SINK, topic, Serdes.String().serializer(), RoutedReadingCodec.serializer(), INGEST);
            topology.addSource(ROUTE_SOURCE, Serdes.String().deserializer(), RoutedReadingCodec.deserializer(), topic);
            return ROUTE_SOURCE;
        }
        return INGEST;
    }

    private static void addFeatures(
            Topology topology,
            DetectorConfig config,
            ModelHolder models,
            ModelInfo model,
            DetectorEvents events,
            String readings) {
        MissingPolicy policy = MissingPolicy.valueOf(upper(config.getString(DetectorConfig.MISSING_POLICY)));
        if (policy == MissingPolicy.MEAN
                && model.featureMeans().size() != model.layout().features()) {
            throw new org.apache.kafka.common.config.ConfigException(
                    DetectorConfig.MISSING_POLICY, "mean", "model " + model.label() + " carries no training means");
        }
        Supplier<List<Double>> means =
                () -> models.current().map(ModelInfo::featureMeans).orElse(List.of());
        var targets = new FeaturesProcessor.Targets(SCORING, DECISION, DLQ_SINK);
        var timeRule = new EventTimeRule(
                config.getLong(DetectorConfig.MAX_LATENESS_MS),
                config.getLong(DetectorConfig.MAX_TIMESTAMP_JUMP_MS),
                config.getInt(DetectorConfig.CLOCK_RESET_AFTER));
        topology.addProcessor(
                FEATURES,
                () -> new FeaturesProcessor(
                        model.layout(),
                        new FeatureExtractor(model.layout(), policy, means),
                        WINDOW_STORE,
                        targets,
                        events,
                        timeRule),
                readings);
        topology.addStateStore(FeaturesProcessor.windowStore(WINDOW_STORE, model.layout(), CACHED_ENTITIES), FEATURES);
    }

    private static void addScoring(
            Topology topology, DetectorConfig config, ModelHolder models, FeatureLayout layout, DetectorEvents events) {
        var settings = new ScoringProcessor.Settings(
                config.getInt(DetectorConfig.SCORING_BATCH_SIZE),
                Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS)),
                BUFFER_STORE,
                DECISION,
                DLQ_SINK,
                config.scoringInBackground());
        topology.addProcessor(SCORING, () -> new ScoringProcessor(models, layout, settings, events), FEATURES);
        topology.addStateStore(ScoringProcessor.bufferStore(BUFFER_STORE, settings.batchSize()), SCORING);
    }

    private static void addDecision(
            Topology topology, DetectorConfig config, ModelHolder models, DetectorEvents events) {
        var thresholds = new ThresholdPolicy(
                ThresholdPolicy.Mode.valueOf(upper(config.getString(DetectorConfig.THRESHOLD_MODE))),
                config.getDouble(DetectorConfig.ADAPTIVE_QUANTILE),
                config.getInt(DetectorConfig.ADAPTIVE_MIN_SAMPLES),
                config.getDouble(DetectorConfig.ALERT_EXIT_RATIO),
                new ThresholdPolicy.Evt(
                        config.getDouble(DetectorConfig.EVT_RISK),
                        config.getBoolean(DetectorConfig.EVT_DRIFT),
                        config.getInt(DetectorConfig.EVT_MAX_PEAKS)));
        var rules = new AlertRules(
                config.getInt(DetectorConfig.ALERT_K),
                config.getInt(DetectorConfig.ALERT_N),
                config.getInt(DetectorConfig.ALERT_CLOSE_AFTER),
                config.getLong(DetectorConfig.ALERT_COOLDOWN_MS),
                config.getInt(DetectorConfig.ALERT_TOP_K));
        var detail = FeatureDetail.valueOf(upper(config.getString(DetectorConfig.SCORED_FEATURE_DETAIL)));
        var targets = new DecisionProcessor.Targets(DECISION_STORE, SCORED_SINK, ALERTS_SINK, detail);
        var codec = new EntityStateCodec(thresholds.quantile(), new AlertTracker(rules), thresholds.maxPeaks());
        topology.addProcessor(
                DECISION,
                () -> new DecisionProcessor(new Decider(thresholds, rules), codec, models, targets, events),
                SCORING,
                FEATURES);
        topology.addStateStore(DecisionProcessor.stateStore(DECISION_STORE, codec, CACHED_ENTITIES), DECISION);
    }

    private static void addSinks(Topology topology, DetectorConfig config, InputRouting routing) {
        topology.addSink(
                SCORED_SINK,
                config.getString(DetectorConfig.SCORED_TOPIC),
                Serdes.String().serializer(),
                ScoredReadingWriter.serializer(),
                DECISION);
        topology.addSink(
                ALERTS_SINK,
                config.getString(DetectorConfig.ALERTS_TOPIC),
                Serdes.String().serializer(),
                AvroSerde.of(AnomalyAlert.class).serializer(),
                DECISION);
        String dlq = config.getString(DetectorConfig.DLQ_TOPIC);
        var letters = AvroSerde.of(DeadLetter.class).serializer();
        if (routing.repartition()) {
            topology.addSink(INGEST_DLQ_SINK, dlq, Serdes.String().serializer(), letters, INGEST);
            topology.addSink(DLQ_SINK, dlq, Serdes.String().serializer(), letters, FEATURES, SCORING);
        } else {
            topology.addSink(DLQ_SINK, dlq, Serdes.String().serializer(), letters, INGEST, FEATURES, SCORING);
        }
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
