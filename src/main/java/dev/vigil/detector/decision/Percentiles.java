package dev.vigil.detector.decision;

import java.util.Arrays;

/** Maps a score to its percentile (0-100) among a model's validation scores, given as quantiles. */
public final class Percentiles {
    private final double[] quantiles;

    /** @param quantiles validation score quantiles at evenly spaced levels 0..1, ascending */
    public Percentiles(double[] quantiles) {
        this.quantiles = quantiles.clone();
        Arrays.sort(this.quantiles);
    }

    /** The percentile of {@code score}, interpolated linearly between quantiles; NaN without quantiles. */
    public double percentile(double score) {
        int last = quantiles.length - 1;
        if (last < 1) {
            return Double.NaN;
        }
        if (score <= quantiles[0]) {
            return 0.0;
        }
        if (score >= quantiles[last]) {
            return 100.0;
        }
        int upper = upperIndex(score);
        double low = quantiles[upper - 1];
        double span = quantiles[upper] - low;
        double fraction = span > 0 ? (score - low) / span : 0.0;
        return 100.0 * (upper - 1 + fraction) / last;
    }

    private int upperIndex(double score) {
        int found = Arrays.binarySearch(quantiles, score);
        if (found >= 0) {
            while (found < quantiles.length - 1 && quantiles[found + 1] == score) {
                found++;
            }
            return Math.max(found, 1);
        }
        return -found - 1;
    }
}
