package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.RejectReason;
import java.util.Map;

/** Checks a decoded reading: entity, values present, finite and within float range, event time plausible. */
public final class ReadingValidator {
    /** 2000-01-01T00:00:00Z: anything earlier is a unit or clock error. */
    public static final long EARLIEST_TIMESTAMP = 946_684_800_000L;

    private final long maxFutureMs;

    public ReadingValidator(long maxFutureMs) {
        this.maxFutureMs = maxFutureMs;
    }

    /** Throws the first problem found; {@code now} is wall-clock time in epoch millis. */
    public void validate(SensorReading reading, long now) throws RejectedException {
        if (reading.getEntity() == null || reading.getEntity().isBlank()) {
            throw RejectedException.of(RejectReason.MISSING_ENTITY, "no entity in key or value");
        }
        if (reading.getValues().isEmpty()) {
            throw RejectedException.of(RejectReason.NO_VALUES, "reading carries no values");
        }
        checkFinite(reading.getValues());
        checkTime(reading.getTimestamp().toEpochMilli(), now);
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
        if (timestamp > now + maxFutureMs) {
            throw RejectedException.of(
                    RejectReason.TIMESTAMP_IN_FUTURE,
                    "event time " + timestamp + " is more than " + maxFutureMs + " ms after now (" + now + ")");
        }
    }
}
