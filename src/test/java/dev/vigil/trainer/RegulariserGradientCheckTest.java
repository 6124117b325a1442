package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.nn.Activation;
import dev.vigil.nn.DoubleReference;
import dev.vigil.nn.Gaussian;
import dev.vigil.nn.Loss;
import dev.vigil.nn.Network;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finite-difference checks of the regularised objectives (sparse L1 and KL, contractive, VAE KL with
 * the reparameterised sample, tied weights, code dropout with its seeded mask) against independent
 * double-precision formulas; relative error &lt; 1e-4.
 */
class RegulariserGradientCheckTest {
    private static final int ROWS = 6;
    private static final int D = 5;
    private static final long NOISE_SEED = 17;

    private final float[] x = values(ROWS * D, 3);
    private final double[] xd = DoubleReference.widen(x);

    @Test
    void sparseL1PenaltyGradientIsExact() {
        double weight = 0.3;
        DenseAutoencoder model = dense(Activation.RELU, CodePenalty.l1(weight, 3));
        check(
                model,
                (enc, code) ->
                        weight / ROWS * Arrays.stream(code).map(Math::abs).sum());
    }

    @Test
    void sparseKlPenaltyGradientIsExact() {
        double weight = 0.5;
        double rho = 0.1;
        DenseAutoencoder model = dense(Activation.SIGMOID, CodePenalty.kl(weight, rho, 3));
        check(model, (enc, code) -> {
            double penalty = 0;
            for (int j = 0; j < 3; j++) {
                double mean = 0;
                for (int i = 0; i < ROWS; i++) {
                    mean += code[i * 3 + j] / ROWS;
                }
                penalty += rho * Math.log(rho / mean) + (1 - rho) * Math.log((1 - rho) / (1 - mean));
            }
            return weight * penalty;
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"SIGMOID", "TANH"})
    void contractivePenaltyGradientIsExact(Activation codeActivation) {
        double weight = 0.2;
        DenseAutoencoder model = dense(codeActivation, CodePenalty.contractive(weight));
        Network encoder = model.encoder();
        check(
                model,
                (encParams, code) -> weight / ROWS * jacobianNormSquared(encoder, encParams, code, codeActivation));
    }

    /** Σ_rows Σ_j s'(z_j)² Σ_i W_ij² for the code layer, in double. */
    static double jacobianNormSquared(Network encoder, double[] p, double[] code, Activation act) {
        int l = encoder.layers() - 1;
        int in = encoder.width(l);
        int out = encoder.width(l + 1);
        double sum = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < out; j++) {
                double h = code[r * out + j];
                double slope = act == Activation.SIGMOID ? h * (1 - h) : 1 - h * h;
                double norm = 0;
                for (int i = 0; i < in; i++) {
                    double w = p[encoder.weightOffset(l) + i * out + j];
                    norm += w * w;
                }
                sum += slope * slope * norm;
            }
        }
        return sum;
    }

    @Test
    void variationalKlAndReparameterisationGradientsAreExact() {
        double beta = 0.7;
        SplittableRandom init = new SplittableRandom(5);
        Network encoder = new Network(new int[] {D, 4, 6}, List.of(Activation.TANH, Activation.IDENTITY), init);
        Network decoder = new Network(new int[] {3, 4, D}, List.of(Activation.TANH, Activation.IDENTITY), init);
        VariationalAutoencoder model = new VariationalAutoencoder(encoder, decoder, Loss.MSE, beta);
        ToDoubleFunction<double[]> objective = all -> {
            double[] pe = Arrays.copyOfRange(all, 0, encoder.parameters().length);
            double[] pd = Arrays.copyOfRange(all, pe.length, all.length);
            double[] stats = last(DoubleReference.forward(encoder, pe, xd, ROWS));
            double[] z = new double[ROWS * 3];
            SplittableRandom noise = new SplittableRandom(NOISE_SEED);
            double kl = 0;
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < 3; j++) {
                    double mu = stats[i * 6 + j];
                    double lv = stats[i * 6 + 3 + j];
                    z[i * 3 + j] = mu + Math.exp(0.5 * lv) * (float) Gaussian.next(noise);
                    kl += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
                }
            }
            double[] y = last(DoubleReference.forward(decoder, pd, z, ROWS));
            return DoubleReference.loss(Loss.MSE, y, xd) + beta * kl / (ROWS * D);
        };
        assertMatches(model, objective);
    }

    @Test
    void tiedWeightsGradientIsTheSumOfBothUses() {
        DenseAutoencoder model = new DenseAutoencoder(
                encoder(Activation.TANH), decoder(), Loss.MSE, CodePenalty.NONE, CodeDropout.NONE, true);
        Network encoder = model.encoder();
        Network decoder = model.decoder();
        assertMatches(model, all -> {
            double[] pe = Arrays.copyOfRange(all, 0, encoder.parameters().length);
            double[] pd = tiedDecoder(encoder, pe, decoder, Arrays.copyOfRange(all, pe.length, all.length));
            double[] code = last(DoubleReference.forward(encoder, pe, xd, ROWS));
            double[] y = last(DoubleReference.forward(decoder, pd, code, ROWS));
            return DoubleReference.loss(Loss.MSE, y, xd);
        });
    }

    /** The decoder parameters a tied model uses: its own biases, each weight the mirror encoder weight transposed. */
    private static double[] tiedDecoder(Network encoder, double[] pe, Network decoder, double[] pd) {
        double[] tied = pd.clone();
        for (int l = 0; l < encoder.layers(); l++) {
            int in = encoder.width(l);
            int out = encoder.width(l + 1);
            int mirror = encoder.layers() - 1 - l;
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    tied[decoder.weightOffset(mirror) + j * in + i] = pe[encoder.weightOffset(l) + i * out + j];
                }
            }
        }
        return tied;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void codeDropoutGradientIsExactForItsMask(boolean tied) {
        double rate = 0.4;
        DenseAutoencoder model = new DenseAutoencoder(
                encoder(Activation.TANH), decoder(), Loss.MSE, CodePenalty.NONE, new CodeDropout(rate), tied);
        Network encoder = model.encoder();
        Network decoder = model.decoder();
        double[] mask = dropoutMask(ROWS * 3, rate);
        assertTrue(
                Arrays.stream(mask).anyMatch(m -> m == 0) && Arrays.stream(mask).anyMatch(m -> m > 1), "mask");
        assertMatches(model, all -> {
            double[] pe = Arrays.copyOfRange(all, 0, encoder.parameters().length);
            double[] pd = Arrays.copyOfRange(all, pe.length, all.length);
            double[] code = last(DoubleReference.forward(encoder, pe, xd, ROWS));
            for (int i = 0; i < code.length; i++) {
                code[i] *= mask[i];
            }
            double[] used = tied ? tiedDecoder(encoder, pe, decoder, pd) : pd;
            return DoubleReference.loss(Loss.MSE, last(DoubleReference.forward(decoder, used, code, ROWS)), xd);
        });
    }

    /** The documented mask of the batch stream: value i dropped when the i-th draw is below the rate. */
    private static double[] dropoutMask(int n, double rate) {
        SplittableRandom random = new SplittableRandom(NOISE_SEED);
        double[] mask = new double[n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < rate ? 0 : 1 / (1 - rate);
        }
        return mask;
    }

    /**
     * The exported −ELBO score is the training objective above with ε = 0, row by row: the mean
     * squared error of the mean decoding plus β·KL / D, the KL in closed form (double reference).
     * It is not trained on (training samples ε), so it needs no gradient of its own.
     */
    @Test
    void variationalElboScoreIsTheTrainingObjectiveAtThePosteriorMean() {
        double beta = 0.7;
        SplittableRandom init = new SplittableRandom(5);
        Network encoder = new Network(new int[] {D, 4, 6}, List.of(Activation.TANH, Activation.IDENTITY), init);
        Network decoder = new Network(new int[] {3, 4, D}, List.of(Activation.TANH, Activation.IDENTITY), init);
        VariationalAutoencoder model = new VariationalAutoencoder(encoder, decoder, Loss.MSE, beta);
        float[] ones = new float[D];
        Arrays.fill(ones, 1f);
        float[] zeros = new float[D];
        InferenceModel inference =
                new InferenceModel(D, 1, zeros, ones, model.inferenceLayers(), ones, model.scoreHead(VaeScore.ELBO));
        float[] score = inference.score(x, ROWS).score();
        double[] stats = last(DoubleReference.forward(encoder, DoubleReference.params(encoder), xd, ROWS));
        for (int i = 0; i < ROWS; i++) {
            double[] mu = new double[3];
            double kl = 0;
            for (int j = 0; j < 3; j++) {
                mu[j] = stats[i * 6 + j];
                double lv = stats[i * 6 + 3 + j];
                kl += -0.5 * (1 + lv - mu[j] * mu[j] - Math.exp(lv));
            }
            double[] y = last(DoubleReference.forward(decoder, DoubleReference.params(decoder), mu, 1));
            double expected =
                    DoubleReference.loss(Loss.MSE, y, Arrays.copyOfRange(xd, i * D, (i + 1) * D)) + beta * kl / D;
            assertTrue(
                    Math.abs(score[i] - expected) < 1e-5 * Math.max(1, expected),
                    i + ": " + score[i] + " vs " + expected);
            assertTrue(beta * kl / D > 1e-3, "the KL term must matter in this check: " + kl);
        }
        float[] meanError = new InferenceModel(
                        D, 1, zeros, ones, model.inferenceLayers(), ones, model.scoreHead(VaeScore.MEAN_ERROR))
                .score(x, ROWS)
                .score();
        for (int i = 0; i < ROWS; i++) {
            assertTrue(score[i] > meanError[i], "-ELBO adds a positive KL to the mean error");
        }
    }

    private void check(DenseAutoencoder model, PenaltyFormula penalty) {
        Network encoder = model.encoder();
        Network decoder = model.decoder();
        assertMatches(model, all -> {
            double[] pe = Arrays.copyOfRange(all, 0, encoder.parameters().length);
            double[] pd = Arrays.copyOfRange(all, pe.length, all.length);
            double[] code = last(DoubleReference.forward(encoder, pe, xd, ROWS));
            double[] y = last(DoubleReference.forward(decoder, pd, code, ROWS));
            return DoubleReference.loss(Loss.MSE, y, xd) + penalty.value(pe, code);
        });
    }

    private void assertMatches(Autoencoder model, ToDoubleFunction<double[]> objective) {
        Autoencoder.Workspace ws = model.workspace(ROWS);
        ws.clearGradients();
        model.accumulate(x, x, ROWS, ROWS, ws, new SplittableRandom(NOISE_SEED));
        float[] analytic = concat(ws.pass(0).gradients(), ws.pass(1).gradients());
        double[] params = DoubleReference.widen(concat(
                model.networks().get(0).parameters(), model.networks().get(1).parameters()));
        double[] numeric = DoubleReference.numericGradient(objective, params, 1e-6);
        double error = DoubleReference.relativeError(analytic, numeric);
        assertTrue(error < 1e-4, "relative error " + error);
    }

    private static DenseAutoencoder dense(Activation codeActivation, CodePenalty penalty) {
        return new DenseAutoencoder(encoder(codeActivation), decoder(), Loss.MSE, penalty);
    }

    private static Network encoder(Activation codeActivation) {
        return new Network(new int[] {D, 4, 3}, List.of(Activation.TANH, codeActivation), new SplittableRandom(4));
    }

    private static Network decoder() {
        return new Network(new int[] {3, 4, D}, List.of(Activation.TANH, Activation.IDENTITY), new SplittableRandom(8));
    }

    @FunctionalInterface
    interface PenaltyFormula {
        double value(double[] encoderParams, double[] code);
    }

    private static double[] last(List<double[]> acts) {
        return acts.get(acts.size() - 1);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static float[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1.5, 1.5);
        }
        return v;
    }
}
