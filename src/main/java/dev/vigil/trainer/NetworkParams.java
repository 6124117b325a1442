package dev.vigil.trainer;

import static dev.vigil.trainer.ConfigChecks.require;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import java.util.Arrays;
import java.util.List;

/**
 * The network's shape and what training minimises. Invalid values fail on construction naming the
 * key ({@code layers}, {@code window}, {@code activation}, {@code loss}, {@code codeDropout}).
 *
 * @param layers encoder widths ending with the code size, each >= 1; the decoder mirrors them.
 *     Empty = sized from the input width (see {@code Architecture})
 * @param window readings per input window W, >= 0; 0 = automatic (1 when F >= 4, else enough
 *     readings for >= 16 inputs)
 * @param activation hidden-layer activation
 * @param loss training reconstruction loss (the exported score is always scaled MSE); BCE requires
 *     scaler NONE
 * @param tiedWeights whether each decoder layer's weight is the transpose of its mirror encoder
 *     layer's (biases stay separate); dense variants only (not variational, not pca)
 * @param codeDropout rate p, in [0, 1), of inverted dropout on the code during training (identity
 *     at inference and in the export); dense variants only
 */
public record NetworkParams(
        List<Integer> layers, int window, Activation activation, Loss loss, boolean tiedWeights, double codeDropout) {
    /** Validates and copies the widths. */
    public NetworkParams {
        require(layers != null, "layers", "must be set (empty = automatic)");
        layers = List.copyOf(layers);
        require(layers.stream().allMatch(w -> w >= 1), "layers", "every width must be >= 1, got " + layers);
        require(window >= 0, "window", "must be >= 0 (0 = automatic), got " + window);
        require(activation != null, "activation", "must be set");
        require(loss != null, "loss", "must be set");
        require(codeDropout >= 0 && codeDropout < 1, "codeDropout", "must be in [0, 1), got " + codeDropout);
    }

    /** Automatic layers and window, ReLU hidden layers, MSE, untied weights, no code dropout. */
    public static NetworkParams defaults() {
        return new NetworkParams(List.of(), 0, Activation.RELU, Loss.MSE, false, 0);
    }

    /** The widths as an array. */
    int[] layerWidths() {
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A copy with these encoder widths (none = automatic). */
    public NetworkParams withLayers(int... widths) {
        return new NetworkParams(
                Arrays.stream(widths).boxed().toList(), window, activation, loss, tiedWeights, codeDropout);
    }

    /** A copy with window length {@code window} (0 = automatic). */
    public NetworkParams withWindow(int window) {
        return new NetworkParams(layers, window, activation, loss, tiedWeights, codeDropout);
    }

    /** A copy with this hidden-layer activation. */
    public NetworkParams withActivation(Activation activation) {
        return new NetworkParams(layers, window, activation, loss, tiedWeights, codeDropout);
    }

    /** A copy with this training loss. */
    public NetworkParams withLoss(Loss loss) {
        return new NetworkParams(layers, window, activation, loss, tiedWeights, codeDropout);
    }

    /** A copy with tied (decoder = encoderᵀ) or separate decoder weights. */
    public NetworkParams withTiedWeights(boolean tiedWeights) {
        return new NetworkParams(layers, window, activation, loss, tiedWeights, codeDropout);
    }

    /** A copy with this code-dropout rate (0 = none). */
    public NetworkParams withCodeDropout(double codeDropout) {
        return new NetworkParams(layers, window, activation, loss, tiedWeights, codeDropout);
    }
}
