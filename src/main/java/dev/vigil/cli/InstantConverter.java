package dev.vigil.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads an instant as ISO-8601 ({@code 2026-01-03T03:22:00Z}) or as epoch milliseconds. */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim();
        if (text.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is neither an ISO-8601 instant (2026-01-03T03:22:00Z) nor epoch millis");
        }
    }
}
