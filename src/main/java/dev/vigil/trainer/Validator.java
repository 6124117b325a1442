package dev.vigil.trainer;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Validation loss: the mean score (scaled MSE of the deterministic reconstruction) over held-out rows. */
final class Validator implements ToDoubleFunction<Autoencoder> {
    private final float[] scaled;
    private final int rows;
    private final int width;

    Validator(float[] scaled, int rows, int width) {
        this.scaled = scaled;
        this.rows = rows;
        this.width = width;
    }

    @Override
    public double applyAsDouble(Autoencoder model) {
        return meanScore(model.inferenceLayers());
    }

    double meanScore(List<DenseLayer> layers) {
        InferenceModel identityScaling = new InferenceModel(width, 1, new float[width], ones(width), layers);
        float[] y = identityScaling.reconstructScaled(scaled, rows);
        double sum = 0;
        for (int i = 0; i < rows * width; i++) {
            double d = y[i] - scaled[i];
            sum += d * d;
        }
        return sum / ((double) rows * width);
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}
