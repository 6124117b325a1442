package dev.vigil.detector.ingest;

import dev.vigil.detector.events.RejectReason;
import java.nio.charset.StandardCharsets;

/** Stage 1 as a pure function: raw key and value bytes to a valid reading, or a rejection. */
public final class Ingest {
    private final ReadingDecoder decoder;
    private final ReadingValidator validator;
    private final int maxRecordBytes;

    public Ingest(ReadingDecoder decoder, ReadingValidator validator, int maxRecordBytes) {
        this.decoder = decoder;
        this.validator = validator;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Decodes and validates one record; {@code now} is wall-clock time for the future-time check. */
    public InputReading read(byte[] key, byte[] value, long recordTimestamp, long now) throws RejectedException {
        if (value == null || value.length == 0) {
            throw RejectedException.of(RejectReason.UNREADABLE, "empty value");
        }
        if (value.length > maxRecordBytes) {
            throw RejectedException.of(
                    RejectReason.OVERSIZED, value.length + " bytes exceed the limit of " + maxRecordBytes);
        }
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        InputReading reading = decoder.decode(keyText, value, recordTimestamp);
        validator.validate(reading.value(), now);
        return reading;
    }
}
