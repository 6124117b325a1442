package dev.vigil.ops.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What to simulate.
 *
 * @param entities number of pumps, named {@code pump-01}, {@code pump-02}, ...
 * @param seed seed of every random choice: the same config gives the same readings and anomalies
 * @param start simulated time of the first reading
 * @param step simulated time between two readings of one pump
 * @param cleanPeriod simulated time from the start with no anomalies (data to train a first model on)
 * @param meanGap mean simulated time between two anomaly episodes of one pump
 * @param anomalies whether to inject anomalies at all
 */
public record SimulatorConfig(
        int entities,
        long seed,
        Instant start,
        Duration step,
        Duration cleanPeriod,
        Duration meanGap,
        boolean anomalies) {
    /** Midnight UTC on 2026-01-01: simulated time starts at a fixed instant so runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    public SimulatorConfig {
        require(entities >= 1 && entities <= 999, "entities", "must be 1..999, was " + entities);
        require(step.toMillis() >= 1, "step", "must be at least 1 ms, was " + step);
        require(!cleanPeriod.isNegative(), "cleanPeriod", "must not be negative, was " + cleanPeriod);
        require(meanGap.toMillis() >= 1, "meanGap", "must be positive, was " + meanGap);
    }

    /**
     * Defaults: one reading per pump per simulated minute, two clean simulated days, then an anomaly
     * every half day per pump on average.
     */
    public static SimulatorConfig defaults(int entities, long seed) {
        return new SimulatorConfig(
                entities, seed, DEFAULT_START, Duration.ofMinutes(1), Duration.ofDays(2), Duration.ofHours(12), true);
    }

    /** The same config without anomalies: normal data only. */
    public SimulatorConfig withoutAnomalies() {
        return new SimulatorConfig(entities, seed, start, step, cleanPeriod, meanGap, false);
    }

    /** The same config with another clean period and mean gap between anomalies. */
    public SimulatorConfig withAnomalySchedule(Duration newCleanPeriod, Duration newMeanGap) {
        return new SimulatorConfig(entities, seed, start, step, newCleanPeriod, newMeanGap, anomalies);
    }

    private static void require(boolean condition, String key, String why) {
        if (!condition) {
            throw new IllegalArgumentException("simulator " + key + " " + why);
        }
    }
}
