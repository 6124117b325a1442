package dev.vigil.nn;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (Box–Muller), so every draw is seeded. */
public final class Gaussian {
    private Gaussian() {}

    /** One N(0, 1) draw. */
    public static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
