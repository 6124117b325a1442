package dev.vigil.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The throughput of both subjects in each measured round, records/s. The report takes the median of
 * each subject over the rounds: on a small machine one run can be off by a quarter (a JIT
 * compilation, a garbage collection, the broker's log roll), a median of alternating rounds is not.
 *
 * @param passthrough the pass-through's rate in each round
 * @param detector the detector's rate in each round
 */
public record Rounds(double[] passthrough, double[] detector) {
    /** Rounds from {passthrough, detector} pairs. */
    public static Rounds of(List<double[]> pairs) {
        return new Rounds(
                pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The pass-through's median rate. */
    public double passthroughMedian() {
        return median(passthrough);
    }

    /** The detector's median rate. */
    public double detectorMedian() {
        return median(detector);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
