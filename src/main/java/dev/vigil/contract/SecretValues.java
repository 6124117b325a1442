package dev.vigil.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the detector and the trainer print their configuration at start-up: every key with its value,
 * sorted, one per line, except values of keys whose name looks secret, shown as {@value #HIDDEN}.
 */
public final class SecretValues {
    /** Words in a key's name that mark its value as possibly secret (case-insensitive). */
    public static final List<String> SECRET_WORDS =
            List.of("password", "secret", "key", "token", "credential", "jaas", "pem");
    /** What a hidden value is printed as. */
    public static final String HIDDEN = "[hidden]";

    private SecretValues() {}

    /** Whether {@code key}'s name has one of {@link #SECRET_WORDS} in it, e.g. {@code kafka.ssl.keystore.key}. */
    public static boolean looksSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /** Appends {@code "\n  key = value"} for every entry of {@code values}, sorted, secrets hidden. */
    public static void appendTo(StringBuilder text, Map<String, ?> values) {
        new TreeMap<>(values)
                .forEach((key, value) ->
                        text.append("\n  ").append(key).append(" = ").append(looksSecret(key) ? HIDDEN : value));
    }
}
