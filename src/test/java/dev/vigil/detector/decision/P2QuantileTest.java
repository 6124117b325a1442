package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class P2QuantileTest {
    @Test
    void estimatesAHighQuantileOfAGaussianStream() {
        Random random = new Random(1);
        P2Quantile estimate = new P2Quantile(0.95);
        double[] all = new double[20_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = random.nextGaussian();
            estimate.add(all[i]);
        }
        Arrays.sort(all);
        assertEquals(all[(int) (0.95 * all.length)], estimate.value(), 0.05);
    }

    @Test
    void survivesARoundTripThroughItsArrayForm() {
        P2Quantile estimate = new P2Quantile(0.9);
        for (int i = 0; i < 100; i++) {
            estimate.add(i);
        }
        P2Quantile copy = P2Quantile.fromArray(0.9, estimate.toArray());
        copy.add(100);
        estimate.add(100);
        assertEquals(estimate.value(), copy.value());
        assertEquals(101, copy.count());
    }

    @Test
    void answersFromTheSamplesBeforeItHasFive() {
        P2Quantile estimate = new P2Quantile(0.5);
        estimate.add(3);
        estimate.add(1);
        estimate.add(2);
        assertEquals(2.0, estimate.value());
    }
}
