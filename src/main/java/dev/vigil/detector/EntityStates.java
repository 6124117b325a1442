package dev.vigil.detector;

import dev.vigil.detector.decision.EntityState;
import dev.vigil.detector.decision.EntityStateCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The decision stage's per-entity states: the changelogged store stays the source of truth (every
 * change is written through, so it commits with the input offsets), and a bounded per-task cache of
 * decoded states saves decoding the state of every reading. A new instance per processor
 * initialisation, so a task revived after an aborted transaction starts from the restored store.
 */
final class EntityStates {
    static final int CACHED_ENTITIES = 10_000;

    private final KeyValueStore<String, byte[]> store;
    private final EntityStateCodec codec;
    private final Map<String, EntityState> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EntityState> eldest) {
            return size() > CACHED_ENTITIES;
        }
    };

    EntityStates(KeyValueStore<String, byte[]> store, EntityStateCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** The entity's state, decoded from the store on a cache miss (a fresh one if absent). */
    EntityState get(String entity) {
        EntityState state = decoded.get(entity);
        if (state == null) {
            state = codec.decode(store.get(entity));
            decoded.put(entity, state);
        }
        return state;
    }

    /** Writes the entity's changed state through to the store. */
    void put(String entity, EntityState state) {
        store.put(entity, codec.encode(state));
        decoded.put(entity, state);
    }

    /** Drops a state that may have been changed without being written (after a failed decision). */
    void forget(String entity) {
        decoded.remove(entity);
    }
}
