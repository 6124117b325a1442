package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Log1p} returns the bits of {@code StrictMath.log1p}, so the tail fits it serves do not move. */
class Log1pTest {
    private static final int DRAWS = 2_000_000;

    private static void assertSameBits(double x) {
        assertEquals(
                Double.doubleToLongBits(StrictMath.log1p(x)),
                Double.doubleToLongBits(Log1p.of(x)),
                () -> "log1p(" + x + ") = " + StrictMath.log1p(x) + ", got " + Log1p.of(x));
    }

    @Test
    void matchesStrictMathOnSpecialValues() {
        double[] special = {
            0.0,
            -0.0,
            -1.0,
            -1.0 - 1e-16,
            -2.0,
            1.0,
            0.41422,
            -0.2929,
            0x1p-29,
            -0x1p-29,
            0x1p-54,
            -0x1p-54,
            0x1p-20,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            0x1p53,
            0x1p54,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            Math.nextDown(1.0),
            Math.nextUp(-1.0)
        };
        for (double x : special) {
            assertSameBits(x);
        }
    }

    @Test
    void matchesStrictMathAcrossEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < DRAWS; i++) {
            double magnitude = Math.pow(2, random.nextInt(-80, 80)) * (1 + random.nextDouble());
            assertSameBits(random.nextBoolean() ? magnitude : -Math.min(magnitude, 1.0));
        }
    }

    @Test
    void matchesStrictMathNearMinusOneAndZero() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < DRAWS; i++) {
            assertSameBits(-1 + random.nextDouble() * 2);
            assertSameBits((random.nextDouble() - 0.5) * 1e-6);
        }
    }

    @Test
    void matchesStrictMathOnArbitraryBitPatterns() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < DRAWS; i++) {
            assertSameBits(Double.longBitsToDouble(random.nextLong()));
        }
    }
}
