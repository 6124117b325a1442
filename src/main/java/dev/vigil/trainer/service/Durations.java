package dev.vigil.trainer.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Durations in configuration: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT1H}. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    /** Parses a duration; throws IllegalArgumentException with the accepted forms. */
    static Duration parse(String text) {
        String value = text.trim();
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration such as 500ms, 30s, 15m, 1h, 2d or PT1H");
        }
    }

    /** A ConfigDef validator accepting positive durations of at least {@code min}. */
    static ConfigDef.Validator atLeast(Duration min) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    if (parse(String.valueOf(value)).compareTo(min) < 0) {
                        throw new ConfigException(name, value, "must be at least " + min);
                    }
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return "a duration of at least " + min + " (500ms, 30s, 15m, 1h, 2d or PT1H)";
            }
        };
    }
}
