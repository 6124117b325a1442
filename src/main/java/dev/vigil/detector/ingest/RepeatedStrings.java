package dev.vigil.detector.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of UTF-8 byte ranges that repeat from record to record (feature names, entities, tags),
 * decoded once: a direct-mapped table of {@value #SLOTS} slots, where a new string replaces the one in
 * its slot, so memory stays bounded whatever the input. Not thread-safe: one per thread.
 */
final class RepeatedStrings {
    static final int SLOTS = 4096;
    /** Longer strings are decoded every time: they rarely repeat, and hashing them costs as much. */
    static final int MAX_CACHED_BYTES = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The string of {@code bytes[from, from + length)}. */
    String of(byte[] bytes, int from, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_CACHED_BYTES) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        int slot = slot(bytes, from, length);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, from, from + length)) {
            return values[slot];
        }
        String value = new String(bytes, from, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(bytes, from, from + length);
        values[slot] = value;
        return value;
    }

    private static int slot(byte[] bytes, int from, int length) {
        int hash = length;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
