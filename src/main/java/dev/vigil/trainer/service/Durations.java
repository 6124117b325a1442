package dev.vigil.trainer.service;

import dev.vigil.contract.DurationText;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Durations in configuration: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT1H}. */
final class Durations {
    private Durations() {}

    /** Parses a duration; throws IllegalArgumentException with the accepted forms. */
    static Duration parse(String text) {
        return DurationText.parse(text);
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
