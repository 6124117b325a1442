package dev.vigil.detector.ingest;

/**
 * A valid reading travelling to the features stage with its provenance, so later stages can still
 * dead-letter it with the raw bytes.
 */
public record IngestedReading(InputReading reading, Provenance provenance) {}
