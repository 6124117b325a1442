package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.UnsafeOnnxException;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.SyntheticSensors;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exported graph, run by ONNX Runtime, computes what the Java forward pass computes. */
class OnnxParityTest {
    private static final int F = 5;
    private static final int W = 3;
    private static final int ROWS = 64;
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void onnxRuntimeMatchesJavaForwardPassOnRandomInputs(Variant variant) throws OrtException {
        TrainingOutcome outcome = train(variant);
        InferenceModel model = outcome.model();
        float[] inputs = randomInputs(model, new Random(variant.ordinal()));
        InferenceModel.Scores java = model.score(inputs, ROWS);
        try (Outputs ort = Outputs.run(outcome.bundle(), inputs, ROWS, W * F)) {
            assertClose(java.score(), ort.score, new float[] {1e-3f}, "score");
            assertClose(java.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error");
            assertClose(java.reconstruction(), ort.reconstruction, model.scale(), "reconstruction");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void onnxRuntimeMatchesJavaForwardPassWithAndWithoutErrorNormalisation(boolean normalised) throws OrtException {
        TrainingOutcome outcome = train(Variant.UNDERCOMPLETE, normalised);
        InferenceModel model = outcome.model();
        assertEquals(normalised, model.hasErrorWeights());
        float[] inputs = randomInputs(model, new Random(7));
        InferenceModel.Scores java = model.score(inputs, ROWS);
        try (Outputs ort = Outputs.run(outcome.bundle(), inputs, ROWS, W * F)) {
            assertClose(java.score(), ort.score, new float[] {1e-3f}, "score");
            assertClose(java.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Variant.class,
            names = {"UNDERCOMPLETE", "VARIATIONAL", "PCA"})
    void onnxRuntimeReproducesTheProbeAndCarriesTheManifest(Variant variant) throws OrtException {
        ModelBundle bundle = train(variant).bundle();
        float[] probe = new float[bundle.getProbe().getInputs().size()];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = bundle.getProbe().getInputs().get(i);
        }
        try (Outputs ort = Outputs.run(bundle, probe, bundle.getProbe().getRows(), W * F)) {
            for (int i = 0; i < ort.score.length; i++) {
                double expected = bundle.getProbe().getScores().get(i);
                assertEquals(expected, ort.score[i], TOLERANCE * Math.max(1, Math.abs(expected)));
            }
            assertTrue(ort.manifest.contains("\"windowLength\":" + W), ort.manifest);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Variant.class,
            names = {"UNDERCOMPLETE", "DENOISING", "SPARSE", "CONTRACTIVE", "DEEP"})
    void onnxRuntimeMatchesTiedWeightsTrainedWithCodeDropout(Variant variant) throws OrtException {
        TrainingOutcome outcome =
                train(variant, true, n -> n.withTiedWeights(true).withCodeDropout(0.2));
        InferenceModel model = outcome.model();
        float[] inputs = randomInputs(model, new Random(31 + variant.ordinal()));
        InferenceModel.Scores java = model.score(inputs, ROWS);
        try (Outputs ort = Outputs.run(outcome.bundle(), inputs, ROWS, W * F)) {
            assertClose(java.score(), ort.score, new float[] {1e-3f}, "score");
            assertClose(java.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error");
            assertClose(java.reconstruction(), ort.reconstruction, model.scale(), "reconstruction");
        }
        java.util.List<DenseLayer> exported =
                BundleModels.inferenceModel(outcome.bundle()).layers();
        int depth = exported.size() / 2;
        for (int l = 0; l < depth; l++) {
            DenseLayer mirror = exported.get(2 * depth - 1 - l);
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    transposed(exported.get(l)), mirror.weights(), "decoder layer " + (depth - 1 - l));
        }
    }

    private static float[] transposed(DenseLayer layer) {
        float[] t = new float[layer.weights().length];
        for (int i = 0; i < layer.in(); i++) {
            for (int j = 0; j < layer.out(); j++) {
                t[j * layer.in() + i] = layer.weights()[i * layer.out() + j];
            }
        }
        return t;
    }

    @ParameterizedTest
    @EnumSource(VaeScore.class)
    void variationalScoreOfEachKindMatchesOnnxRuntimeAndIsNamedInTheBundle(VaeScore kind) throws OrtException {
        TrainerConfig config = config(Variant.VARIATIONAL, true)
                .withVariational(VariantParams.Variational.defaults().withScore(kind));
        TrainingOutcome outcome =
                new ModelTrainer().trainWithReport(SyntheticSensors.data(2, 400, F, 11), config, "p", 1);
        InferenceModel model = outcome.model();
        assertEquals(kind == VaeScore.ELBO, model.head() instanceof ScoreHead.Elbo);
        float[] inputs = randomInputs(model, new Random(3));
        InferenceModel.Scores java = model.score(inputs, ROWS);
        InferenceModel.Scores meanError =
                model.withHead(ScoreHead.MeanError.PLAIN).score(inputs, ROWS);
        try (Outputs ort = Outputs.run(outcome.bundle(), inputs, ROWS, W * F)) {
            assertClose(java.score(), ort.score, new float[] {1e-3f}, "score");
            assertClose(java.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error");
            assertClose(meanError.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error (per feature)");
            assertEquals(kind.cliName(), ort.metadata.get(VaeScore.METADATA_KEY));
        }
        for (int i = 0; i < ROWS; i++) {
            if (kind == VaeScore.ELBO) {
                assertTrue(java.score()[i] > meanError.score()[i], "-ELBO adds the KL term");
            } else {
                assertEquals(meanError.score()[i], java.score()[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PcaRule.class)
    void pcaScoreAndBothStatisticsMatchOnnxRuntimeForEachRule(PcaRule rule) throws OrtException {
        TrainerConfig config = config(Variant.PCA, true).withPca(new VariantParams.Pca(rule));
        TrainingOutcome outcome =
                new ModelTrainer().trainWithReport(SyntheticSensors.data(2, 400, F, 11), config, "p", 1);
        InferenceModel model = outcome.model();
        ScoreHead.Pca head = (ScoreHead.Pca) model.head();
        assertEquals(1.0, outcome.bundle().getThresholds().getAnomaly());
        float[] inputs = randomInputs(model, new Random(4));
        InferenceModel.Scores java = model.score(inputs, ROWS);
        java.util.List<float[]> acts = model.activations(model.scaleInputs(inputs, ROWS), ROWS);
        float[] meanError =
                model.withHead(ScoreHead.MeanError.PLAIN).score(inputs, ROWS).score();
        float[] t2 = new float[ROWS];
        float[] q = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            t2[i] = head.t2Ratio(acts, i);
            q[i] = head.qRatio(meanError[i]);
            assertEquals(rule.combine(t2[i], q[i]), java.score()[i]);
        }
        try (Outputs ort = Outputs.run(outcome.bundle(), inputs, ROWS, W * F)) {
            assertClose(java.score(), ort.score, new float[] {1e-3f}, "score");
            assertClose(t2, ort.t2, new float[] {1e-3f}, "t2");
            assertClose(q, ort.q, new float[] {1e-3f}, "q");
            assertClose(java.featureError(), ort.featureError, new float[] {1e-3f}, "feature_error");
            assertEquals(rule.cliName(), ort.metadata.get(PcaRule.METADATA_KEY));
        }
    }

    private static TrainingOutcome train(Variant variant) {
        return train(variant, true);
    }

    private static TrainingOutcome train(Variant variant, boolean normalised) {
        return train(variant, normalised, n -> n);
    }

    private static TrainingOutcome train(
            Variant variant, boolean normalised, java.util.function.UnaryOperator<NetworkParams> network) {
        return new ModelTrainer()
                .trainWithReport(
                        SyntheticSensors.data(2, 400, F, 11), config(variant, normalised, network), "parity", 1);
    }

    private static TrainerConfig config(Variant variant, boolean normalised) {
        return config(variant, normalised, n -> n);
    }

    private static TrainerConfig config(
            Variant variant, boolean normalised, java.util.function.UnaryOperator<NetworkParams> network) {
        TrainerConfig config = TrainerConfig.defaults()
                .withVariant(variant)
                .withNetwork(network.apply(NetworkParams.defaults()
                        .withWindow(W)
                        .withActivation(
                                variant == Variant.DEEP ? dev.vigil.nn.Activation.TANH : dev.vigil.nn.Activation.RELU)))
                .withTraining(TrainingParams.defaults()
                        .withEpochs(3)
                        .withBatchSize(64)
                        .withLearningRate(0.01))
                .withDeep(new VariantParams.Deep(variant == Variant.DEEP))
                .withScoring(ScoringParams.defaults().withErrorNormalisation(normalised));
        return config;
    }

    private static float[] randomInputs(InferenceModel model, Random random) {
        float[] center = model.center();
        float[] scale = model.scale();
        float[] x = new float[ROWS * W * F];
        for (int i = 0; i < x.length; i++) {
            int f = i % F;
            x[i] = (float) (center[f] + 3 * scale[f] * random.nextGaussian());
        }
        return x;
    }

    /**
     * Relative error at most {@value #TOLERANCE}; the reference magnitude never falls below
     * {@code floor[i % floor.length]} (for reconstructions: the feature's scale, since a value near zero
     * in original units is the difference of two numbers of that size).
     */
    private static void assertClose(float[] expected, float[] actual, float[] floor, String name) {
        assertEquals(expected.length, actual.length, name + " length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = TOLERANCE * Math.max(floor[i % floor.length], Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, name + "[" + i + "]");
        }
    }

    /** The three outputs of one ONNX Runtime run, plus the model's manifest metadata. */
    private static final class Outputs implements AutoCloseable {
        float[] score;
        float[] featureError;
        float[] reconstruction;
        float[] t2;
        float[] q;
        String manifest;
        Map<String, String> metadata;

        /** Runs the export in ONNX Runtime, once it passed the safety checks the detector runs first. */
        static Outputs run(ModelBundle bundle, float[] inputs, int rows, int width) throws OrtException {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            byte[] onnx = new byte[bundle.getOnnx().remaining()];
            bundle.getOnnx().duplicate().get(onnx);
            try {
                OnnxSafety.check(onnx, OnnxSafety.Limits.DEFAULT);
            } catch (UnsafeOnnxException e) {
                throw new AssertionError("the exported model would be refused: " + e.getMessage(), e);
            }
            Outputs out = new Outputs();
            try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
                    OnnxTensor tensor =
                            OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs), new long[] {rows, width});
                    OrtSession.Result result = session.run(Map.of(ModelContract.INPUT, tensor))) {
                out.score = flat(result, ModelContract.SCORE);
                out.featureError = flat(result, ModelContract.FEATURE_ERROR);
                out.reconstruction = flat(result, ModelContract.RECONSTRUCTION);
                out.metadata = session.getMetadata().getCustomMetadata();
                out.manifest = out.metadata.get(ModelContract.MANIFEST_METADATA_KEY);
                out.t2 = result.get(ModelContract.T2).isPresent() ? flat(result, ModelContract.T2) : null;
                out.q = result.get(ModelContract.Q).isPresent() ? flat(result, ModelContract.Q) : null;
            }
            return out;
        }

        private static float[] flat(OrtSession.Result result, String name) throws OrtException {
            OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow();
            FloatBuffer buffer = t.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }

        @Override
        public void close() {}
    }
}
