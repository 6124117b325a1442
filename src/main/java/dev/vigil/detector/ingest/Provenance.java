package dev.vigil.detector.ingest;

/**
 * Where a record came from, kept for dead letters.
 *
 * @param topic source topic, or null
 * @param partition source partition, or -1
 * @param offset source offset, or -1
 * @param timestamp Kafka record timestamp, or -1
 * @param rawKey key bytes as received, or null
 * @param rawValue value bytes as received, or null
 */
public record Provenance(String topic, int partition, long offset, long timestamp, byte[] rawKey, byte[] rawValue) {}
