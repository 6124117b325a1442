package dev.vigil.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of one {@link Benchmark} run.
 *
 * @param records readings pre-produced and processed by each subject
 * @param warmupFraction share of the first output records not timed (JIT, group join, first commit)
 * @param warmupRounds untimed rounds of both subjects before the measured ones, so the JIT compiler
 *     (which takes most of a core for tens of seconds on a small machine) has compiled both
 * @param rounds measured rounds of both subjects, in alternating order; the report takes medians
 * @param partitions partitions of every benchmark topic
 * @param entities distinct keys in the readings
 * @param featureNames the features of every reading (must cover the detector model's features)
 * @param latencyDuration how long each steady latency load is paced (and the warm-up before them)
 * @param latencyRate the maximum records/s the latency loads are shares of; 0 for the detector's
 *     measured maximum
 * @param coldStartDuration how long input is paced while a fresh detector starts
 * @param timeout the most one subject may take to process the records
 * @param seed seed of the generated readings
 * @param streamsSettings Kafka Streams settings applied to every subject alike (e.g.
 *     {@code producer.batch.size}); the processing guarantee cannot be changed
 */
public record BenchOptions(
        int records,
        double warmupFraction,
        int warmupRounds,
        int rounds,
        int partitions,
        int entities,
        List<String> featureNames,
        Duration latencyDuration,
        double latencyRate,
        Duration coldStartDuration,
        Duration timeout,
        long seed,
        Map<String, String> streamsSettings) {

    /** Rejects settings that cannot produce a measurement, naming the setting. */
    public BenchOptions {
        require(records >= 100, "records must be at least 100, was " + records);
        require(
                warmupFraction >= 0 && warmupFraction < 0.9,
                "warmupFraction must be in [0, 0.9), was " + warmupFraction);
        require(warmupRounds >= 0, "warmupRounds must not be negative, was " + warmupRounds);
        require(rounds >= 1, "rounds must be at least 1, was " + rounds);
        require(partitions >= 1, "partitions must be positive, was " + partitions);
        require(entities >= 1, "entities must be positive, was " + entities);
        require(latencyRate >= 0, "latencyRate must not be negative, was " + latencyRate);
        require(
                !latencyDuration.isNegative() && !latencyDuration.isZero(),
                "latencyDuration must be positive, was " + latencyDuration);
        require(
                !coldStartDuration.isNegative() && !coldStartDuration.isZero(),
                "coldStartDuration must be positive, was " + coldStartDuration);
        require(!featureNames.isEmpty(), "featureNames must not be empty");
        featureNames = List.copyOf(featureNames);
        streamsSettings = Map.copyOf(streamsSettings);
        require(
                !streamsSettings.containsKey(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                "the processing guarantee is fixed at " + BenchClients.GUARANTEE);
    }

    /** Defaults for {@code records} readings over {@code featureNames}. */
    public static BenchOptions defaults(int records, List<String> featureNames) {
        return new BenchOptions(
                records,
                0.2,
                2,
                3,
                2,
                100,
                featureNames,
                Duration.ofSeconds(10),
                0,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                42L,
                Map.of());
    }

    /** The number of leading output records left out of the timing. */
    int skippedRecords() {
        return (int) (records * warmupFraction);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
