package dev.vigil.detector.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link WriteBackStore} over a persistent, changelogged key-value store named
 * {@code name}. Kafka's own record cache is always off underneath: the write-back store is the
 * cache.
 *
 * @param <K> key type
 * @param <V> decoded value type
 */
public final class WriteBackStores<K, V> implements StoreBuilder<WriteBackStore<K, V>> {
    private final StoreBuilder<KeyValueStore<K, byte[]>> inner;
    private final ValueCodec<V> codec;
    private final int maxEntries;

    private WriteBackStores(StoreBuilder<KeyValueStore<K, byte[]>> inner, ValueCodec<V> codec, int maxEntries) {
        this.inner = inner;
        this.codec = codec;
        this.maxEntries = maxEntries;
    }

    /**
     * A builder of write-back stores named {@code name}, keys serialised with {@code keys}, values
     * with {@code codec}, holding at most {@code maxEntries} decoded values per store instance.
     */
    public static <K, V> WriteBackStores<K, V> persistent(
            String name, Serde<K> keys, ValueCodec<V> codec, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        var bytes = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, Serdes.ByteArray())
                .withCachingDisabled();
        return new WriteBackStores<>(bytes, codec, maxEntries);
    }

    @Override
    public WriteBackStore<K, V> build() {
        return new WriteBackStore<>(inner.build(), codec, maxEntries);
    }

    /** Not supported: the write-back store is itself the cache. */
    @Override
    public StoreBuilder<WriteBackStore<K, V>> withCachingEnabled() {
        throw new UnsupportedOperationException("a write-back store is its own cache");
    }

    @Override
    public StoreBuilder<WriteBackStore<K, V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<WriteBackStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    /** Not supported: without a changelog the cached values could not survive a crash. */
    @Override
    public StoreBuilder<WriteBackStore<K, V>> withLoggingDisabled() {
        throw new UnsupportedOperationException("a write-back store needs its changelog");
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
