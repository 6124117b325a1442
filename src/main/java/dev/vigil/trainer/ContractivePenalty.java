package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Network;
import dev.vigil.nn.Pass;

/** The contractive penalty of {@link CodePenalty#contractive(double)}. */
final class ContractivePenalty implements CodePenalty {
    private final double weight;

    ContractivePenalty(double weight) {
        this.weight = weight;
    }

    @Override
    public double apply(float[] code, float[] gradCode, int rows, int batchRows, Network encoder, Pass encoderPass) {
        int layer = encoder.layers() - 1;
        int in = encoder.width(layer);
        int out = encoder.width(layer + 1);
        Activation act = encoder.activation(layer);
        double[] columnNorms = columnSquaredNorms(encoder, layer, in, out);
        double[] factorSums = new double[out];
        double penalty = 0;
        double scale = weight / batchRows;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < out; j++) {
                double h = code[i * out + j];
                double g = CodePenalty.jacobianFactor(act, h);
                penalty += g * columnNorms[j];
                factorSums[j] += g;
                gradCode[i * out + j] += (float) (scale * columnNorms[j] * factorSlope(act, h));
            }
        }
        addDirectWeightGradient(encoder, encoderPass, layer, in, out, factorSums, scale);
        return scale * penalty;
    }

    private static double[] columnSquaredNorms(Network encoder, int layer, int in, int out) {
        float[] p = encoder.parameters();
        int off = encoder.weightOffset(layer);
        double[] norms = new double[out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double w = p[off + i * out + j];
                norms[j] += w * w;
            }
        }
        return norms;
    }

    /** d s'(z)² / d h for the activations with a non-constant derivative. */
    static double factorSlope(Activation act, double h) {
        return switch (act) {
            case SIGMOID -> 2 * h * (1 - h) * (1 - 2 * h);
            case TANH -> -4 * h * (1 - h * h);
            default -> 0;
        };
    }

    private static void addDirectWeightGradient(
            Network encoder, Pass pass, int layer, int in, int out, double[] factorSums, double scale) {
        float[] p = encoder.parameters();
        float[] g = pass.gradients();
        int off = encoder.weightOffset(layer);
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                g[off + i * out + j] += (float) (scale * 2 * p[off + i * out + j] * factorSums[j]);
            }
        }
    }
}
