package dev.vigil.detector.sinks;

import dev.vigil.contract.avro.ScoredReading;

/**
 * What the decision stage sends to the scored sink: the record, and the single-object encoding of its
 * reading when known ({@code InputReading.avro()}), which {@link ScoredReadingWriter} copies instead
 * of encoding the reading again.
 *
 * @param record the scored record
 * @param readingAvro the single-object encoding of {@code record.getReading()}, or null
 */
public record ScoredOutput(ScoredReading record, byte[] readingAvro) {}
