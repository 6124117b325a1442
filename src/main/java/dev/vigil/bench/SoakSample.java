package dev.vigil.bench;

/**
 * One sample of a soak run.
 *
 * @param elapsedSeconds seconds since the paced load started
 * @param heapAfterGcMb heap in use after the latest collection, MiB
 * @param recordsPerSecond output records per second since the previous sample
 * @param errors stream-thread failures plus dead letters so far
 */
public record SoakSample(double elapsedSeconds, double heapAfterGcMb, double recordsPerSecond, long errors) {}
