package dev.vigil.detector.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBackStoreTest {
    /** Mutable values, so the test can change one in place like the processors do. */
    private final CountingCodec codec = new CountingCodec();

    private KeyValueStore<String, byte[]> inner;
    private WriteBackStore<String, StringBuilder> store;

    private static final class CountingCodec implements ValueCodec<StringBuilder> {
        int encoded;
        int decoded;

        @Override
        public byte[] encode(StringBuilder value) {
            encoded++;
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public StringBuilder decode(byte[] bytes) {
            decoded++;
            return new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void setUp() {
        store = storeOf(3);
    }

    private WriteBackStore<String, StringBuilder> storeOf(int maxEntries) {
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        var written = new WriteBackStore<>(inner, codec, maxEntries);
        written.init(new MockProcessorContext<>().getStateStoreContext(), written);
        return written;
    }

    private String stored(String key) {
        byte[] bytes = inner.get(key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void changesReachTheInnerStoreOnlyWhenTheCacheIsFlushedForACommit() {
        StringBuilder value = new StringBuilder("a");
        store.put("pump-1", value);
        value.append("b");
        store.put("pump-1", value);
        assertNull(stored("pump-1"));
        assertEquals(1, store.unwritten());

        store.flushCache();

        assertEquals("ab", stored("pump-1"));
        assertEquals(1, codec.encoded, "two puts between commits encode once");
        assertEquals(0, store.unwritten());
    }

    @Test
    void aValueIsDecodedOnceAndThenServedFromTheCache() {
        inner.put("pump-1", "x".getBytes(StandardCharsets.UTF_8));
        StringBuilder first = store.get("pump-1");
        assertSame(first, store.get("pump-1"));
        assertEquals("x", first.toString());
        assertEquals(1, codec.decoded);
        assertNull(store.get("absent"));
        assertNull(store.get("absent"));
    }

    @Test
    void anUnchangedValueIsNotWrittenAgain() {
        inner.put("pump-1", "x".getBytes(StandardCharsets.UTF_8));
        store.get("pump-1");
        store.flushCache();
        assertEquals(0, codec.encoded);
    }

    @Test
    void aDeletionIsWrittenAsARemovalAtTheCommit() {
        inner.put("pump-1", "x".getBytes(StandardCharsets.UTF_8));
        store.delete("pump-1");
        assertNull(store.get("pump-1"));
        assertEquals("x", stored("pump-1"), "still stored until the commit");
        store.flushCache();
        assertNull(stored("pump-1"));
    }

    @Test
    void clearingTheCacheDropsUncommittedChangesAndRereadsTheStore() {
        inner.put("pump-1", "committed".getBytes(StandardCharsets.UTF_8));
        store.get("pump-1").append("-uncommitted");
        store.put("pump-1", store.get("pump-1"));

        store.clearCache();
        store.flushCache();

        assertEquals("committed", stored("pump-1"));
        assertEquals("committed", store.get("pump-1").toString());
    }

    @Test
    void discardingOneKeyFallsBackToItsLastWrittenValue() {
        store.put("pump-1", new StringBuilder("good"));
        store.put("pump-2", new StringBuilder("other"));
        store.flushCache();
        store.get("pump-1").append("-half-changed");
        store.put("pump-2", new StringBuilder("other-changed"));

        store.discard("pump-1");
        store.flushCache();

        assertEquals("good", store.get("pump-1").toString());
        assertEquals("other-changed", stored("pump-2"), "other keys keep their changes");
    }

    @Test
    void beyondTheBoundTheLeastRecentlyUsedValueIsEvictedAndAnUnwrittenOneIsWrittenFirst() {
        store.put("a", new StringBuilder("1"));
        store.put("b", new StringBuilder("2"));
        store.put("c", new StringBuilder("3"));
        store.get("a");
        store.put("d", new StringBuilder("4"));

        assertEquals("2", stored("b"), "b was the least recently used: written when evicted");
        assertNull(stored("a"));
        assertEquals(3, store.unwritten());
        assertEquals("2", store.get("b").toString(), "read back from the inner store");
        assertEquals(1, codec.decoded);
    }

    @Test
    void moreChangedValuesThanTheBoundAreEachWrittenOnce() {
        for (int i = 0; i < 10; i++) {
            store.put("e" + i, new StringBuilder("v" + i));
        }
        assertEquals(3, store.unwritten(), "seven were written when evicted");
        store.flushCache();
        for (int i = 0; i < 10; i++) {
            assertEquals("v" + i, stored("e" + i));
        }
        assertEquals(10, codec.encoded);
        assertEquals(0, store.unwritten());
    }

    @Test
    void aDiscardedChangeIsNotWrittenButALaterOneIs() {
        store.put("pump-1", new StringBuilder("half"));
        store.discard("pump-1");
        assertEquals(0, store.unwritten());
        store.put("pump-1", new StringBuilder("whole"));
        store.flushCache();
        assertEquals("whole", stored("pump-1"));
        assertEquals(1, codec.encoded);
    }

    @Test
    void allOverlaysCachedChangesOnTheStoredValuesInKeyOrder() {
        store.put("a", new StringBuilder("1"));
        store.put("b", new StringBuilder("2"));
        store.flushCache();
        store.put("c", new StringBuilder("3"));
        store.delete("a");
        store.put("b", new StringBuilder("2b"));

        Map<String, StringBuilder> all = store.all();

        assertEquals(List.of("b", "c"), List.copyOf(all.keySet()));
        assertEquals(
                List.of("2b", "3"), all.values().stream().map(Object::toString).toList());
    }

    @Test
    void theBuilderRefusesToDropTheChangelogOrToAddKafkasByteCache() {
        var builder = WriteBackStores.persistent("s", Serdes.String(), codec, 10);
        assertThrows(UnsupportedOperationException.class, builder::withLoggingDisabled);
        assertThrows(UnsupportedOperationException.class, builder::withCachingEnabled);
        assertThrows(IllegalArgumentException.class, () -> WriteBackStores.persistent("s", Serdes.String(), codec, 0));
        assertEquals(true, builder.loggingEnabled());
        assertEquals("s", builder.name());
    }
}
