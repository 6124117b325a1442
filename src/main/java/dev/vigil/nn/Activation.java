package dev.vigil.nn;

/**
 * Element-wise activation functions. Derivatives are expressed through the activation's output
 * {@code a = f(z)}, which is what a layer keeps after its forward pass.
 */
public enum Activation {
    /** max(0, z). */
    RELU {
        @Override
        float apply(float z) {
            return z > 0f ? z : 0f;
        }

        @Override
        float derivativeFromOutput(float a) {
            return a > 0f ? 1f : 0f;
        }
    },
    /** tanh(z). */
    TANH {
        @Override
        float apply(float z) {
            return (float) Math.tanh(z);
        }

        @Override
        float derivativeFromOutput(float a) {
            return 1f - a * a;
        }
    },
    /** 1 / (1 + e^-z). */
    SIGMOID {
        @Override
        float apply(float z) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }

        @Override
        float derivativeFromOutput(float a) {
            return a * (1f - a);
        }
    },
    /** z (linear). */
    IDENTITY {
        @Override
        float apply(float z) {
            return z;
        }

        @Override
        float derivativeFromOutput(float a) {
            return 1f;
        }
    };

    abstract float apply(float z);

    abstract float derivativeFromOutput(float a);

    /** Applies the activation in place to the first {@code count} values (one tight loop per kind). */
    public void applyInPlace(float[] values, int count) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    values[i] = Math.max(values[i], 0f);
                }
            }
            case TANH -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) Math.tanh(values[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
                }
            }
            case IDENTITY -> {}
        }
    }

    /** Multiplies {@code grad} in place by f'(z), computed from the outputs {@code a}. */
    public void backpropInPlace(float[] outputs, float[] grad, int count) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    grad[i] = outputs[i] > 0f ? grad[i] : 0f;
                }
            }
            case TANH -> {
                for (int i = 0; i < count; i++) {
                    grad[i] *= 1f - outputs[i] * outputs[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < count; i++) {
                    grad[i] *= outputs[i] * (1f - outputs[i]);
                }
            }
            case IDENTITY -> {}
        }
    }

    /** f'(z) expressed through a = f(z). */
    public float derivative(float output) {
        return derivativeFromOutput(output);
    }

    /** f(z) for one value. */
    public float value(float z) {
        return apply(z);
    }
}
