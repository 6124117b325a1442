package dev.vigil.detector.topology;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorGroups;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.decision.AlertRules;
import dev.vigil.detector.decision.AlertTracker;
import dev.vigil.detector.decision.Decider;
import dev.vigil.detector.decision.EntityStateCodec;
import dev.vigil.detector.decision.FeedbackLearning;
import dev.vigil.detector.decision.ThresholdPolicy;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.EventTimeRule;
import dev.vigil.detector.features.FeatureExtractor;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.MissingPolicy;
import dev.vigil.detector.ingest.GroupRouter;
import dev.vigil.detector.ingest.Ingest;
import dev.vigil.detector.ingest.ReadingValidator;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.sinks.AvroSerde;
import dev.vigil.detector.sinks.FeatureDetail;
import dev.vigil.detector.sinks.ScoredReadingWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The detector's Kafka Streams topology as a pure function of its configuration, model holder and
 * input routing, read top to bottom as five stages: ingest, (routing by entity), (routing to a model
 * group), features, scoring, decision, sinks; with model groups, features to decision once per group.
 */
public final class DetectorTopology {
    /** Per-entity windows of the last W rows. */
    public static final String WINDOW_STORE = "vigil-windows";
    /** The pending scoring batch (fixed slot keys). */
    public static final String BUFFER_STORE = "vigil-scoring-buffer";
    /** Per-entity thresholds and alert lifecycle. */
    public static final String DECISION_STORE = "vigil-entity-state";
    /** Feedback waiting for its entity's readings. */
    public static final String FEEDBACK_STORE = "vigil-feedback-pending";

    /** Decoded per-entity windows and states each task keeps in memory (least recently used beyond). */
    static final int CACHED_ENTITIES = 10_000;

    private static final String SOURCE = "readings";
    private static final String INGEST = "ingest";
    private static final String ROUTE_SINK = "route-sink";
    private static final String ROUTE_SOURCE = "route-source";
    private static final String GROUPS = "groups";
    private static final String SCORED_SINK = "scored-sink";
    private static final String ALERTS_SINK = "alerts-sink";
    private static final String DLQ_SINK = "dlq-sink";
    private static final String INGEST_DLQ_SINK = "ingest-dlq-sink";
    private static final String FEEDBACK_SOURCE = "feedback-source";
    private static final String FEEDBACK = "feedback";

    private DetectorTopology() {}

    /** Builds the topology for an input topic whose partition count is not known (no partition check). */
    public static Topology build(DetectorConfig config, ModelHolder models, DetectorEvents events) {
        return build(config, models, events, InputRouting.of(config, InputRouting.UNKNOWN));
    }

    /**
     * Builds the topology of a single-group detector. {@code models} must already hold a model: its
     * feature names and window fix the layout of this topology (later bundles must match it).
     */
    public static Topology build(
            DetectorConfig config, ModelHolder models, DetectorEvents events, InputRouting routing) {
        String group = config.getString(DetectorConfig.MODEL_GROUP);
        return build(config, GroupModels.single(group, models), events, routing);
    }

    /**
     * Builds the topology. With {@code model.groups}, valid readings are routed to their group
     * ({@link GroupRoutingProcessor}), and each group has features, scoring and decision nodes of its
     * own, over its own windows and scoring batch; the groups share the entity-state store and the
     * sinks. Every group of {@code models} must already hold a model: its feature names and window fix
     * the group's layout (later bundles of the group must match it).
     */
    public static Topology build(
            DetectorConfig config, GroupModels models, DetectorEvents events, InputRouting routing) {
        Optional<GroupRouter> router = DetectorGroups.router(config);
        List<GroupNodes> groups = router.map(
                        r -> r.groups().stream().map(GroupNodes::of).toList())
                .orElse(List.of(GroupNodes.single(models.groups().get(0))));
        Topology topology = new Topology();
        addIngest(topology, config, routing, events);
        String readings = addRouting(topology, config, routing, events);
        if (router.isPresent()) {
            readings = addGroupRouting(topology, router.get(), groups, events, readings);
        }
        for (GroupNodes nodes : groups) {
            boolean first = nodes == groups.get(0);
            var holder = router.isPresent() ? models.holder(nodes.group()) : models.primary();
            var groupEvents = nodes.group().isEmpty() ? events : events.forGroup(nodes.group());
            addGroup(topology, config, nodes, first, holder, groupEvents, readings);
        }
        boolean feedback = config.getBoolean(DetectorConfig.FEEDBACK_ENABLED);
        if (feedback) {
            addFeedback(topology, config, events);
        }
        addSinks(topology, config, routing, groups, router.isPresent(), feedback);
        return topology;
    }

    /**
     * The feedback topic's source and processor, sharing the entity-state store with the decision
     * nodes (so both live in the same tasks: give the feedback topic the partition count of the
     * topic the decision reads). Subscribed by pattern, so a detector starts before the topic exists.
     */
    private static void addFeedback(Topology topology, DetectorConfig config, DetectorEvents events) {
        String topic = config.getString(DetectorConfig.FEEDBACK_TOPIC);
        topology.addSource(
                FEEDBACK_SOURCE,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                Pattern.compile(Pattern.quote(topic)));
        var learning = new FeedbackLearning(
                thresholdPolicy(config),
                config.getDouble(DetectorConfig.FEEDBACK_FLOOR_MARGIN),
                config.getLong(DetectorConfig.FEEDBACK_SUPPRESS_MS));
        var targets = new FeedbackProcessor.Targets(
                DECISION_STORE,
                FEEDBACK_STORE,
                DLQ_SINK,
                config.getInt(DetectorConfig.FEEDBACK_PENDING_MAX),
                config.getLong(DetectorConfig.FEEDBACK_PENDING_TTL_MS));
        topology.addProcessor(FEEDBACK, () -> new FeedbackProcessor(learning, targets, events), FEEDBACK_SOURCE);
        topology.addStateStore(FeedbackProcessor.pendingStore(FEEDBACK_STORE), FEEDBACK);
        topology.connectProcessorAndStateStores(FEEDBACK, DECISION_STORE);
    }

    private static String addGroupRouting(
            Topology topology, GroupRouter router, List<GroupNodes> groups, DetectorEvents events, String readings) {
        Map<String, String> features = new LinkedHashMap<>();
        groups.forEach(nodes -> features.put(nodes.group(), nodes.features()));
        topology.addProcessor(GROUPS, () -> new GroupRoutingProcessor(router, features, DLQ_SINK, events), readings);
        return GROUPS;
    }

    /** One group's features, scoring and decision nodes, reading from {@code readings}. */
    private static void addGroup(
            Topology topology,
            DetectorConfig config,
            GroupNodes nodes,
            boolean first,
            ModelHolder models,
            DetectorEvents events,
            String readings) {
        ModelInfo model = models.current()
                .orElseThrow(() -> new IllegalStateException(
                        nodes.group().isEmpty() || nodes.features().equals(GroupNodes.FEATURES)
                                ? "load a model before building the topology"
                                : "load a model of group " + nodes.group() + " before building the topology"));
        addFeatures(topology, config, nodes, models, model, events, readings);
        addScoring(topology, config, nodes, models, model.layout(), events);
        addDecision(topology, config, nodes, first, models, events);
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
        String next = routing.repartition() ? ROUTE_SINK : firstAfterIngest(config);
        String deadLetters = routing.repartition() ? INGEST_DLQ_SINK : DLQ_SINK;
        PartitionCheck check = routing.checksPartitions()
                ? new PartitionCheck(routing.inputPartitions(), new WarnedEntities(CACHED_ENTITIES), events)
                : PartitionCheck.NONE;
        topology.addProcessor(INGEST, () -> new IngestProcessor(ingest, next, deadLetters, events, check), SOURCE);
    }

    /** The node valid readings go to when they are not repartitioned: the group router, or the features node. */
    private static String firstAfterIngest(DetectorConfig config) {
        if (DetectorGroups.routed(config)) {
            return GROUPS;
        }
        return GroupNodes.FEATURES;
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
            GroupNodes nodes,
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
        var targets = new FeaturesProcessor.Targets(nodes.scoring(), nodes.decision(), DLQ_SINK);
        var timeRule = new EventTimeRule(
                config.getLong(DetectorConfig.MAX_LATENESS_MS),
                config.getLong(DetectorConfig.MAX_TIMESTAMP_JUMP_MS),
                config.getInt(DetectorConfig.CLOCK_RESET_AFTER));
        topology.addProcessor(
                nodes.features(),
                () -> new FeaturesProcessor(
                        model.layout(),
                        new FeatureExtractor(model.layout(), policy, means),
                        nodes.windowStore(),
                        targets,
                        events,
                        timeRule),
                readings);
        topology.addStateStore(
                FeaturesProcessor.windowStore(nodes.windowStore(), model.layout(), CACHED_ENTITIES), nodes.features());
    }

    private static void addScoring(
            Topology topology,
            DetectorConfig config,
            GroupNodes nodes,
            ModelHolder models,
            FeatureLayout layout,
            DetectorEvents events) {
        var settings = new ScoringProcessor.Settings(
                config.getInt(DetectorConfig.SCORING_BATCH_SIZE),
                Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS)),
                nodes.bufferStore(),
                nodes.decision(),
                DLQ_SINK,
                config.scoringInBackground());
        topology.addProcessor(
                nodes.scoring(), () -> new ScoringProcessor(models, layout, settings, events), nodes.features());
        topology.addStateStore(
                ScoringProcessor.bufferStore(nodes.bufferStore(), settings.batchSize()), nodes.scoring());
    }

    /**
     * The group's decision node. The entity-state store is added with the first group's node and
     * shared by the other groups' (an entity's state lives in one store whatever its group).
     */
    private static void addDecision(
            Topology topology,
            DetectorConfig config,
            GroupNodes nodes,
            boolean first,
            ModelHolder models,
            DetectorEvents events) {
        var thresholds = thresholdPolicy(config);
        var rules = new AlertRules(
                config.getInt(DetectorConfig.ALERT_K),
                config.getInt(DetectorConfig.ALERT_N),
                config.getInt(DetectorConfig.ALERT_CLOSE_AFTER),
                config.getLong(DetectorConfig.ALERT_COOLDOWN_MS),
                config.getInt(DetectorConfig.ALERT_TOP_K));
        var detail = FeatureDetail.valueOf(upper(config.getString(DetectorConfig.SCORED_FEATURE_DETAIL)));
        var targets = new DecisionProcessor.Targets(DECISION_STORE, SCORED_SINK, ALERTS_SINK, detail);
        var codec = new EntityStateCodec(
                thresholds.quantile(),
                new AlertTracker(rules),
                thresholds.maxPeaks(),
                config.getInt(DetectorConfig.FEEDBACK_HISTORY_SIZE));
        topology.addProcessor(
                nodes.decision(),
                () -> new DecisionProcessor(new Decider(thresholds, rules), codec, models, targets, events),
                nodes.scoring(),
                nodes.features());
        if (first) {
            topology.addStateStore(
                    DecisionProcessor.stateStore(DECISION_STORE, codec, CACHED_ENTITIES), nodes.decision());
        } else {
            topology.connectProcessorAndStateStores(nodes.decision(), DECISION_STORE);
        }
    }

    private static ThresholdPolicy thresholdPolicy(DetectorConfig config) {
        return new ThresholdPolicy(
                ThresholdPolicy.Mode.valueOf(upper(config.getString(DetectorConfig.THRESHOLD_MODE))),
                config.getDouble(DetectorConfig.ADAPTIVE_QUANTILE),
                config.getInt(DetectorConfig.ADAPTIVE_MIN_SAMPLES),
                config.getDouble(DetectorConfig.ALERT_EXIT_RATIO),
                new ThresholdPolicy.Evt(
                        config.getDouble(DetectorConfig.EVT_RISK),
                        config.getBoolean(DetectorConfig.EVT_DRIFT),
                        config.getInt(DetectorConfig.EVT_MAX_PEAKS)));
    }

    private static void addSinks(
            Topology topology,
            DetectorConfig config,
            InputRouting routing,
            List<GroupNodes> groups,
            boolean routed,
            boolean feedback) {
        String[] decisions = groups.stream().map(GroupNodes::decision).toArray(String[]::new);
        topology.addSink(
                SCORED_SINK,
                config.getString(DetectorConfig.SCORED_TOPIC),
                Serdes.String().serializer(),
                ScoredReadingWriter.serializer(),
                decisions);
        topology.addSink(
                ALERTS_SINK,
                config.getString(DetectorConfig.ALERTS_TOPIC),
                Serdes.String().serializer(),
                AvroSerde.of(AnomalyAlert.class).serializer(),
                decisions);
        String dlq = config.getString(DetectorConfig.DLQ_TOPIC);
        var letters = AvroSerde.of(DeadLetter.class).serializer();
        List<String> rejecting = new ArrayList<>();
        if (routing.repartition()) {
            topology.addSink(INGEST_DLQ_SINK, dlq, Serdes.String().serializer(), letters, INGEST);
        } else {
            rejecting.add(INGEST);
        }
        if (routed) {
            rejecting.add(GROUPS);
        }
        groups.forEach(nodes -> rejecting.addAll(List.of(nodes.features(), nodes.scoring())));
        if (feedback) {
            rejecting.add(FEEDBACK);
        }
        topology.addSink(DLQ_SINK, dlq, Serdes.String().serializer(), letters, rejecting.toArray(String[]::new));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
