package dev.vigil.trainer.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Population stability index of live scores against a reference given as quantiles at evenly spaced
 * levels (a bundle's {@code validationQuantiles}: first = min, last = max). The reference bins are
 * the intervals between consecutive quantiles, each holding an equal share of the validation
 * scores; tied quantiles are merged into one bin with their summed share. Live scores below the
 * minimum count in the first bin, above the maximum in the last. Finer reference quantiles are
 * thinned to {@value #MAX_BINS} bins (deciles for a bundle's 101 percentiles), because PSI over B bins
 * from N live scores has a positive bias of about (B − 1) / N: 100 bins and 200 scores would read as
 * a major shift on identical distributions.
 *
 * <p>PSI = Σ (live − expected) · ln(live / expected), with shares floored at {@value #FLOOR} so an
 * empty bin contributes a large but finite term. Conventional reading: below 0.1 stable, 0.1–0.25
 * moderate shift, above 0.25 a major shift.
 */
public final class PopulationStability {
    static final double FLOOR = 1e-4;
    /** Bins used at most: PSI of N live scores over B bins is biased upwards by about (B − 1) / N. */
    public static final int MAX_BINS = 10;

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
        return binned(coarsen(quantiles, MAX_BINS));
    }

    /** At most {@code bins} + 1 of the quantiles, at evenly spaced levels, first and last kept. */
    static List<Double> coarsen(List<Double> quantiles, int bins) {
        int intervals = quantiles.size() - 1;
        if (intervals <= bins) {
            return quantiles;
        }
        List<Double> kept = new ArrayList<>();
        for (int j = 0; j <= bins; j++) {
            kept.add(quantiles.get((int) Math.round(j * (double) intervals / bins)));
        }
        return kept;
    }

    private static PopulationStability binned(List<Double> quantiles) {
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
