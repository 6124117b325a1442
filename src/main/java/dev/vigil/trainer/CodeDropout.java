package dev.vigil.trainer;

import java.util.SplittableRandom;

/**
 * Inverted dropout on the code during training: each code value is kept with probability 1 - p and
 * then divided by 1 - p, or set to zero, so the expected code is unchanged and inference (and the
 * exported model) uses the code as it is. The mask is drawn from the batch's seeded random stream:
 * for each value in row-major order, {@code random.nextDouble() < p} drops it.
 */
final class CodeDropout {
    /** No dropout. */
    static final CodeDropout NONE = new CodeDropout(0);

    private final double rate;

    CodeDropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("codeDropout: must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    boolean isNone() {
        return rate == 0;
    }

    /**
     * Draws a mask for {@code n} values into {@code mask} (0 or 1 / (1 - p) each) and writes
     * {@code code · mask} into {@code dropped}.
     */
    void apply(float[] code, int n, SplittableRandom random, float[] mask, float[] dropped) {
        float keep = (float) (1 / (1 - rate));
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
            dropped[i] = code[i] * mask[i];
        }
    }

    /** d loss / d code from d loss / d dropped code, in place: multiplies by the mask. */
    static void backprop(float[] grad, float[] mask, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] *= mask[i];
        }
    }
}
