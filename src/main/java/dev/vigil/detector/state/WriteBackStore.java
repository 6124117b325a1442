package dev.vigil.detector.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A write-back cache of decoded values in front of a changelogged key-value store of bytes.
 *
 * <p>Processors read and change decoded objects at the cost of a hash-map access; a changed value
 * is encoded and written to the changelogged store only when Kafka Streams prepares a commit.
 * That hook is {@link CachedStateStore#flushCache()}, the one Kafka's own record cache uses: the
 * task calls it before it flushes its record collector and commits the transaction, so under
 * exactly-once every value is still committed atomically with the input offsets that produced it.
 * When a task is closed without a commit (a crash, an aborted transaction) or recycled, the cache is
 * dropped ({@link #close()}, {@link #clearCache()}) and the inner store comes back from the changelog
 * as usual.
 *
 * <p>Values are mutable objects owned by the store: change one, then {@link #put} it to mark it
 * for writing. Memory is bounded: beyond {@code maxEntries} the least recently used entry is
 * evicted, and written to the inner store first if it holds an unwritten change.
 *
 * @param <K> key type (serialised by the inner store)
 * @param <V> decoded value type
 */
public final class WriteBackStore<K, V> implements StateStore, CachedStateStore<K, V> {
    private final KeyValueStore<K, byte[]> inner;
    private final ValueCodec<V> codec;
    private final int maxEntries;
    private final Map<K, Slot<V>> cache;
    private final Set<K> dirty = new LinkedHashSet<>();

    /** A cached value and whether it changed since the last commit (then its key is in {@code dirty}). */
    private static final class Slot<V> {
        V value;
        boolean changed;

        Slot(V value) {
            this.value = value;
        }
    }

    WriteBackStore(KeyValueStore<K, byte[]> inner, ValueCodec<V> codec, int maxEntries) {
        this.inner = inner;
        this.codec = codec;
        this.maxEntries = maxEntries;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                if (size() <= WriteBackStore.this.maxEntries) {
                    return false;
                }
                writeIfChanged(eldest.getKey(), eldest.getValue());
                dirty.remove(eldest.getKey());
                return true;
            }
        };
    }

    /** The value of {@code key}: the cached one, else decoded from the inner store; null if absent. */
    public V get(K key) {
        Slot<V> slot = cache.get(key);
        if (slot == null) {
            byte[] bytes = inner.get(key);
            slot = new Slot<>(bytes == null ? null : codec.decode(bytes));
            cache.put(key, slot);
        }
        return slot.value;
    }

    /** Sets (or marks as changed) the value of {@code key}; it is written at the next commit. */
    public void put(K key, V value) {
        Slot<V> slot = cache.get(key);
        if (slot == null) {
            slot = new Slot<>(value);
            cache.put(key, slot);
        }
        slot.value = value;
        if (!slot.changed) {
            slot.changed = true;
            dirty.add(key);
        }
    }

    /** Removes {@code key}; the removal is written at the next commit. */
    public void delete(K key) {
        put(key, null);
    }

    /**
     * Drops the cached value of {@code key}, written or not: the next {@link #get} reads the inner
     * store. For a value left half-changed by a failure; its unwritten changes are lost.
     */
    public void discard(K key) {
        cache.remove(key);
        dirty.remove(key);
    }

    /**
     * Every value: the inner store's, in its key order, overlaid with the cached ones. For a
     * processor restoring its working set when it starts.
     */
    public Map<K, V> all() {
        Map<K, V> all = new LinkedHashMap<>();
        try (var stored = inner.all()) {
            stored.forEachRemaining(entry -> all.put(entry.key, codec.decode(entry.value)));
        }
        cache.forEach((key, slot) -> {
            if (slot.value == null) {
                all.remove(key);
            } else {
                all.put(key, slot.value);
            }
        });
        return all;
    }

    /** The number of values changed since the last commit. */
    public int unwritten() {
        return dirty.size();
    }

    /** Encodes and writes every changed value to the inner (changelogged) store. */
    @Override
    public void flushCache() {
        for (K key : dirty) {
            writeIfChanged(key, cache.get(key));
        }
        dirty.clear();
    }

    /** Forgets every cached value, written or not (the task's state is being reset). */
    @Override
    public void clearCache() {
        cache.clear();
        dirty.clear();
    }

    /** No downstream forwarding on flush: the values are the processors' own state. */
    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    private void writeIfChanged(K key, Slot<V> slot) {
        if (slot != null && slot.changed) {
            slot.changed = false;
            write(key, slot.value);
        }
    }

    private void write(K key, V value) {
        if (value == null) {
            inner.delete(key);
        } else {
            inner.put(key, codec.encode(value));
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        clearCache();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
