package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * One fully connected layer of an exported model: {@code out = activation(in · weights + bias)} with
 * {@code weights [in×out]} row-major.
 */
public record DenseLayer(int in, int out, float[] weights, float[] bias, Activation activation) {
    /** Snapshots every layer of a network. */
    public static List<DenseLayer> of(Network network) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < network.layers(); l++) {
            layers.add(new DenseLayer(
                    network.width(l),
                    network.width(l + 1),
                    network.weights(l),
                    network.biases(l),
                    network.activation(l)));
        }
        return layers;
    }

    /** The first {@code columns} output units of this layer only (e.g. the mean head of a VAE encoder). */
    public DenseLayer firstOutputs(int columns) {
        float[] w = new float[in * columns];
        for (int p = 0; p < in; p++) {
            System.arraycopy(weights, p * out, w, p * columns, columns);
        }
        float[] b = java.util.Arrays.copyOf(bias, columns);
        return new DenseLayer(in, columns, w, b, activation);
    }

    /** The last {@code columns} output units of this layer only (e.g. the log-variance head of a VAE encoder). */
    public DenseLayer lastOutputs(int columns) {
        float[] w = new float[in * columns];
        for (int p = 0; p < in; p++) {
            System.arraycopy(weights, p * out + out - columns, w, p * columns, columns);
        }
        float[] b = java.util.Arrays.copyOfRange(bias, out - columns, out);
        return new DenseLayer(in, columns, w, b, activation);
    }
}
