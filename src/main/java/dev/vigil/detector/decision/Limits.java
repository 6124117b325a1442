package dev.vigil.detector.decision;

/**
 * The thresholds in force for one reading.
 *
 * @param entry a score above it is anomalous
 * @param exit an open alert stays open while scores exceed it (hysteresis; at most {@code entry})
 */
public record Limits(double entry, double exit) {}
