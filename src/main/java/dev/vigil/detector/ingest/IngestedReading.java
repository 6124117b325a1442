package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.SensorReading;

/**
 * A valid reading travelling to the features stage with its provenance, so later stages can still
 * dead-letter it with the raw bytes.
 */
public record IngestedReading(SensorReading reading, Provenance provenance) {}
