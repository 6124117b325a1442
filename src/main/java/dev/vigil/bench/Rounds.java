package dev.vigil.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure of both subjects in each measured round: records/s, CPU time or bytes per record. The report
 * takes the median of each subject over the rounds: on a small machine one run can be off by a
 * quarter (a JIT compilation, a garbage collection, the broker's log roll), a median of alternating
 * rounds is not.
 *
 * @param passthrough the pass-through's figure in each round
 * @param detector the detector's figure in each round
 */
public record Rounds(double[] passthrough, double[] detector) {
    /** Rounds from {passthrough, detector} pairs. */
    public static Rounds of(List<double[]> pairs) {
        return new Rounds(
                pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** One figure, picked from each subject's {passthrough, detector} results of each round. */
    static Rounds of(List<Throughput[]> rounds, ToDoubleFunction<Throughput> figure) {
        return of(rounds.stream()
                .map(pair -> new double[] {figure.applyAsDouble(pair[0]), figure.applyAsDouble(pair[1])})
                .toList());
    }

    /** The pass-through's median. */
    public double passthroughMedian() {
        return median(passthrough);
    }

    /** The detector's median. */
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
