package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void pointsOnALineGiveItsSlopeAndIntercept() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertEquals(2.0, fit.slope(), 1e-12);
        assertEquals(1.0, fit.intercept(), 1e-12);
    }

    @Test
    void noiseAroundAFlatLineGivesSlopeNearZero() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {10, 11, 10, 11});
        assertEquals(0.2, fit.slope(), 1e-12);
    }

    @Test
    void oneDistinctXCannotBeFitted() {
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 1}, new double[] {1, 2}));
    }
}
