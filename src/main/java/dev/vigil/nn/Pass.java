package dev.vigil.nn;

import java.util.Arrays;

/**
 * Working memory of one forward/backward pass: the input, each layer's output, the gradients with
 * respect to each layer's input, and an accumulator for parameter gradients. Not thread-safe; use one
 * per thread.
 */
public final class Pass {
    private final float[][] outputs;
    private final float[][] inputGradients;
    private final float[][] transposedWeights;
    private final float[] gradients;
    private final int maxRows;
    private float[] input;

    Pass(int[] widths, int paramCount, int maxRows) {
        int layers = widths.length - 1;
        this.maxRows = maxRows;
        this.outputs = new float[layers][];
        this.inputGradients = new float[layers][];
        this.transposedWeights = new float[layers][];
        for (int l = 0; l < layers; l++) {
            outputs[l] = new float[maxRows * widths[l + 1]];
            inputGradients[l] = new float[maxRows * widths[l]];
            transposedWeights[l] = new float[widths[l] * widths[l + 1]];
        }
        this.gradients = new float[paramCount];
    }

    void begin(float[] batchInput, int rows) {
        if (rows > maxRows) {
            throw new IllegalArgumentException("batch of " + rows + " rows exceeds pass capacity " + maxRows);
        }
        this.input = batchInput;
    }

    float[] input(int layer) {
        return layer == 0 ? input : outputs[layer - 1];
    }

    /** Output (post-activation) buffer of layer {@code layer}. */
    public float[] output(int layer) {
        return outputs[layer];
    }

    float[] transposedWeights(int layer) {
        return transposedWeights[layer];
    }

    float[] inputGradient(int layer) {
        return inputGradients[layer];
    }

    /** Accumulated parameter gradients (same layout as {@link Network#parameters()}). */
    public float[] gradients() {
        return gradients;
    }

    /** Zeroes the accumulated parameter gradients. */
    public void clearGradients() {
        Arrays.fill(gradients, 0f);
    }

    /** Row capacity. */
    public int maxRows() {
        return maxRows;
    }
}
