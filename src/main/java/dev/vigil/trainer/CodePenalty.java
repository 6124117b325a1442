package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Network;
import dev.vigil.nn.Pass;

/**
 * A regulariser on the code {@code h} of an autoencoder. It returns its share of the batch penalty
 * and adds d penalty / d h into {@code gradCode} (and, where the penalty depends on weights directly,
 * into the encoder's gradient accumulator).
 */
interface CodePenalty {
    double apply(float[] code, float[] gradCode, int rows, int batchRows, Network encoder, Pass encoderPass);

    /** No penalty. */
    CodePenalty NONE = (code, grad, rows, batchRows, encoder, pass) -> 0;

    /** λ · mean over rows of Σ_j |h_j|. */
    static CodePenalty l1(double weight, int width) {
        return (code, grad, rows, batchRows, encoder, pass) -> {
            double sum = 0;
            float slope = (float) (weight / batchRows);
            for (int i = 0; i < rows * width; i++) {
                sum += Math.abs(code[i]);
                grad[i] += slope * Math.signum(code[i]);
            }
            return weight * sum / batchRows;
        };
    }

    /**
     * β · Σ_j KL(ρ ‖ ρ̂_j) with ρ̂_j the mean sigmoid activation of code unit j over the chunk,
     * weighted by the chunk's share of the batch.
     */
    static CodePenalty kl(double weight, double target, int width) {
        return (code, grad, rows, batchRows, encoder, pass) -> {
            double penalty = 0;
            for (int j = 0; j < width; j++) {
                double mean = clamp(columnMean(code, rows, width, j));
                penalty += target * Math.log(target / mean) + (1 - target) * Math.log((1 - target) / (1 - mean));
                float slope = (float) (weight / batchRows * (-target / mean + (1 - target) / (1 - mean)));
                for (int i = 0; i < rows; i++) {
                    grad[i * width + j] += slope;
                }
            }
            return weight * penalty * rows / batchRows;
        };
    }

    private static double columnMean(float[] code, int rows, int width, int j) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += code[i * width + j];
        }
        return sum / rows;
    }

    private static double clamp(double p) {
        return Math.min(1 - 1e-6, Math.max(1e-6, p));
    }

    /**
     * λ · mean over rows of ‖∂h/∂a‖²_F for the code layer {@code h = s(a·W + b)} with respect to its
     * own input {@code a}: Σ_j s'(z_j)² Σ_i W_ij². For a one-layer encoder this is exactly the
     * encoder's Jacobian with respect to the input.
     */
    static CodePenalty contractive(double weight) {
        return new ContractivePenalty(weight);
    }

    /** g(h) = s'(z)² and dg/dh, expressed through h = s(z). */
    static double jacobianFactor(Activation activation, double h) {
        double d = activation.derivative((float) h);
        return d * d;
    }
}
