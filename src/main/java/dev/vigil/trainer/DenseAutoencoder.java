package dev.vigil.trainer;

import dev.vigil.nn.Loss;
import dev.vigil.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encoder and decoder networks trained to reconstruct their input, with an optional penalty on the
 * code (sparse, contractive), optional inverted dropout on the code ({@link CodeDropout}, training
 * only) and optionally tied weights ({@link WeightTying}). Serves the undercomplete, denoising,
 * sparse, contractive and deep variants (denoising corrupts the input before {@link #accumulate} is
 * called).
 */
final class DenseAutoencoder implements Autoencoder {
    private final Network encoder;
    private final Network decoder;
    private final Loss loss;
    private final CodePenalty penalty;
    private final CodeDropout dropout;
    private final WeightTying tying;

    DenseAutoencoder(Network encoder, Network decoder, Loss loss, CodePenalty penalty) {
        this(encoder, decoder, loss, penalty, CodeDropout.NONE, false);
    }

    DenseAutoencoder(
            Network encoder, Network decoder, Loss loss, CodePenalty penalty, CodeDropout dropout, boolean tied) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.loss = loss;
        this.penalty = penalty;
        this.dropout = dropout;
        this.tying = tied ? new WeightTying(encoder, decoder) : null;
    }

    Network encoder() {
        return encoder;
    }

    Network decoder() {
        return decoder;
    }

    /** Whether the decoder's weights are the encoder's, transposed. */
    boolean tied() {
        return tying != null;
    }

    @Override
    public List<Network> networks() {
        return List.of(encoder, decoder);
    }

    @Override
    public Workspace workspace(int maxRows) {
        return new Workspace(networks(), maxRows, encoder.inputSize(), dropout.isNone() ? 0 : encoder.outputSize());
    }

    @Override
    public double accumulate(
            float[] clean, float[] input, int rows, int batchRows, Workspace ws, SplittableRandom random) {
        int width = encoder.inputSize();
        int codeValues = rows * encoder.outputSize();
        float[] code = encoder.forward(ws.pass(0), input, rows);
        float[] decoderInput = code;
        if (!dropout.isNone()) {
            dropout.apply(code, codeValues, random, ws.mask, ws.code);
            decoderInput = ws.code;
        }
        float[] output = decoder.forward(ws.pass(1), decoderInput, rows);
        double value = loss.evaluate(output, clean, rows * width, (double) batchRows * width, ws.scratch);
        float[] gradCode = decoder.backward(ws.pass(1), ws.scratch, rows, true);
        if (!dropout.isNone()) {
            CodeDropout.backprop(gradCode, ws.mask, codeValues);
        }
        value += penalty.apply(code, gradCode, rows, batchRows, encoder, ws.pass(0));
        encoder.backward(ws.pass(0), gradCode, rows, false);
        if (tying != null) {
            tying.foldGradients(ws.pass(0), ws.pass(1));
        }
        return value;
    }

    @Override
    public void parametersUpdated() {
        if (tying != null) {
            tying.sync();
        }
    }

    @Override
    public List<DenseLayer> inferenceLayers() {
        List<DenseLayer> layers = new ArrayList<>(DenseLayer.of(encoder));
        layers.addAll(DenseLayer.of(decoder));
        return layers;
    }
}
