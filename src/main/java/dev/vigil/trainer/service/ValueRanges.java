package dev.vigil.trainer.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible value ranges per feature: a record with a value outside its feature's range (or a
 * non-finite value) is not normal data, whatever the model said about it. Parsed from entries
 * {@code feature:min:max}; features without an entry accept any finite value.
 */
public final class ValueRanges {
    private final Map<String, double[]> ranges;

    private ValueRanges(Map<String, double[]> ranges) {
        this.ranges = Map.copyOf(ranges);
    }

    /** No ranges: every finite value is accepted. */
    public static ValueRanges none() {
        return new ValueRanges(Map.of());
    }

    /**
     * Parses {@code feature:min:max} entries.
     *
     * @throws IllegalArgumentException naming the entry that is malformed or has min greater than max
     */
    public static ValueRanges parse(List<String> entries) {
        Map<String, double[]> ranges = new HashMap<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + entry + "' is not feature:min:max");
            }
            double min = number(entry, parts[1]);
            double max = number(entry, parts[2]);
            if (!(min <= max)) {
                throw new IllegalArgumentException("'" + entry + "': min is greater than max");
            }
            ranges.put(parts[0].trim(), new double[] {min, max});
        }
        return new ValueRanges(ranges);
    }

    private static double number(String entry, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "': '" + text + "' is not a number", e);
        }
    }

    /** True when {@code value} is finite and inside {@code feature}'s range. */
    public boolean accepts(String feature, double value) {
        double[] range = ranges.get(feature);
        return Double.isFinite(value) && (range == null || (value >= range[0] && value <= range[1]));
    }
}
