package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.nn.Activation;
import dev.vigil.testkit.SyntheticSensors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each variant does what it is for, measured on data generated here. */
class VariantBehaviourTest {
    private static final int F = 8;
    private static final TrainingData DATA = SyntheticSensors.data(2, 1500, F, 21);
    private static final double[][] HELD_OUT = SyntheticSensors.sequence(400, F, new Random(5));

    private static final TrainingParams TRAINING =
            TrainingParams.defaults().withEpochs(30).withBatchSize(64).withLearningRate(0.01);

    private static TrainerConfig base(String variant, int... layers) {
        return TrainerConfig.defaults()
                .withVariant(Variant.parse(variant))
                .withSeed(9)
                .withNetwork(NetworkParams.defaults().withWindow(1).withLayers(layers))
                .withTraining(TRAINING);
    }

    private static TrainingOutcome train(TrainerConfig config) {
        return new ModelTrainer().trainWithReport(DATA, config, "behaviour", 1);
    }

    @Test
    void denoisingModelRebuildsCorruptedInputsBetterThanPlainOne() {
        TrainingOutcome plain = train(base("undercomplete", 6, 3));
        TrainingOutcome denoising = train(base("denoising", 6, 3).withDenoising(new VariantParams.Denoising(0.2, 0.1)));
        float[] clean = ModelTrainerTest.flatten(HELD_OUT);
        float[] corrupted = corrupt(clean, plain.model(), new Random(3));
        double plainError = errorAgainstClean(plain.model(), corrupted, clean);
        double denoisingError = errorAgainstClean(denoising.model(), corrupted, clean);
        assertTrue(denoisingError < 0.8 * plainError, "denoising " + denoisingError + " vs plain " + plainError);
    }

    /** Masks 20% of values (sets them to the feature's training center, i.e. zero in scaled space). */
    private static float[] corrupt(float[] clean, InferenceModel model, Random random) {
        float[] out = clean.clone();
        float[] center = model.center();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < 0.2) {
                out[i] = center[i % F];
            }
        }
        return out;
    }

    private static double errorAgainstClean(InferenceModel model, float[] input, float[] clean) {
        float[] rebuilt = model.score(input, HELD_OUT.length).reconstruction();
        float[] scale = model.scale();
        double sum = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = (rebuilt[i] - clean[i]) / scale[i % F];
            sum += d * d;
        }
        return sum / clean.length;
    }

    @Test
    void sparsePenaltyMakesTheCodeSparser() {
        TrainingOutcome plain = train(base("sparse", 6, 4)
                .withSparsity(VariantParams.Sparsity.defaults().withWeight(0)));
        TrainingOutcome sparse = train(base("sparse", 6, 4)
                .withSparsity(VariantParams.Sparsity.defaults().withWeight(0.05)));
        double plainL1 = meanAbsoluteCode(plain.model());
        double sparseL1 = meanAbsoluteCode(sparse.model());
        assertTrue(sparseL1 < 0.5 * plainL1, "mean |code| sparse " + sparseL1 + " vs plain " + plainL1);
    }

    private static double meanAbsoluteCode(InferenceModel model) {
        float[] scaled = model.scaleInputs(ModelTrainerTest.flatten(HELD_OUT), HELD_OUT.length);
        List<DenseLayer> encoder = model.layers().subList(0, model.layers().size() / 2);
        float[] code = InferenceModel.propagate(encoder, scaled, HELD_OUT.length);
        double sum = 0;
        for (float c : code) {
            sum += Math.abs(c);
        }
        return sum / code.length;
    }

    @Test
    void contractivePenaltyShrinksTheEncoderJacobian() {
        TrainingOutcome plain = train(base("contractive", 3).withContractive(new VariantParams.Contractive(0)));
        TrainingOutcome contractive = train(base("contractive", 3).withContractive(new VariantParams.Contractive(0.5)));
        double plainNorm = meanJacobianNorm(plain.model());
        double contractiveNorm = meanJacobianNorm(contractive.model());
        assertTrue(contractiveNorm < 0.7 * plainNorm, "‖J‖² contractive " + contractiveNorm + " vs plain " + plainNorm);
    }

    /** Mean over held-out rows of ‖∂h/∂z‖²_F for the one-layer sigmoid encoder. */
    private static double meanJacobianNorm(InferenceModel model) {
        DenseLayer code = model.layers().get(0);
        float[] scaled = model.scaleInputs(ModelTrainerTest.flatten(HELD_OUT), HELD_OUT.length);
        float[] h = InferenceModel.propagate(List.of(code), scaled, HELD_OUT.length);
        double total = 0;
        for (int r = 0; r < HELD_OUT.length; r++) {
            for (int j = 0; j < code.out(); j++) {
                double slope = Activation.SIGMOID.derivative(h[r * code.out() + j]);
                double norm = 0;
                for (int i = 0; i < code.in(); i++) {
                    double w = code.weights()[i * code.out() + j];
                    norm += w * w;
                }
                total += slope * slope * norm;
            }
        }
        return total / HELD_OUT.length;
    }

    @Test
    void pcaSubspaceMatchesLinearAutoencoder() {
        TrainingOutcome pca = train(base("pca", 2));
        TrainerConfig undercomplete = base("undercomplete", 2);
        TrainingOutcome linear = train(undercomplete
                .withNetwork(undercomplete.network().withActivation(Activation.IDENTITY))
                .withTraining(TRAINING.withEpochs(60)));
        double[][] pcaBasis = rows(pca.model().layers().get(1));
        double[][] aeSpan = orthonormalRows(rows(linear.model().layers().get(1)));
        for (double[] direction : pcaBasis) {
            double projected = 0;
            for (double[] basis : aeSpan) {
                double dot = dot(direction, basis);
                projected += dot * dot;
            }
            assertTrue(projected > 0.98, "PCA direction lies outside the linear AE's span: " + projected);
        }
    }

    /** The decoder weight rows ({@code k × D}): they span the reconstruction subspace. */
    private static double[][] rows(DenseLayer decoder) {
        double[][] rows = new double[decoder.in()][decoder.out()];
        for (int i = 0; i < decoder.in(); i++) {
            for (int j = 0; j < decoder.out(); j++) {
                rows[i][j] = decoder.weights()[i * decoder.out() + j];
            }
        }
        return orthonormalRows(rows);
    }

    private static double[][] orthonormalRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] v = rows[i].clone();
            for (int j = 0; j < i; j++) {
                double d = dot(v, out[j]);
                for (int k = 0; k < v.length; k++) {
                    v[k] -= d * out[j][k];
                }
            }
            double n = Math.sqrt(dot(v, v));
            for (int k = 0; k < v.length; k++) {
                v[k] /= n;
            }
            out[i] = v;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
