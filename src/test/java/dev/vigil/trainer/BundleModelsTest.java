package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.SyntheticSensors;
import dev.vigil.testkit.TestBundles;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BundleModelsTest {
    private static final Logger LOG = LoggerFactory.getLogger(BundleModelsTest.class);

    @ParameterizedTest
    @EnumSource(
            value = Variant.class,
            names = {"UNDERCOMPLETE", "SPARSE", "CONTRACTIVE", "VARIATIONAL", "PCA"})
    void forwardPassRebuiltFromTheBundleScoresExactlyLikeTheTrainedModel(Variant variant) {
        TrainerConfig config = TrainerConfig.defaults()
                .withVariant(variant)
                .withNetwork(NetworkParams.defaults().withWindow(2).withActivation(dev.vigil.nn.Activation.TANH))
                .withTraining(TrainingParams.defaults().withEpochs(2).withBatchSize(64));
        TrainingOutcome outcome =
                new ModelTrainer().trainWithReport(SyntheticSensors.data(2, 300, 4, 3), config, "g", 1);
        InferenceModel rebuilt = BundleModels.inferenceModel(outcome.bundle());
        float[] inputs = new float[50 * 8];
        Random random = new Random(1);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (10 * (i % 4) + 3 * random.nextGaussian());
        }
        InferenceModel.Scores expected = outcome.model().score(inputs, 50);
        InferenceModel.Scores actual = rebuilt.score(inputs, 50);
        assertArrayEquals(expected.score(), actual.score());
        assertArrayEquals(expected.featureError(), actual.featureError());
        assertArrayEquals(expected.reconstruction(), actual.reconstruction());
    }

    @org.junit.jupiter.api.Test
    void bytesThatAreNotOnnxAreRefused() {
        ModelBundle bundle = new ModelTrainer()
                .train(
                        SyntheticSensors.data(1, 200, 4, 3),
                        TrainerConfig.defaults()
                                .withTraining(TrainingParams.defaults().withEpochs(1)),
                        "g",
                        1);
        bundle.setOnnx(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> BundleModels.inferenceModel(bundle));
    }

    @org.junit.jupiter.api.Test
    void anIncumbentWhoseWeightsAreExternalDataIsRefusedBeforeAnyIsRead() {
        ModelBundle external = TestBundles.withExternalData(TestBundles.trained(1), "dense_w", "../../etc/passwd");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> BundleModels.inferenceModel(external));
        assertTrue(refused.getMessage().contains("EXTERNAL_DATA"), refused.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anIncumbentWithACustomOperatorDomainIsRefused() {
        ModelBundle custom = TestBundles.withCustomDomain(TestBundles.trained(1), "com.example.evil");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> BundleModels.inferenceModel(custom));
        assertTrue(refused.getMessage().contains("CUSTOM_DOMAIN"), refused.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aWideWindowedDeepModelFitsTheDefaultOnnxLimits() throws Exception {
        TrainerConfig config = TrainerConfig.defaults()
                .withVariant(Variant.DEEP)
                .withNetwork(NetworkParams.defaults().withWindow(10))
                .withTraining(TrainingParams.defaults().withEpochs(1).withBatchSize(64));
        ModelBundle bundle = new ModelTrainer().train(SyntheticSensors.data(1, 200, 52, 3), config, "g", 1);
        OnnxMl.ModelProto model = OnnxSafety.check(bundle.getOnnx(), OnnxSafety.Limits.DEFAULT);
        long initializerBytes = model.getGraph().getInitializerList().stream()
                .mapToLong(t -> t.getRawData().size() + 4L * t.getFloatDataCount())
                .sum();
        LOG.info(
                "52 features x window 10, deep: {} ONNX bytes, {} nodes, {} initializer bytes",
                bundle.getOnnx().remaining(),
                model.getGraph().getNodeCount(),
                initializerBytes);
        assertTrue(bundle.getOnnx().remaining() < OnnxSafety.Limits.DEFAULT.maxOnnxBytes() / 4);
    }
}
