package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves the automatic choices of a configuration for an input of {@code features} features: the
 * window length, the encoder widths and the activations, and refuses an overcomplete code without a
 * regulariser.
 */
record Architecture(int window, int width, int[] encoderWidths, Activation hidden, Activation code, Activation output) {

    /** Inputs of at least this width need no window by default. */
    static final int MIN_INPUTS = 16;
    /** Default W for data with at least 4 features: 3 readings beat 1 on ASD (docs/ACCURACY.md). */
    static final int MULTIVARIATE_WINDOW = 3;
    /**
     * Inputs of at least this width get two hidden layers by default, also in the undercomplete
     * variant: on ASD (57 inputs) they raise the pooled best F1 by 0.02 on average over seven seeds;
     * on NAB (16 inputs) they lower it (docs/ACCURACY.md).
     */
    static final int TWO_HIDDEN_LAYERS_WIDTH = 40;

    static Architecture resolve(TrainerConfig config, int features) {
        NetworkParams network = config.network();
        int window = network.window() > 0 ? network.window() : automaticWindow(features);
        int width = window * features;
        int[] layers = network.layers().isEmpty() ? automaticLayers(config.variant(), width) : network.layerWidths();
        refuseOvercomplete(config, width, layers[layers.length - 1]);
        Activation output = network.loss() == Loss.BCE ? Activation.SIGMOID : Activation.IDENTITY;
        return new Architecture(window, width, layers, network.activation(), codeActivation(config), output);
    }

    /** {@value #MULTIVARIATE_WINDOW} when F ≥ 4; otherwise enough readings for at least {@value #MIN_INPUTS} inputs (univariate: 16). */
    static int automaticWindow(int features) {
        return features >= 4 ? MULTIVARIATE_WINDOW : (MIN_INPUTS + features - 1) / features;
    }

    /**
     * Code ≈ width/4; one hidden layer of ≈ width/2, or two (≈ ¾ and ½ of the width) for deep, and
     * for undercomplete from {@value #TWO_HIDDEN_LAYERS_WIDTH} inputs up; pca and contractive: none.
     */
    static int[] automaticLayers(Variant variant, int width) {
        int code = width <= 2 ? 1 : Math.max(2, (int) Math.round(width / 4.0));
        int half = Math.max(code + 1, (int) Math.round(width / 2.0));
        int[] twoHidden = {Math.max(half + 1, (int) Math.round(width * 0.75)), half, code};
        return switch (variant) {
            case PCA, CONTRACTIVE -> new int[] {code};
            case DEEP -> twoHidden;
            case UNDERCOMPLETE -> width >= TWO_HIDDEN_LAYERS_WIDTH ? twoHidden : new int[] {half, code};
            default -> new int[] {half, code};
        };
    }

    private static Activation codeActivation(TrainerConfig config) {
        return switch (config.variant()) {
            case SPARSE -> config.sparsity().kind().codeActivation();
            case CONTRACTIVE -> Activation.SIGMOID;
            default -> Activation.IDENTITY;
        };
    }

    private static void refuseOvercomplete(TrainerConfig config, int width, int code) {
        if (code < width || (config.variant().allowsOvercompleteCode() && regularised(config))) {
            return;
        }
        throw new IllegalArgumentException("layers: code size " + code + " >= input width " + width
                + " (overcomplete): without a regulariser the network can learn the identity and every point"
                + " reconstructs perfectly, so nothing is flagged; use a smaller code or the sparse,"
                + " contractive or denoising variant with a non-zero penalty or noise");
    }

    private static boolean regularised(TrainerConfig c) {
        return switch (c.variant()) {
            case SPARSE -> c.sparsity().weight() > 0;
            case CONTRACTIVE -> c.contractive().weight() > 0;
            case DENOISING -> c.denoising().maskingNoise() > 0 || c.denoising().gaussianNoise() > 0;
            default -> false;
        };
    }

    int codeSize() {
        return encoderWidths[encoderWidths.length - 1];
    }

    /** Encoder widths including the input: {@code [D, h1, ..., code]}. */
    int[] encoderLayout() {
        int[] widths = new int[encoderWidths.length + 1];
        widths[0] = width;
        System.arraycopy(encoderWidths, 0, widths, 1, encoderWidths.length);
        return widths;
    }

    /** Decoder widths: the encoder mirrored, {@code [code, ..., h1, D]}. */
    int[] decoderLayout() {
        int[] enc = encoderLayout();
        int[] dec = new int[enc.length];
        for (int i = 0; i < enc.length; i++) {
            dec[i] = enc[enc.length - 1 - i];
        }
        return dec;
    }

    List<Activation> encoderActivations() {
        List<Activation> acts = new ArrayList<>();
        for (int l = 0; l < encoderWidths.length - 1; l++) {
            acts.add(hidden);
        }
        acts.add(code);
        return acts;
    }

    List<Activation> decoderActivations() {
        List<Activation> acts = new ArrayList<>();
        for (int l = 0; l < encoderWidths.length - 1; l++) {
            acts.add(hidden);
        }
        acts.add(output);
        return acts;
    }

    @Override
    public String toString() {
        return "window=" + window + " layers=" + Arrays.toString(encoderLayout()) + "->"
                + Arrays.toString(decoderLayout());
    }
}
