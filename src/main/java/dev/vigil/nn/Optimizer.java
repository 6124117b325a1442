package dev.vigil.nn;

/** Updates parameters in place from their gradients. */
public interface Optimizer {
    /** One update of {@code params} from {@code grads} (same length). */
    void step(float[] params, float[] grads);

    /** Adam (Kingma &amp; Ba) with decoupled weight decay (AdamW style) when {@code weightDecay > 0}. */
    static Optimizer adam(int size, double learningRate, double weightDecay) {
        return adam(size, learningRate, 0.9, 0.999, weightDecay);
    }

    /** Adam with moment decay rates {@code beta1} and {@code beta2} (epsilon 1e-8). */
    static Optimizer adam(int size, double learningRate, double beta1, double beta2, double weightDecay) {
        return new Adam(size, learningRate, beta1, beta2, 1e-8, weightDecay);
    }

    /** SGD with classical momentum and L2 weight decay added to the gradient. */
    static Optimizer sgd(int size, double learningRate, double momentum, double weightDecay) {
        return new SgdMomentum(size, learningRate, momentum, weightDecay);
    }
}
