package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.RejectReason;
import java.util.Map;

/**
 * Checks a decoded reading: entity present and not too long, values present, finite and within float
 * range, event time plausible.
 */
public final class ReadingValidator {
    /** 2000-01-01T00:00:00Z: anything earlier is a unit or clock error. */
    public static final long EARLIEST_TIMESTAMP = 946_684_800_000L;

    private final long maxFutureMs;
    private final int maxEntityBytes;

    /**
     * @param maxFutureMs how far past wall-clock time an event time may be
     * @param maxEntityBytes longest entity, in UTF-8 bytes (it becomes a store key and the output key)
     */
    public ReadingValidator(long maxFutureMs, int maxEntityBytes) {
        this.maxFutureMs = maxFutureMs;
        this.maxEntityBytes = maxEntityBytes;
    }

    /** Throws the first problem found; {@code now} is wall-clock time in epoch millis. */
    public void validate(SensorReading reading, long now) throws RejectedException {
        checkEntity(reading.getEntity());
        if (reading.getValues().isEmpty()) {
            throw RejectedException.of(RejectReason.NO_VALUES, "reading carries no values");
        }
        checkFinite(reading.getValues());
        checkTime(reading.getTimestamp().toEpochMilli(), now);
    }

    private void checkEntity(String entity) throws RejectedException {
        if (entity == null || entity.isBlank()) {
            throw RejectedException.of(RejectReason.MISSING_ENTITY, "no entity in key or value");
        }
        int bytes = utf8Length(entity);
        if (bytes > maxEntityBytes) {
            throw RejectedException.of(
                    RejectReason.ENTITY_TOO_LONG,
                    "entity \"" + (entity.length() > 32 ? entity.substring(0, 32) + "..." : entity) + "\" is " + bytes
                            + " bytes (UTF-8), beyond the limit of " + maxEntityBytes);
        }
    }

    /** UTF-8 length without encoding: 1 to 3 bytes per char, 4 per surrogate pair. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes;
    }

    private static void checkFinite(Map<String, Double> values) throws RejectedException {
        for (var value : values.entrySet()) {
            if (value.getValue() == null || !Double.isFinite(value.getValue())) {
                throw RejectedException.of(
                        RejectReason.NON_FINITE_VALUE, "value of " + value.getKey() + " is " + value.getValue());
            }
            if (Math.abs(value.getValue()) > Float.MAX_VALUE) {
                throw RejectedException.of(
                        RejectReason.NON_FINITE_VALUE,
                        "value of " + value.getKey() + " is " + value.getValue()
                                + ", beyond the float range the model computes in (it would become infinite)");
            }
        }
    }

    private void checkTime(long timestamp, long now) throws RejectedException {
        if (timestamp < EARLIEST_TIMESTAMP) {
            throw RejectedException.of(RejectReason.TIMESTAMP_TOO_OLD, "event time " + timestamp + " is before 2000");
        }
        if (timestamp - now > maxFutureMs) {
            throw RejectedException.of(
                    RejectReason.TIMESTAMP_IN_FUTURE,
                    "event time " + timestamp + " is more than " + maxFutureMs + " ms after now (" + now + ")");
        }
    }
}
