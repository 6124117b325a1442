package dev.vigil.nn;

/** Adam with bias correction and optional decoupled weight decay. */
public final class Adam implements Optimizer {
    private final float[] m;
    private final float[] v;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private int t;

    /** Creates Adam state for {@code size} parameters. */
    public Adam(int size, double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this.m = new float[size];
        this.v = new float[size];
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(float[] params, float[] grads) {
        t++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float stepSize = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float decay = (float) (1 - learningRate * weightDecay);
        float eps = (float) epsilon;
        for (int i = 0; i < params.length; i++) {
            float g = grads[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            params[i] = params[i] * decay - stepSize * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
