package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    private final Percentiles percentiles = new Percentiles(new double[] {0.0, 1.0, 2.0, 4.0, 8.0});

    @Test
    void scoresAtOrBelowTheMinimumAreAtZeroAndAboveTheMaximumAtHundred() {
        assertEquals(0.0, percentiles.percentile(-1));
        assertEquals(100.0, percentiles.percentile(9));
    }

    @Test
    void scoresBetweenQuantilesAreInterpolated() {
        assertEquals(25.0, percentiles.percentile(1.0), 1e-9);
        assertEquals(62.5, percentiles.percentile(3.0), 1e-9);
    }

    @Test
    void withoutQuantilesThePercentileIsUnknown() {
        assertTrue(Double.isNaN(new Percentiles(new double[0]).percentile(1)));
    }
}
