package dev.vigil.nn;

import java.util.SplittableRandom;

/** Weight initialisation schemes; biases start at zero. */
public enum Init {
    /** He (Kaiming) normal: N(0, 2 / fanIn), for ReLU layers. */
    HE,
    /** Xavier (Glorot) uniform: U(±sqrt(6 / (fanIn + fanOut))), for tanh, sigmoid and linear layers. */
    XAVIER;

    /** The usual choice for an activation: He for ReLU, Xavier otherwise. */
    public static Init forActivation(Activation activation) {
        return activation == Activation.RELU ? HE : XAVIER;
    }

    /** Fills {@code count} weights from {@code offset} with draws from {@code random}. */
    public void fill(float[] target, int offset, int fanIn, int fanOut, SplittableRandom random) {
        int count = fanIn * fanOut;
        for (int i = 0; i < count; i++) {
            target[offset + i] = (float) draw(fanIn, fanOut, random);
        }
    }

    private double draw(int fanIn, int fanOut, SplittableRandom random) {
        if (this == HE) {
            return Gaussian.next(random) * Math.sqrt(2.0 / fanIn);
        }
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return random.nextDouble(-limit, limit);
    }
}
