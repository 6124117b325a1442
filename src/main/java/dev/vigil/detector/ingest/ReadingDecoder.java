package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.SensorReading;

/** Turns the raw bytes of one input record into a {@link SensorReading}, or rejects them. */
@FunctionalInterface
public interface ReadingDecoder {
    /**
     * Decodes one record.
     *
     * @param key the key as a string, or null; used as the entity when the value names none
     * @param value the value bytes, never null
     * @param recordTimestamp the Kafka record timestamp, used when the value carries no event time
     * @return the reading, with {@code value} as its encoding when the value was exactly that
     */
    InputReading decode(String key, byte[] value, long recordTimestamp) throws RejectedException;
}
