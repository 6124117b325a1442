package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        TrainerConfig c = TrainerConfig.defaults();
        assertEquals(Variant.UNDERCOMPLETE, c.variant());
        assertEquals(0.995, c.scoring().thresholdQuantile());
        assertEquals(0, c.network().window());
        assertEquals(0, c.network().layers().size());
    }

    @Test
    void invalidValuesFailNamingTheParameter() {
        assertMessageStartsWith("epochs:", () -> TrainingParams.defaults().withEpochs(0));
        assertMessageStartsWith("learningRate:", () -> TrainingParams.defaults().withLearningRate(-1));
        assertMessageStartsWith(
                "thresholdQuantile:", () -> ScoringParams.defaults().withThresholdQuantile(1.2));
        assertMessageStartsWith(
                "validationSplit:", () -> ScoringParams.defaults().withValidationSplit(0));
        assertMessageStartsWith("layers:", () -> NetworkParams.defaults().withLayers(8, 0));
        assertMessageStartsWith("batchSize:", () -> TrainingParams.defaults().withBatchSize(0));
        assertMessageStartsWith("window:", () -> NetworkParams.defaults().withWindow(-1));
        assertMessageStartsWith("optimizer:", () -> OptimizerKind.parse("rmsprop"));
        assertMessageStartsWith("momentum:", () -> TrainingParams.defaults().withMomentum(1));
        assertMessageStartsWith("beta1:", () -> TrainingParams.defaults().withAdamBetas(-0.1, 0.9));
        assertMessageStartsWith("beta2:", () -> TrainingParams.defaults().withAdamBetas(0.9, 1));
        assertMessageStartsWith("weightDecay:", () -> TrainingParams.defaults().withWeightDecay(-1));
        assertMessageStartsWith("patience:", () -> TrainingParams.defaults().withPatience(0));
        assertMessageStartsWith("codeDropout:", () -> NetworkParams.defaults().withCodeDropout(1));
        assertMessageStartsWith(
                "targetFalseAlarmRate:", () -> ScoringParams.defaults().withTargetFalseAlarmRate(0.5));
        assertMessageStartsWith("tailDepth:", () -> ScoringParams.defaults().withTailDepth(0));
    }

    @Test
    void scopedParametersApplyToTheirVariantsAndOptimiserOnly() {
        TrainerConfig d = TrainerConfig.defaults();
        assertTrue(ScopedParameter.KL_WEIGHT.appliesTo(d.withVariant(Variant.VARIATIONAL)));
        assertTrue(!ScopedParameter.KL_WEIGHT.appliesTo(d.withVariant(Variant.DENOISING)));
        assertTrue(ScopedParameter.TIED_WEIGHTS.appliesTo(d.withVariant(Variant.DEEP)));
        assertTrue(!ScopedParameter.TIED_WEIGHTS.appliesTo(d.withVariant(Variant.VARIATIONAL)));
        assertTrue(!ScopedParameter.CODE_DROPOUT.appliesTo(d.withVariant(Variant.PCA)));
        assertTrue(!ScopedParameter.MOMENTUM.appliesTo(d));
        assertTrue(
                ScopedParameter.MOMENTUM.appliesTo(d.withTraining(d.training().withOptimizer(OptimizerKind.SGD))));
        assertEquals("optimizer adam", ScopedParameter.BETA1.scope());
        assertEquals("variant variational", ScopedParameter.KL_WEIGHT.scope());
    }

    @Test
    void theSummaryRecordsTheOptimiserAndDenseParametersInUse() {
        TrainerConfig d = TrainerConfig.defaults()
                .withNetwork(NetworkParams.defaults().withTiedWeights(true).withCodeDropout(0.2));
        assertEquals("true", d.asMap().get("tiedWeights"));
        assertEquals("0.2", d.asMap().get("codeDropout"));
        assertEquals("0.999", d.asMap().get("beta2"));
        assertTrue(!d.asMap().containsKey("momentum"));
        assertTrue(!d.withVariant(Variant.VARIATIONAL).asMap().containsKey("tiedWeights"));
        TrainerConfig sgd =
                d.withTraining(d.training().withOptimizer(OptimizerKind.SGD).withMomentum(0.7));
        assertEquals("0.7", sgd.asMap().get("momentum"));
    }

    @Test
    void unknownVariantListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variant.parse("gan"));
        assertTrue(e.getMessage().contains("undercomplete, denoising, sparse, contractive, variational, deep, pca"));
    }

    @Test
    void targetFalseAlarmRateSetsTheQuantile() {
        assertEquals(
                0.999, ScoringParams.defaults().withTargetFalseAlarmRate(0.001).thresholdQuantile(), 1e-12);
    }

    @Test
    void overcompleteCodeIsRefusedWithoutRegulariser() {
        TrainerConfig plain = TrainerConfig.defaults()
                .withNetwork(NetworkParams.defaults().withWindow(1).withLayers(12, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.resolve(plain, 8));
        assertTrue(e.getMessage().startsWith("layers: code size 10 >= input width 8 (overcomplete)"), e.getMessage());
        TrainerConfig sparse = plain.withVariant(Variant.SPARSE);
        assertEquals(10, Architecture.resolve(sparse, 8).codeSize());
        TrainerConfig unregularised =
                sparse.withSparsity(VariantParams.Sparsity.defaults().withWeight(0));
        assertThrows(IllegalArgumentException.class, () -> Architecture.resolve(unregularised, 8));
    }

    @Test
    void univariateDataGetsAWindowByDefault() {
        Architecture arch = Architecture.resolve(TrainerConfig.defaults(), 1);
        assertEquals(16, arch.window());
        assertTrue(arch.codeSize() < arch.width());
        assertEquals(3, Architecture.resolve(TrainerConfig.defaults(), 19).window());
    }

    @Test
    void theDefaultEncoderHasTwoHiddenLayersFromFortyInputsUp() {
        TrainerConfig defaults = TrainerConfig.defaults();
        assertArrayEquals(
                new int[] {43, 29, 14}, Architecture.resolve(defaults, 19).encoderWidths(), "ASD: 19 x 3");
        assertArrayEquals(
                Architecture.resolve(defaults.withVariant(Variant.DEEP), 19).encoderWidths(),
                Architecture.resolve(defaults, 19).encoderWidths(),
                "the layout of the deep variant");
        assertArrayEquals(new int[] {20, 10}, Architecture.resolve(defaults, 13).encoderWidths(), "39 inputs");
        assertArrayEquals(new int[] {8, 4}, Architecture.resolve(defaults, 5).encoderWidths(), "the pump: 5 x 3");
        assertArrayEquals(new int[] {8, 4}, Architecture.resolve(defaults, 1).encoderWidths(), "univariate: 16");
        TrainerConfig denoising = defaults.withVariant(Variant.DENOISING);
        assertEquals(2, Architecture.resolve(denoising, 19).encoderWidths().length, "other variants keep one");
    }

    private static void assertMessageStartsWith(String prefix, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
