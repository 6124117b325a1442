package dev.vigil.trainer;

import dev.vigil.nn.Gaussian;
import java.util.SplittableRandom;

/**
 * Input corruption of the denoising autoencoder: each value is set to zero with probability ν
 * (masking noise), otherwise Gaussian noise of standard deviation σ is added. Zero is the feature's
 * training mean in z-score space.
 */
record Corruption(double masking, double sigma) {
    static final Corruption NONE = new Corruption(0, 0);

    boolean isNone() {
        return masking == 0 && sigma == 0;
    }

    void apply(float[] clean, float[] out, int count, SplittableRandom random) {
        if (isNone()) {
            return;
        }
        for (int i = 0; i < count; i++) {
            boolean masked = masking > 0 && random.nextDouble() < masking;
            out[i] = masked ? 0f : clean[i] + (float) (sigma * Gaussian.next(random));
        }
    }
}
