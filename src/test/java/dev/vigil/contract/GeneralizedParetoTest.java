package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneralizedParetoTest {
    private static final int SAMPLES = 10_000;

    /** Inverse-CDF draws of a generalised Pareto distribution. */
    static double[] draws(double shape, double scale, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            y[i] = new GeneralizedPareto(shape, scale).excessAt(u);
        }
        return y;
    }

    private static void assertRecovers(double shape, double scale) {
        GeneralizedPareto fit = GeneralizedPareto.fit(draws(shape, scale, SAMPLES, 7), SAMPLES);
        assertEquals(shape, fit.shape(), 0.04, "shape of " + fit);
        assertEquals(scale, fit.scale(), 0.05 * scale, "scale of " + fit);
    }

    @Test
    void recoversAnExponentialTail() {
        assertRecovers(0.0, 2.0);
    }

    @Test
    void recoversAHeavyParetoTail() {
        assertRecovers(0.3, 0.5);
    }

    @Test
    void recoversABoundedTail() {
        assertRecovers(-0.3, 4.0);
    }

    @Test
    void recoversAVeryHeavyTailAtAnotherScale() {
        assertRecovers(0.8, 1e-3);
    }

    @Test
    void theTailQuantileIsExceededAtItsProbability() {
        GeneralizedPareto tail = new GeneralizedPareto(0.2, 1.5);
        double[] y = draws(0.2, 1.5, 200_000, 3);
        double q = tail.excessAt(0.01);
        long above = java.util.Arrays.stream(y).filter(v -> v > q).count();
        assertEquals(2_000, above, 4 * Math.sqrt(2_000 * 0.99));
    }

    @Test
    void aSampleWithoutSpreadGivesATinyExponentialTail() {
        GeneralizedPareto fit = GeneralizedPareto.fit(new double[] {0, 0, 0}, 3);
        assertEquals(0, fit.shape());
        assertTrue(fit.scale() > 0 && fit.scale() < 1e-300);
    }
}
