package dev.vigil.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stack of dense layers whose parameters live in one flat {@code float[]} (per layer: weights
 * {@code [in×out]} row-major, then biases {@code [out]}). Forward and backward passes run on a
 * {@link Pass}, which owns the activations and gradient buffers, so several passes (one per CPU
 * chunk of a mini-batch) can share one set of parameters.
 */
public final class Network {
    private final int[] widths;
    private final Activation[] activations;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final float[] params;

    /**
     * @param widths layer widths, input first: {@code [in, h1, ..., out]}
     * @param activations one activation per layer ({@code widths.length - 1})
     * @param random source of the initial weights (He for ReLU layers, Xavier otherwise)
     */
    public Network(int[] widths, List<Activation> activations, SplittableRandom random) {
        if (activations.size() != widths.length - 1) {
            throw new IllegalArgumentException("need one activation per layer");
        }
        this.widths = widths.clone();
        this.activations = activations.toArray(new Activation[0]);
        this.weightOffsets = new int[layers()];
        this.biasOffsets = new int[layers()];
        this.params = new float[layoutOffsets()];
        for (int l = 0; l < layers(); l++) {
            Init.forActivation(this.activations[l]).fill(params, weightOffsets[l], widths[l], widths[l + 1], random);
        }
    }

    private int layoutOffsets() {
        int offset = 0;
        for (int l = 0; l < layers(); l++) {
            weightOffsets[l] = offset;
            offset += widths[l] * widths[l + 1];
            biasOffsets[l] = offset;
            offset += widths[l + 1];
        }
        return offset;
    }

    /** Number of dense layers. */
    public int layers() {
        return widths.length - 1;
    }

    /** Width of layer boundary {@code i} (0 = input, {@link #layers()} = output). */
    public int width(int i) {
        return widths[i];
    }

    /** Input width. */
    public int inputSize() {
        return widths[0];
    }

    /** Output width. */
    public int outputSize() {
        return widths[widths.length - 1];
    }

    /** Activation of layer {@code l}. */
    public Activation activation(int l) {
        return activations[l];
    }

    /** The live parameter vector (weights and biases of every layer). */
    public float[] parameters() {
        return params;
    }

    /** Offset of layer {@code l}'s weights {@code [in×out]} in {@link #parameters()}. */
    public int weightOffset(int l) {
        return weightOffsets[l];
    }

    /** Offset of layer {@code l}'s biases in {@link #parameters()}. */
    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    /** A copy of the weights of layer {@code l} ({@code [in×out]} row-major). */
    public float[] weights(int l) {
        return Arrays.copyOfRange(params, weightOffsets[l], biasOffsets[l]);
    }

    /** A copy of the biases of layer {@code l}. */
    public float[] biases(int l) {
        return Arrays.copyOfRange(params, biasOffsets[l], biasOffsets[l] + widths[l + 1]);
    }

    /** Buffers for batches of up to {@code maxRows} rows. */
    public Pass newPass(int maxRows) {
        return new Pass(widths, params.length, maxRows);
    }

    /** Runs {@code rows} rows of {@code input} forward; returns the pass's output buffer. */
    public float[] forward(Pass pass, float[] input, int rows) {
        pass.begin(input, rows);
        for (int l = 0; l < layers(); l++) {
            float[] out = pass.output(l);
            MatMul.affine(pass.input(l), rows, widths[l], params, weightOffsets[l], biasOffsets[l], widths[l + 1], out);
            activations[l].applyInPlace(out, rows * widths[l + 1]);
        }
        return pass.output(layers() - 1);
    }

    /**
     * Back-propagates {@code gradOutput} (d loss / d output, overwritten) through the last forward
     * pass, adding parameter gradients into {@code pass.gradients()}; returns d loss / d input.
     */
    public float[] backward(Pass pass, float[] gradOutput, int rows) {
        return backward(pass, gradOutput, rows, true);
    }

    /**
     * As {@link #backward(Pass, float[], int)}; when {@code inputGradient} is false the gradient with
     * respect to the network input is not computed (saving one matrix product) and null is returned.
     */
    public float[] backward(Pass pass, float[] gradOutput, int rows, boolean inputGradient) {
        float[] delta = gradOutput;
        for (int l = layers() - 1; l >= 0; l--) {
            int n = widths[l + 1];
            activations[l].backpropInPlace(pass.output(l), delta, rows * n);
            float[] in = pass.input(l);
            MatMul.accumulateWeightGradient(
                    in, rows, widths[l], delta, n, pass.gradients(), weightOffsets[l], biasOffsets[l]);
            if (l == 0 && !inputGradient) {
                return null;
            }
            float[] gradIn = pass.inputGradient(l);
            float[] transposed = pass.transposedWeights(l);
            MatMul.transpose(params, weightOffsets[l], widths[l], n, transposed);
            MatMul.multiplyByTransposed(delta, rows, n, transposed, widths[l], gradIn);
            delta = gradIn;
        }
        return delta;
    }

    /** Multiply-add count of one forward pass over one row. */
    public long multiplyAddsPerRow() {
        long sum = 0;
        for (int l = 0; l < layers(); l++) {
            sum += (long) widths[l] * widths[l + 1];
        }
        return sum;
    }
}
