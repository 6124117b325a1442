package dev.vigil.detector.ingest;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;

/**
 * A decoded reading and, when the input record's value was exactly its Avro single-object encoding
 * with the current {@code SensorReading} schema, those bytes: the scored record and the scoring
 * buffer copy them instead of encoding the reading again.
 *
 * @param value the reading
 * @param avro its single-object encoding, or null when not known (JSON or mapped input, an older
 *     schema, or a value the decoder changed, e.g. an entity taken from the key)
 */
public record InputReading(SensorReading value, byte[] avro) {
    private static final AvroCodec<SensorReading> AVRO = AvroCodec.of(SensorReading.class);

    /** A reading whose encoding is not known. */
    public static InputReading of(SensorReading value) {
        return new InputReading(value, null);
    }

    /** The reading's single-object encoding: {@link #avro()} when known, else encoded now. */
    public byte[] encoded() {
        return avro != null ? avro : AVRO.encode(value);
    }

    /** The reading's entity. */
    public String entity() {
        return value.getEntity();
    }

    /** The reading's event time, epoch milliseconds. */
    public long timeMs() {
        return value.getTimestamp().toEpochMilli();
    }
}
