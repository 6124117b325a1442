package dev.vigil.trainer;

import dev.vigil.nn.Network;
import dev.vigil.nn.Pass;

/**
 * Tied weights of a dense autoencoder: decoder layer {@code L-1-l} uses the transpose of encoder
 * layer {@code l}'s weight, each keeping its own biases. The encoder's weights are the trained ones;
 * the decoder holds a transposed copy, refreshed by {@link #sync} after every update, and its weight
 * gradient is folded (transposed) into the encoder's, so the shared weight's gradient is the sum of
 * both uses.
 */
final class WeightTying {
    private final Network encoder;
    private final Network decoder;

    /** Ties {@code decoder} to {@code encoder}; the decoder must mirror the encoder's widths. */
    WeightTying(Network encoder, Network decoder) {
        if (encoder.layers() != decoder.layers()) {
            throw new IllegalArgumentException("tiedWeights: the decoder must mirror the encoder layer by layer");
        }
        for (int l = 0; l < encoder.layers(); l++) {
            int mirror = encoder.layers() - 1 - l;
            if (encoder.width(l) != decoder.width(mirror + 1) || encoder.width(l + 1) != decoder.width(mirror)) {
                throw new IllegalArgumentException("tiedWeights: the decoder must mirror the encoder layer by layer");
            }
        }
        this.encoder = encoder;
        this.decoder = decoder;
        sync();
    }

    /** Copies every encoder weight, transposed, into its mirror decoder layer. */
    void sync() {
        float[] from = encoder.parameters();
        float[] to = decoder.parameters();
        for (int l = 0; l < encoder.layers(); l++) {
            int in = encoder.width(l);
            int out = encoder.width(l + 1);
            transpose(from, encoder.weightOffset(l), in, out, to, decoder.weightOffset(mirror(l)), false);
        }
    }

    /**
     * Adds the decoder's weight gradients of {@code decoderPass}, transposed, into the encoder's of
     * {@code encoderPass}, then zeroes them there (the decoder's copy is not stepped on its own).
     */
    void foldGradients(Pass encoderPass, Pass decoderPass) {
        float[] into = encoderPass.gradients();
        float[] from = decoderPass.gradients();
        for (int l = 0; l < encoder.layers(); l++) {
            int in = encoder.width(l);
            int out = encoder.width(l + 1);
            int offset = decoder.weightOffset(mirror(l));
            transpose(from, offset, out, in, into, encoder.weightOffset(l), true);
            java.util.Arrays.fill(from, offset, offset + in * out, 0f);
        }
    }

    private int mirror(int l) {
        return encoder.layers() - 1 - l;
    }

    /** {@code to[c×r] (+)= from[r×c]ᵀ}, both row-major at their offsets. */
    private static void transpose(float[] from, int fromOffset, int r, int c, float[] to, int toOffset, boolean add) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                float v = from[fromOffset + i * c + j];
                int k = toOffset + j * r + i;
                to[k] = add ? to[k] + v : v;
            }
        }
    }
}
