package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {
    /** Quantiles of an exponential(1) distribution at levels 0, 0.1, ..., 1 (the max taken at 0.999). */
    private static List<Double> exponentialQuantiles() {
        List<Double> quantiles = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double level = Math.min(i / 10.0, 0.999);
            quantiles.add(-Math.log(1 - level));
        }
        return quantiles;
    }

    private static double[] exponentialSample(int n, double mean, long seed) {
        Random random = new Random(seed);
        return Arrays.stream(new double[n])
                .map(x -> -mean * Math.log(1 - random.nextDouble()))
                .toArray();
    }

    @Test
    void scoresFromTheReferenceDistributionAreStable() {
        double psi = PopulationStability.against(exponentialQuantiles()).of(exponentialSample(5000, 1.0, 1));

        assertTrue(psi < 0.02, "psi " + psi);
    }

    @Test
    void aBundlesHundredPercentilesAgainstTwoHundredScoresOfTheSameDistributionReadStable() {
        List<Double> percentiles = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            percentiles.add(-Math.log(1 - Math.min(i / 100.0, 0.999)));
        }
        double psi = PopulationStability.against(percentiles).of(exponentialSample(200, 1.0, 4));

        assertTrue(psi < 0.1, "psi " + psi);
    }

    @Test
    void scoresTwiceAsLargeAreAMajorShift() {
        double psi = PopulationStability.against(exponentialQuantiles()).of(exponentialSample(5000, 2.0, 2));

        assertTrue(psi > 0.25, "psi " + psi);
    }

    @Test
    void tiedQuantilesAreMergedInsteadOfCreatingEmptyBins() {
        PopulationStability reference = PopulationStability.against(List.of(0.0, 0.0, 0.0, 1.0, 2.0));
        double[] scores = {0.0, 0.0, 0.5, 1.5};

        assertEquals(0.0, reference.of(scores), 1e-12);
    }

    @Test
    void decreasingQuantilesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.against(List.of(1.0, 0.5)));
    }

    @Test
    void theDriftMonitorWaitsForAFullWindowOfTheFollowedVersion() {
        DriftMonitor monitor = new DriftMonitor(1000, 0.25);
        monitor.follow(3, exponentialQuantiles());
        double[] shifted = exponentialSample(1000, 3.0, 3);
        for (double score : shifted) {
            monitor.observe(score, 2);
        }
        assertFalse(monitor.psi().isPresent());

        for (double score : shifted) {
            monitor.observe(score, 3);
        }
        assertTrue(monitor.drifted(), "psi " + monitor.psi());

        monitor.follow(4, exponentialQuantiles());
        assertFalse(monitor.drifted());
    }
}
