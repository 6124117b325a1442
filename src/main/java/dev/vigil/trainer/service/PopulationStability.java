package dev.vigil.trainer.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Population stability index of live scores against a reference given as quantiles at evenly spaced
 * levels (a bundle's {@code validationQuantiles}: first = min, last = max). The reference bins are
 * the intervals between consecutive quantiles, each holding an equal share of the validation
 * scores; tied quantiles are merged into one bin with their summed share. Live scores below the
 * minimum count in the first bin, above the maximum in the last.
 *
 * <p>PSI = Σ (live − expected) · ln(live / expected), with shares floored at {@value #FLOOR} so an
 * empty bin contributes a large but finite term. Conventional reading: below 0.1 stable, 0.1–0.25
 * moderate shift, above 0.25 a major shift.
 */
public final class PopulationStability {
    static final double FLOOR = 1e-4;

    private final double[] upperEdges;
    private final double[] expected;

    private PopulationStability(double[] upperEdges, double[] expected) {
        this.upperEdges = upperEdges;
        this.expected = expected;
    }

    /**
     * @param quantiles at least two quantiles, non-decreasing
     * @throws IllegalArgumentException if there are fewer than two or they decrease
     */
    public static PopulationStability against(List<Double> quantiles) {
        if (quantiles.size() < 2) {
            throw new IllegalArgumentException("need at least two reference quantiles, got " + quantiles.size());
        }
        int bins = quantiles.size() - 1;
        List<double[]> merged = new ArrayList<>();
        for (int i = 1; i <= bins; i++) {
            double upper = quantiles.get(i);
            if (upper < quantiles.get(i - 1)) {
                throw new IllegalArgumentException("reference quantiles decrease at index " + i);
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[0] == upper) {
                merged.get(merged.size() - 1)[1] += 1.0 / bins;
            } else {
                merged.add(new double[] {upper, 1.0 / bins});
            }
        }
        return new PopulationStability(
                merged.stream().mapToDouble(b -> b[0]).toArray(),
                merged.stream().mapToDouble(b -> b[1]).toArray());
    }

    /** The PSI of {@code scores} (at least one) against the reference. */
    public double of(double[] scores) {
        double[] live = new double[expected.length];
        for (double score : scores) {
            live[bin(score)] += 1.0 / scores.length;
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = Math.max(live[i], FLOOR);
            double e = Math.max(expected[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    private int bin(double score) {
        int low = 0;
        int high = upperEdges.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (score <= upperEdges[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
