package dev.vigil.trainer;

import dev.vigil.nn.Loss;
import dev.vigil.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encoder and decoder networks trained to reconstruct their input, with an optional penalty on the
 * code (sparse, contractive). Serves the undercomplete, denoising, sparse, contractive and deep
 * variants (denoising corrupts the input before {@link #accumulate} is called).
 */
final class DenseAutoencoder implements Autoencoder {
    private final Network encoder;
    private final Network decoder;
    private final Loss loss;
    private final CodePenalty penalty;

    DenseAutoencoder(Network encoder, Network decoder, Loss loss, CodePenalty penalty) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.loss = loss;
        this.penalty = penalty;
    }

    Network encoder() {
        return encoder;
    }

    Network decoder() {
        return decoder;
    }

    @Override
    public List<Network> networks() {
        return List.of(encoder, decoder);
    }

    @Override
    public Workspace workspace(int maxRows) {
        return new Workspace(networks(), maxRows, encoder.inputSize());
    }

    @Override
    public double accumulate(
            float[] clean, float[] input, int rows, int batchRows, Workspace ws, SplittableRandom random) {
        int width = encoder.inputSize();
        float[] code = encoder.forward(ws.pass(0), input, rows);
        float[] output = decoder.forward(ws.pass(1), code, rows);
        double value = loss.evaluate(output, clean, rows * width, (double) batchRows * width, ws.scratch);
        float[] gradCode = decoder.backward(ws.pass(1), ws.scratch, rows, true);
        value += penalty.apply(code, gradCode, rows, batchRows, encoder, ws.pass(0));
        encoder.backward(ws.pass(0), gradCode, rows, false);
        return value;
    }

    @Override
    public List<DenseLayer> inferenceLayers() {
        List<DenseLayer> layers = new ArrayList<>(DenseLayer.of(encoder));
        layers.addAll(DenseLayer.of(decoder));
        return layers;
    }
}
