package dev.vigil.detector.topology;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ShadowStats;
import dev.vigil.contract.avro.ShadowVerdict;
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
import dev.vigil.detector.features.MissingPolicy;
import dev.vigil.detector.ingest.GroupRouter;
import dev.vigil.detector.ingest.Ingest;
import dev.vigil.detector.ingest.ReadingValidator;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.models.ShadowModels;
import dev.vigil.detector.scoring.ShadowScoring;
import dev.vigil.detector.sinks.AvroSerde;
import dev.vigil.detector.sinks.FeatureDetail;
import dev.vigil.detector.sinks.ScoredReadingWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The detector's Kafka Streams topology as a pure function of its configuration, model holder and
 * input routing, read top to bottom as five stages: ingest, (routing by entity), (routing to a model
 * group), features, scoring, decision, sinks. Features to decision run in one node per group ({@link
 * GroupStages}); without routing, the ingest node runs them too.
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
    private static final String SHADOW_STATS_SINK = "shadow-stats-sink";
    private static final String SHADOW_SINK = "shadow-sink";
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
     * Builds the topology. Without routing (no {@code model.groups}, no repartition) one node runs
     * every stage from ingest to decision, and each record is forwarded once, to a sink. With {@code
     * model.groups}, valid readings are routed to their group ({@link GroupRoutingProcessor}), and
     * each group has a node of its own for features, scoring and decision ({@link GroupStages}), over
     * its own windows and scoring batch; the groups share the entity-state store and the sinks. Every
     * group of {@code models} must already hold a model: its feature names and window fix the group's
     * layout (later bundles of the group must match it).
     */
    public static Topology build(
            DetectorConfig config, GroupModels models, DetectorEvents events, InputRouting routing) {
        return build(config, models, ShadowModels.NONE, events, routing);
    }

    /**
     * Builds the topology with live shadow scoring: while a group has a shadow candidate in {@code
     * shadows}, its scoring batch also hands every batch to a {@link ShadowStage}, whose records go to
     * {@code shadow.stats.topic} and (with {@code shadow.output.enabled}) {@code shadow.topic}, never to
     * the alerts topic.
     */
    public static Topology build(
            DetectorConfig config,
            GroupModels models,
            ShadowModels shadows,
            DetectorEvents events,
            InputRouting routing) {
        Optional<GroupRouter> router = DetectorGroups.router(config);
        Topology topology = new Topology();
        addSource(topology, config);
        if (router.isEmpty() && !routing.repartition()) {
            GroupNodes nodes = GroupNodes.single(models.groups().get(0)).inNode(INGEST);
            var hook = shadowHook(config, nodes, models.groups().get(0), models.primary(), shadows, events);
            Supplier<GroupStages> stages = stages(config, nodes, models.primary(), events, hook);
            addIngest(topology, config, routing, events, stages::get);
            addStores(topology, config, nodes, models.primary(), true);
            boolean feedback = addFeedbackIfEnabled(topology, config, events);
            addSinks(topology, config, routing, List.of(nodes), false, feedback);
            addShadowSinks(topology, config, shadows, List.of(nodes));
            return topology;
        }
        List<GroupNodes> groups = router.map(
                        r -> r.groups().stream().map(GroupNodes::of).toList())
                .orElse(List.of(GroupNodes.single(models.groups().get(0))));
        String next = routing.repartition() ? ROUTE_SINK : GROUPS;
        addIngest(topology, config, routing, events, () -> ValidReadings.forwardTo(next));
        String readings = addRouting(topology, config, routing);
        if (router.isPresent()) {
            readings = addGroupRouting(topology, router.get(), groups, events, readings);
        }
        for (GroupNodes nodes : groups) {
            var holder = router.isPresent() ? models.holder(nodes.group()) : models.primary();
            var groupEvents = nodes.group().isEmpty() ? events : events.forGroup(nodes.group());
            String group = router.isPresent() ? nodes.group() : models.groups().get(0);
            var hook = shadowHook(config, nodes, group, holder, shadows, groupEvents);
            Supplier<GroupStages> stages = stages(config, nodes, holder, groupEvents, hook);
            topology.addProcessor(nodes.stages(), () -> new GroupStagesProcessor(stages.get()), readings);
            addStores(topology, config, nodes, holder, nodes == groups.get(0));
        }
        boolean feedback = addFeedbackIfEnabled(topology, config, events);
        addSinks(topology, config, routing, groups, router.isPresent(), feedback);
        addShadowSinks(topology, config, shadows, groups);
        return topology;
    }

    private static boolean addFeedbackIfEnabled(Topology topology, DetectorConfig config, DetectorEvents events) {
        boolean feedback = config.getBoolean(DetectorConfig.FEEDBACK_ENABLED);
        if (feedback) {
            addFeedback(topology, config, events);
        }
        return feedback;
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
                thresholds(config),
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
        Map<String, String> stages = new LinkedHashMap<>();
        groups.forEach(nodes -> stages.put(nodes.group(), nodes.stages()));
        topology.addProcessor(GROUPS, () -> new GroupRoutingProcessor(router, stages, DLQ_SINK, events), readings);
        return GROUPS;
    }

    /** A fresh set of one group's stages per task, each with the group's model layout and settings. */
    private static Supplier<GroupStages> stages(
            DetectorConfig config,
            GroupNodes nodes,
            ModelHolder models,
            DetectorEvents events,
            Supplier<ScoredBatchHook> hook) {
        ModelInfo model = model(nodes, models);
        Supplier<FeaturesStep> features = features(config, nodes, models, model, events);
        var settings = scoringSettings(config, nodes);
        var thresholds = thresholds(config);
        var rules = alertRules(config);
        var detail = FeatureDetail.valueOf(upper(config.getString(DetectorConfig.SCORED_FEATURE_DETAIL)));
        var targets = new DecisionStep.Targets(DECISION_STORE, SCORED_SINK, ALERTS_SINK, detail);
        var codec = stateCodec(config, thresholds, rules);
        return () -> {
            var decision = new DecisionStep(new Decider(thresholds, rules), codec, models, targets, events);
            var scoring = new ScoringBatch(models, model.layout(), settings, events, decision, hook.get());
            return new GroupStages(features.get(), scoring, decision);
        };
    }

    private static ModelInfo model(GroupNodes nodes, ModelHolder models) {
        return models.current()
                .orElseThrow(() -> new IllegalStateException(
                        nodes.group().isEmpty() || !nodes.stages().startsWith(GroupNodes.STAGES + "-")
                                ? "load a model before building the topology"
                                : "load a model of group " + nodes.group() + " before building the topology"));
    }

    /**
     * The group's stores, on its stages node: windows and scoring batch of its own; the entity-state
     * store is added with the first group's node and shared by the other groups' (an entity's state
     * lives in one store whatever its group).
     */
    private static void addStores(
            Topology topology, DetectorConfig config, GroupNodes nodes, ModelHolder models, boolean first) {
        var layout = model(nodes, models).layout();
        topology.addStateStore(FeaturesStep.windowStore(nodes.windowStore(), layout, CACHED_ENTITIES), nodes.stages());
        int batchSize = config.getInt(DetectorConfig.SCORING_BATCH_SIZE);
        topology.addStateStore(ScoringBatch.bufferStore(nodes.bufferStore(), batchSize), nodes.stages());
        if (first) {
            var codec = stateCodec(config, thresholds(config), alertRules(config));
            topology.addStateStore(DecisionStep.stateStore(DECISION_STORE, codec, CACHED_ENTITIES), nodes.stages());
        } else {
            topology.connectProcessorAndStateStores(nodes.stages(), DECISION_STORE);
        }
    }

    private static void addSource(Topology topology, DetectorConfig config) {
        topology.addSource(
                SOURCE,
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer(),
                config.getString(DetectorConfig.INPUT_TOPIC));
    }

    private static void addIngest(
            Topology topology,
            DetectorConfig config,
            InputRouting routing,
            DetectorEvents events,
            Supplier<ValidReadings> next) {
        Ingest ingest = new Ingest(
                DetectorInputs.decoder(config),
                new ReadingValidator(
                        config.getLong(DetectorConfig.MAX_FUTURE_MS), config.getInt(DetectorConfig.MAX_ENTITY_BYTES)),
                config.getInt(DetectorConfig.MAX_RECORD_BYTES));
        String deadLetters = routing.repartition() ? INGEST_DLQ_SINK : DLQ_SINK;
        PartitionCheck check = routing.checksPartitions()
                ? new PartitionCheck(routing.inputPartitions(), new WarnedEntities(CACHED_ENTITIES), events)
                : PartitionCheck.NONE;
        topology.addProcessor(
                INGEST, () -> new IngestProcessor(ingest, next.get(), deadLetters, events, check), SOURCE);
    }

    /**
     * Routes valid readings on from the ingest node: through the repartition topic (keyed by entity,
     * so the producer's partitioner no longer matters), or straight on (the ingest processor checks
     * each reading's partition). Returns the node the stages read from.
     */
    private static String addRouting(Topology topology, DetectorConfig config, InputRouting routing) {
        if (routing.repartition()) {
            String topic = InputRouting.repartitionTopic(config);
            topology.addSink(ROUTE_SINK, topic, Serdes.String().serializer(), RoutedReadingCodec.serializer(), INGEST);
            topology.addSource(ROUTE_SOURCE, Serdes.String().deserializer(), RoutedReadingCodec.deserializer(), topic);
            return ROUTE_SOURCE;
        }
        return INGEST;
    }

    private static Supplier<FeaturesStep> features(
            DetectorConfig config, GroupNodes nodes, ModelHolder models, ModelInfo model, DetectorEvents events) {
        MissingPolicy policy = MissingPolicy.valueOf(upper(config.getString(DetectorConfig.MISSING_POLICY)));
        if (policy == MissingPolicy.MEAN
                && model.featureMeans().size() != model.layout().features()) {
            throw new org.apache.kafka.common.config.ConfigException(
                    DetectorConfig.MISSING_POLICY, "mean", "model " + model.label() + " carries no training means");
        }
        Supplier<List<Double>> means =
                () -> models.current().map(ModelInfo::featureMeans).orElse(List.of());
        var timeRule = new EventTimeRule(
                config.getLong(DetectorConfig.MAX_LATENESS_MS),
                config.getLong(DetectorConfig.MAX_TIMESTAMP_JUMP_MS),
                config.getInt(DetectorConfig.CLOCK_RESET_AFTER));
        return () -> new FeaturesStep(
                model.layout(),
                new FeatureExtractor(model.layout(), policy, means),
                nodes.windowStore(),
                DLQ_SINK,
                events,
                timeRule);
    }

    private static ScoringBatch.Settings scoringSettings(DetectorConfig config, GroupNodes nodes) {
        return new ScoringBatch.Settings(
                config.getInt(DetectorConfig.SCORING_BATCH_SIZE),
                Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS)),
                nodes.bufferStore(),
                DLQ_SINK,
                config.scoringInBackground());
    }

    /**
     * The shadow stage of each scoring batch of a group (with shadows enabled): the live path is
     * unchanged, only told about its batches.
     */
    private static Supplier<ScoredBatchHook> shadowHook(
            DetectorConfig config,
            GroupNodes nodes,
            String group,
            ModelHolder models,
            ShadowModels shadows,
            DetectorEvents events) {
        if (!shadows.enabled()) {
            return () -> ScoredBatchHook.NONE;
        }
        var layout = model(nodes, models).layout();
        int batchSize = config.getInt(DetectorConfig.SCORING_BATCH_SIZE);
        var targets = new ShadowStage.Targets(
                SHADOW_STATS_SINK,
                config.getBoolean(DetectorConfig.SHADOW_OUTPUT_ENABLED) ? SHADOW_SINK : null,
                Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS)));
        return () -> new ShadowStage(
                group,
                shadows,
                new ShadowScoring(layout, batchSize, "vigil-shadow-" + nodes.stages()),
                targets,
                events);
    }

    private static void addShadowSinks(
            Topology topology, DetectorConfig config, ShadowModels shadows, List<GroupNodes> groups) {
        if (!shadows.enabled()) {
            return;
        }
        String[] stages = groups.stream().map(GroupNodes::stages).toArray(String[]::new);
        topology.addSink(
                SHADOW_STATS_SINK,
                config.getString(DetectorConfig.SHADOW_STATS_TOPIC),
                Serdes.String().serializer(),
                AvroSerde.of(ShadowStats.class).serializer(),
                stages);
        if (config.getBoolean(DetectorConfig.SHADOW_OUTPUT_ENABLED)) {
            topology.addSink(
                    SHADOW_SINK,
                    config.getString(DetectorConfig.SHADOW_TOPIC),
                    Serdes.String().serializer(),
                    AvroSerde.of(ShadowVerdict.class).serializer(),
                    stages);
        }
    }

    private static ThresholdPolicy thresholds(DetectorConfig config) {
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

    private static AlertRules alertRules(DetectorConfig config) {
        return new AlertRules(
                config.getInt(DetectorConfig.ALERT_K),
                config.getInt(DetectorConfig.ALERT_N),
                config.getInt(DetectorConfig.ALERT_CLOSE_AFTER),
                config.getLong(DetectorConfig.ALERT_COOLDOWN_MS),
                config.getInt(DetectorConfig.ALERT_TOP_K));
    }

    private static EntityStateCodec stateCodec(DetectorConfig config, ThresholdPolicy thresholds, AlertRules rules) {
        return new EntityStateCodec(
                thresholds.quantile(),
                new AlertTracker(rules),
                thresholds.maxPeaks(),
                config.getInt(DetectorConfig.FEEDBACK_HISTORY_SIZE));
    }

    private static void addSinks(
            Topology topology,
            DetectorConfig config,
            InputRouting routing,
            List<GroupNodes> groups,
            boolean routed,
            boolean feedback) {
        String[] stages = groups.stream().map(GroupNodes::stages).toArray(String[]::new);
        topology.addSink(
                SCORED_SINK,
                config.getString(DetectorConfig.SCORED_TOPIC),
                Serdes.String().serializer(),
                ScoredReadingWriter.serializer(),
                stages);
        topology.addSink(
                ALERTS_SINK,
                config.getString(DetectorConfig.ALERTS_TOPIC),
                Serdes.String().serializer(),
                AvroSerde.of(AnomalyAlert.class).serializer(),
                stages);
        String dlq = config.getString(DetectorConfig.DLQ_TOPIC);
        var letters = AvroSerde.of(DeadLetter.class).serializer();
        Set<String> rejecting = new LinkedHashSet<>();
        if (routing.repartition()) {
            topology.addSink(INGEST_DLQ_SINK, dlq, Serdes.String().serializer(), letters, INGEST);
        } else {
            rejecting.add(INGEST);
        }
        if (routed) {
            rejecting.add(GROUPS);
        }
        rejecting.addAll(List.of(stages));
        if (feedback) {
            rejecting.add(FEEDBACK);
        }
        topology.addSink(DLQ_SINK, dlq, Serdes.String().serializer(), letters, rejecting.toArray(String[]::new));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
