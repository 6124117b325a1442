package dev.vigil.detector.topology;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.decision.Decider;
import dev.vigil.detector.decision.Decision;
import dev.vigil.detector.decision.EntityState;
import dev.vigil.detector.decision.EntityStateCodec;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.sinks.FeatureDetail;
import dev.vigil.detector.sinks.ScoredOutput;
import dev.vigil.detector.sinks.ScoredReadings;
import dev.vigil.detector.state.ValueCodec;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 4 inside a group's node ({@link GroupStages}): runs the pure {@link Decider} on each scored
 * reading with the entity's state from {@code stateStore}, and forwards the scored record to {@code
 * scored} and lifecycle events to {@code alerts}. Warming-up readings pass straight to {@code scored}.
 *
 * <p>States live decoded in a {@link WriteBackStore} and are encoded only at commits. If a decision
 * fails half-way, the entity's state is discarded back to its last committed value, so a state
 * changed by an exception is never written.
 */
final class DecisionStep implements ScoringBatch.Results {
    private final Decider decider;
    private final EntityStateCodec codec;
    private final ModelHolder models;
    private final Targets targets;
    private final DetectorEvents events;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<String, EntityState> states;

    /** The state store, the two sink nodes, and which scored records carry per-feature detail. */
    record Targets(String stateStore, String scored, String alerts, FeatureDetail detail) {}

    DecisionStep(Decider decider, EntityStateCodec codec, ModelHolder models, Targets targets, DetectorEvents events) {
        this.decider = decider;
        this.codec = codec;
        this.models = models;
        this.targets = targets;
        this.events = events;
    }

    void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(targets.stateStore());
    }

    /** The state store this step needs, named {@code name}, caching up to {@code entities} states per task. */
    static StoreBuilder<?> stateStore(String name, EntityStateCodec codec, int entities) {
        var values = ValueCodec.of(codec::encode, codec::decode);
        return WriteBackStores.persistent(name, Serdes.String(), values, entities);
    }

    @Override
    public void scored(String key, long timestamp, Scored scored) {
        Decision decision = decideAndStore(key, scored);
        ScoredOutput out = ScoredReadings.of(scored, decision, targets.detail(), now());
        events.scored(decision.verdict(), decision.score(), decision.limits().entry());
        context.forward(new Record<>(key, out, timestamp), targets.scored());
        decision.alert().ifPresent(alert -> {
            events.alert(alert.getEvent());
            context.forward(new Record<>(key, alert, timestamp), targets.alerts());
        });
    }

    /** A reading of an entity whose window is not full yet: scored as warming up, no decision. */
    void warmingUp(String key, long timestamp, InputReading reading) {
        var out = ScoredReadings.warmingUp(reading, models.current().orElse(null), now());
        events.scored(Verdict.WARMING_UP, Double.NaN, Double.NaN);
        context.forward(new Record<>(key, out, timestamp), targets.scored());
    }

    private Decision decideAndStore(String entity, Scored scored) {
        EntityState state = states.get(entity);
        if (state == null) {
            state = codec.fresh();
        }
        try {
            Decision decision = decider.decide(state, scored);
            states.put(entity, state);
            return decision;
        } catch (RuntimeException e) {
            states.discard(entity);
            throw e;
        }
    }

    private long now() {
        return context.currentSystemTimeMs();
    }
}
