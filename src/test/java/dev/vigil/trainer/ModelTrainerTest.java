package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.SyntheticSensors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int F = 8;

    private final TrainingData data = SyntheticSensors.data(2, 1500, F, 7);
    private final TrainerConfig config = TrainerConfig.defaults()
            .withSeed(3)
            .withNetwork(NetworkParams.defaults().withWindow(1))
            .withTraining(
                    TrainingParams.defaults().withEpochs(30).withBatchSize(64).withLearningRate(0.01));

    @Test
    void bundleIsCompleteAndUnsigned() {
        ModelBundle bundle = new ModelTrainer(FIXED, EpochListener.NONE).train(data, config, "g", 4);
        assertEquals(SyntheticSensors.names(F), bundle.getFeatureNames());
        assertEquals(1, bundle.getWindowLength());
        assertEquals(F, bundle.getScaler().getCenter().size());
        assertEquals(F, bundle.getFeatureMeans().size());
        assertEquals(101, bundle.getValidationQuantiles().size());
        assertTrue(bundle.getThresholds().getExit() < bundle.getThresholds().getAnomaly());
        assertEquals(ModelTrainer.PROBE_ROWS, bundle.getProbe().getRows());
        assertEquals(ModelTrainer.PROBE_ROWS * F, bundle.getProbe().getInputs().size());
        assertEquals(64, bundle.getSha256().length());
        assertEquals("undercomplete", bundle.getVariant());
        assertEquals(4, bundle.getVersion());
        assertNull(bundle.getSignature());
        assertNull(bundle.getKeyId());
    }

    @Test
    void sameSeedGivesByteIdenticalBundle() {
        byte[] first = BundleFiles.encode(new ModelTrainer(FIXED, EpochListener.NONE).train(data, config, "g", 1));
        byte[] second = BundleFiles.encode(new ModelTrainer(FIXED, EpochListener.NONE).train(data, config, "g", 1));
        assertArrayEquals(first, second);
    }

    @Test
    void tiedWeightsAndCodeDropoutAreSeeded() {
        TrainerConfig tied = config.withTraining(config.training().withEpochs(4))
                .withNetwork(config.network().withTiedWeights(true).withCodeDropout(0.3));
        byte[] first = onnx(tied);
        assertArrayEquals(first, onnx(tied), "same seed, same weights");
        assertFalse(java.util.Arrays.equals(first, onnx(tied.withSeed(4))), "another seed, other weights");
        assertFalse(
                java.util.Arrays.equals(
                        first, onnx(tied.withNetwork(tied.network().withCodeDropout(0)))),
                "dropout changes training");
    }

    private byte[] onnx(TrainerConfig c) {
        ModelBundle bundle = new ModelTrainer(FIXED, EpochListener.NONE).train(data, c, "g", 1);
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        return bytes;
    }

    @Test
    void trainingLossFalls() {
        TrainingOutcome outcome = new ModelTrainer(FIXED, EpochListener.NONE).trainWithReport(data, config, "g", 1);
        List<Double> train = outcome.history().train();
        assertTrue(train.get(train.size() - 1) < 0.5 * train.get(0), "losses " + train);
        assertTrue(
                outcome.history().bestValidation() < 0.1,
                "validation " + outcome.history().validation());
    }

    @Test
    void farPointScoresAboveThresholdAndHeldOutNormalMostlyBelow() {
        TrainingOutcome outcome = new ModelTrainer(FIXED, EpochListener.NONE).trainWithReport(data, config, "g", 1);
        double threshold = outcome.bundle().getThresholds().getAnomaly();
        Random random = new Random(99);
        double[][] heldOut = SyntheticSensors.sequence(500, F, random);
        float[] rows = flatten(heldOut);
        double[] scores = ModelTrainer.scoreRows(outcome.model(), rows, heldOut.length);
        long above = java.util.Arrays.stream(scores).filter(s -> s > threshold).count();
        assertTrue(above <= 0.03 * scores.length, above + " of " + scores.length + " normal rows above threshold");
        double[] far = heldOut[10].clone();
        far[3] += 15;
        far[5] -= 15;
        assertTrue(ModelTrainer.scoreRows(outcome.model(), flatten(new double[][] {far}), 1)[0] > threshold);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "MSE,adam,ZSCORE",
        "MAE,adam,ROBUST",
        "MSE,sgd,ZSCORE",
        "BCE,adam,NONE"
    })
    void everyLossAndOptimiserReducesTheValidationScore(String loss, String optimizer, String scaler) {
        TrainingData unitInterval = unitInterval(data);
        TrainerConfig c = config.withScoring(config.scoring()
                        .withScaler(ScalerChoice.of(dev.vigil.contract.avro.ScalerKind.valueOf(scaler))))
                .withNetwork(config.network().withLoss(dev.vigil.nn.Loss.valueOf(loss)))
                .withTraining(config.training().withOptimizer(OptimizerKind.parse(optimizer)));
        List<Double> validation = new ModelTrainer(FIXED, EpochListener.NONE)
                .trainWithReport(unitInterval, c, "g", 1)
                .history()
                .validation();
        double best = validation.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(best < 0.7 * validation.get(0), loss + "/" + optimizer + ": " + validation);
    }

    /** The data squeezed into [0.1, 0.9] per feature (for BCE). */
    private static TrainingData unitInterval(TrainingData data) {
        int features = data.featureNames().size();
        double[] lo = new double[features];
        double[] hi = new double[features];
        java.util.Arrays.fill(lo, Double.MAX_VALUE);
        java.util.Arrays.fill(hi, -Double.MAX_VALUE);
        for (double[][] seq : data.sequences()) {
            for (double[] row : seq) {
                for (int f = 0; f < features; f++) {
                    lo[f] = Math.min(lo[f], row[f]);
                    hi[f] = Math.max(hi[f], row[f]);
                }
            }
        }
        List<double[][]> squeezed = new java.util.ArrayList<>();
        for (double[][] seq : data.sequences()) {
            double[][] out = new double[seq.length][features];
            for (int t = 0; t < seq.length; t++) {
                for (int f = 0; f < features; f++) {
                    out[t][f] = 0.1 + 0.8 * (seq[t][f] - lo[f]) / (hi[f] - lo[f]);
                }
            }
            squeezed.add(out);
        }
        return TrainingData.of(data.featureNames(), squeezed);
    }

    static float[] flatten(double[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                out[i * rows[i].length + j] = (float) rows[i][j];
            }
        }
        return out;
    }
}
