package dev.vigil.ops;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a free-text tag value (a dead-letter reason, a swap refusal reason) safe for a time series
 * database: normalised to lower snake case, at most {@value #MAX_LENGTH} characters, and at most a
 * fixed number of distinct values; any value beyond that becomes {@value #OVERFLOW}. A bug that puts
 * an entity id or an exception message into a reason can then never explode the series count.
 */
final class BoundedTagValues {
    static final String OVERFLOW = "other";
    static final String EMPTY = "unknown";
    static final int MAX_LENGTH = 48;

    private final int maxDistinct;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedTagValues(int maxDistinct) {
        this.maxDistinct = maxDistinct;
    }

    /** The value to use as a tag for {@code raw}. */
    String bound(String raw) {
        String value = normalise(raw);
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() >= maxDistinct) {
                return OVERFLOW;
            }
            seen.add(value);
            return value;
        }
    }

    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        String snake = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String trimmed = snake.replaceAll("^_+|_+$", "");
        String value = trimmed.isEmpty() ? EMPTY : trimmed;
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }
}
