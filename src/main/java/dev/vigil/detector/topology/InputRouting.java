package dev.vigil.detector.topology;

import dev.vigil.detector.config.DetectorConfig;
import java.util.Locale;

/**
 * How readings reach the features stage, whose tasks hold each entity's state: straight from the
 * input partition they arrived on (each checked to be its entity's partition), or through the
 * repartition topic, keyed and partitioned by entity.
 *
 * @param repartition whether readings go through {@link #repartitionTopic}
 * @param inputPartitions partitions of the input topic; {@link #UNKNOWN} skips the check
 */
public record InputRouting(boolean repartition, int inputPartitions) {
    /** The input topic's partition count when it could not be read. */
    public static final int UNKNOWN = 0;

    /**
     * The routing {@code input.repartition} chooses for an input topic of {@code inputPartitions}:
     * {@code never}, {@code always}, or {@code auto} (repartition when there is more than one
     * partition, since no producer's partitioner can be checked before its records arrive).
     */
    public static InputRouting of(DetectorConfig config, int inputPartitions) {
        boolean repartition =
                switch (config.getString(DetectorConfig.INPUT_REPARTITION).toLowerCase(Locale.ROOT)) {
                    case "always" -> true;
                    case "auto" -> inputPartitions > 1;
                    default -> false;
                };
        return new InputRouting(repartition, inputPartitions);
    }

    /** The repartition topic: {@code <application.id>-readings-repartition}. */
    public static String repartitionTopic(DetectorConfig config) {
        return config.getString(DetectorConfig.APPLICATION_ID) + "-readings-repartition";
    }

    /** Whether readings that arrive straight from the input are checked against their entity's partition. */
    boolean checksPartitions() {
        return !repartition && inputPartitions > 1;
    }
}
