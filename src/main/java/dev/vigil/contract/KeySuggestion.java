package dev.vigil.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Refuses configuration keys a service does not know, naming the nearest known key by edit distance
 * ({@code unknown key `treshold.mode`; did you mean `threshold.mode`?}), so a typo fails at start-up
 * instead of silently leaving the default in force. Used by the detector's and the trainer's config.
 */
public final class KeySuggestion {
    private KeySuggestion() {}

    /**
     * The refusal of the first key (in sorted order) of {@code keys} that is neither in {@code known}
     * nor starts with {@code passThroughPrefix}; empty when every key is known.
     */
    public static Optional<String> unknownKey(Collection<?> keys, Collection<String> known, String passThroughPrefix) {
        return keys.stream()
                .map(String::valueOf)
                .filter(key -> !known.contains(key) && !key.startsWith(passThroughPrefix))
                .sorted()
                .findFirst()
                .map(key -> refusal(key, known));
    }

    private static String refusal(String key, Collection<String> known) {
        return "unknown key `" + key + "` (from the file, or " + ConfigSources.envName(key) + ")"
                + nearest(key, known)
                        .map(near -> "; did you mean `" + near + "`?")
                        .orElse("");
    }

    /** The key of {@code known} nearest to {@code key} by Levenshtein distance (ties: alphabetical). */
    public static Optional<String> nearest(String key, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k));
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] row = new int[b.length() + 1];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
            }
            previous = row;
        }
        return previous[b.length()];
    }
}
