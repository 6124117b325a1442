package dev.vigil.nn;

/** Stochastic gradient descent with classical momentum and L2 weight decay. */
public final class SgdMomentum implements Optimizer {
    private final float[] velocity;
    private final float learningRate;
    private final float momentum;
    private final float weightDecay;

    /** Creates SGD state for {@code size} parameters. */
    public SgdMomentum(int size, double learningRate, double momentum, double weightDecay) {
        this.velocity = new float[size];
        this.learningRate = (float) learningRate;
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
    }

    @Override
    public void step(float[] params, float[] grads) {
        for (int i = 0; i < params.length; i++) {
            float g = grads[i] + weightDecay * params[i];
            velocity[i] = momentum * velocity[i] - learningRate * g;
            params[i] += velocity[i];
        }
    }
}
