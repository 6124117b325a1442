package dev.vigil.detector.sinks;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only {@code Map<String, Double>} view of one value per model feature, in model order,
 * over a float array: what a scored reading's {@code featureErrors} and {@code expected} hold. No
 * hashing to build it, and {@link ScoredReadingWriter} writes it from the array with each name's
 * UTF-8 bytes encoded once per model.
 */
final class FeatureValues extends AbstractMap<String, Double> {
    private final Names names;
    private final float[] values;

    FeatureValues(Names names, float[] values) {
        if (values.length != names.list.size()) {
            throw new IllegalArgumentException(values.length + " values for " + names.list.size() + " features");
        }
        this.names = names;
        this.values = values;
    }

    /** A model's feature names, with their UTF-8 bytes and positions. */
    static final class Names {
        final List<String> list;
        final byte[][] utf8;
        private final Map<String, Integer> index = new HashMap<>();

        Names(List<String> list) {
            this.list = list;
            this.utf8 = new byte[list.size()][];
            for (int f = 0; f < list.size(); f++) {
                utf8[f] = list.get(f).getBytes(StandardCharsets.UTF_8);
                index.put(list.get(f), f);
            }
        }
    }

    /** Writes this map as an Avro map of doubles, entries in model order. */
    void writeTo(AvroBinaryOutput out) {
        if (values.length > 0) {
            out.writeLong(values.length);
            for (int f = 0; f < values.length; f++) {
                out.writeUtf8(names.utf8[f]);
                out.writeDouble(values[f]);
            }
        }
        out.writeLong(0);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Double get(Object key) {
        Integer f = names.index.get(key);
        return f == null ? null : (double) values[f];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.index.containsKey(key);
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int f = next++;
                        return new SimpleImmutableEntry<>(names.list.get(f), (double) values[f]);
                    }
                };
            }
        };
    }
}
