package dev.vigil.trainer;

import dev.vigil.nn.Gaussian;
import dev.vigil.nn.Loss;
import dev.vigil.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Variational autoencoder: the encoder's last layer (linear, 2k units) gives the mean μ and the
 * log-variance log σ² of a k-dimensional Gaussian code; training samples z = μ + σ·ε (ε ~ N(0, I),
 * the reparameterisation trick) and minimises reconstruction loss (per element) plus β times the
 * KL divergence to N(0, I) divided by the input width. The exported, deterministic model decodes
 * the mean μ; its score ({@link #scoreHead}) is −ELBO in the units of that loss (the error of the
 * mean decoding plus β·KL / width in closed form), or the error of the mean decoding alone.
 */
final class VariationalAutoencoder implements Autoencoder {
    private final Network encoder;
    private final Network decoder;
    private final Loss loss;
    private final double klWeight;
    private final int codeSize;

    VariationalAutoencoder(Network encoder, Network decoder, Loss loss, double klWeight) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.loss = loss;
        this.klWeight = klWeight;
        this.codeSize = decoder.inputSize();
    }

    @Override
    public List<Network> networks() {
        return List.of(encoder, decoder);
    }

    @Override
    public Workspace workspace(int maxRows) {
        return new Workspace(networks(), maxRows, Math.max(encoder.inputSize(), 2 * codeSize));
    }

    @Override
    public double accumulate(
            float[] clean, float[] input, int rows, int batchRows, Workspace ws, SplittableRandom random) {
        int width = encoder.inputSize();
        float[] stats = encoder.forward(ws.pass(0), input, rows);
        float[] noise = ws.scratch2;
        float[] z = sample(stats, rows, noise, random);
        float[] output = decoder.forward(ws.pass(1), z, rows);
        double value = loss.evaluate(output, clean, rows * width, (double) batchRows * width, ws.scratch);
        float[] gradZ = decoder.backward(ws.pass(1), ws.scratch, rows, true);
        float[] gradStats = ws.scratch;
        value += klAndGradient(stats, gradZ, noise, rows, (double) batchRows * width, gradStats);
        encoder.backward(ws.pass(0), gradStats, rows, false);
        return value;
    }

    /** z = μ + exp(½ log σ²)·ε; ε is kept in {@code noise}. Returns a fresh buffer. */
    float[] sample(float[] stats, int rows, float[] noise, SplittableRandom random) {
        float[] z = new float[rows * codeSize];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < codeSize; j++) {
                float eps = (float) Gaussian.next(random);
                noise[i * codeSize + j] = eps;
                z[i * codeSize + j] = stats[i * 2 * codeSize + j]
                        + (float) Math.exp(0.5 * stats[i * 2 * codeSize + codeSize + j]) * eps;
            }
        }
        return z;
    }

    /**
     * Writes d objective / d (μ, log σ²) into {@code gradStats} (reconstruction path through z plus
     * β·KL/normaliser) and returns β·KL/normaliser, KL = -½ Σ (1 + log σ² - μ² - σ²).
     */
    double klAndGradient(float[] stats, float[] gradZ, float[] noise, int rows, double normaliser, float[] gradStats) {
        double kl = 0;
        double beta = klWeight / normaliser;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < codeSize; j++) {
                int mu = i * 2 * codeSize + j;
                int lv = mu + codeSize;
                double variance = Math.exp(stats[lv]);
                double gz = gradZ[i * codeSize + j];
                kl += -0.5 * (1 + stats[lv] - stats[mu] * stats[mu] - variance);
                gradStats[mu] = (float) (gz + beta * stats[mu]);
                gradStats[lv] = (float)
                        (gz * noise[i * codeSize + j] * 0.5 * Math.sqrt(variance) + beta * 0.5 * (variance - 1));
            }
        }
        return beta * kl;
    }

    @Override
    public List<DenseLayer> inferenceLayers() {
        List<DenseLayer> encoderLayers = DenseLayer.of(encoder);
        List<DenseLayer> layers = new ArrayList<>(encoderLayers.subList(0, encoderLayers.size() - 1));
        layers.add(encoderLayers.get(encoderLayers.size() - 1).firstOutputs(codeSize));
        layers.addAll(DenseLayer.of(decoder));
        return layers;
    }

    /** −ELBO at the posterior mean ({@link ScoreHead.Elbo}, KL scale β / width) or the mean error alone. */
    @Override
    public ScoreHead scoreHead(TrainerConfig config) {
        return scoreHead(config.variational().score());
    }

    /** The head for {@code score}. */
    ScoreHead scoreHead(VaeScore score) {
        if (score == VaeScore.MEAN_ERROR) {
            return new ScoreHead.MeanError(Map.of(VaeScore.METADATA_KEY, score.cliName()));
        }
        List<DenseLayer> encoderLayers = DenseLayer.of(encoder);
        int codeLayer = encoderLayers.size() - 1;
        DenseLayer logVariance = encoderLayers.get(codeLayer).lastOutputs(codeSize);
        return new ScoreHead.Elbo(codeLayer, logVariance, (float) (klWeight / encoder.inputSize()));
    }
}
