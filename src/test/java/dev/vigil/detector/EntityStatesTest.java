package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.detector.decision.AlertRules;
import dev.vigil.detector.decision.AlertTracker;
import dev.vigil.detector.decision.EntityState;
import dev.vigil.detector.decision.EntityStateCodec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityStatesTest {
    private final EntityStateCodec codec =
            new EntityStateCodec(0.99, new AlertTracker(new AlertRules(2, 3, 2, 100, 0)));
    private KeyValueStore<String, byte[]> store;
    private EntityStates states;

    @BeforeEach
    void setUp() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        states = new EntityStates(store, codec);
    }

    @Test
    void everyChangeIsWrittenThroughToTheStore() {
        EntityState state = states.get("pump-1");
        assertNull(store.get("pump-1"));
        states.put("pump-1", state);
        assertArrayEquals(codec.encode(state), store.get("pump-1"));
    }

    @Test
    void aCachedStateIsNotDecodedAgain() {
        EntityState state = states.get("pump-1");
        states.put("pump-1", state);
        assertSame(state, states.get("pump-1"));
    }

    @Test
    void aForgottenStateIsReadBackFromTheStore() {
        EntityState state = states.get("pump-1");
        states.put("pump-1", state);
        states.forget("pump-1");
        EntityState reread = states.get("pump-1");
        assertNotSame(state, reread);
        assertArrayEquals(store.get("pump-1"), codec.encode(reread));
    }

    @Test
    void theCacheIsBoundedAndEvictedStatesComeBackFromTheStore() {
        EntityState first = states.get("e-0");
        states.put("e-0", first);
        for (int i = 1; i <= EntityStates.CACHED_ENTITIES; i++) {
            states.put("e-" + i, states.get("e-" + i));
        }
        EntityState reread = states.get("e-0");
        assertNotSame(first, reread);
        assertNotNull(store.get("e-0"));
        assertArrayEquals(codec.encode(first), codec.encode(reread));
    }
}
