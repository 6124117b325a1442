package dev.vigil.cli;

import dev.vigil.contract.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** Picocli converter for {@link DurationText}: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms}, or ISO-8601. */
final class HumanDuration implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
