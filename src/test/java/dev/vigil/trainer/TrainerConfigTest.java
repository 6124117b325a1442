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
        assertEquals(0.995, c.thresholdQuantile());
        assertEquals(0, c.window());
        assertEquals(0, c.layers().length);
    }

    @Test
    void invalidValuesFailNamingTheParameter() {
        assertMessageStartsWith(
                "epochs:", () -> TrainerConfig.builder().epochs(0).build());
        assertMessageStartsWith(
                "learningRate:", () -> TrainerConfig.builder().learningRate(-1).build());
        assertMessageStartsWith(
                "thresholdQuantile:",
                () -> TrainerConfig.builder().thresholdQuantile(1.2).build());
        assertMessageStartsWith(
                "validationSplit:",
                () -> TrainerConfig.builder().validationSplit(0).build());
        assertMessageStartsWith(
                "layers:", () -> TrainerConfig.builder().layers(8, 0).build());
        assertMessageStartsWith(
                "batchSize:", () -> TrainerConfig.builder().batchSize(0).build());
        assertMessageStartsWith(
                "window:", () -> TrainerConfig.builder().window(-1).build());
        assertMessageStartsWith(
                "optimizer:", () -> TrainerConfig.builder().optimizer("rmsprop").build());
    }

    @Test
    void unknownVariantListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainerConfig.builder().variant("gan").build());
        assertTrue(e.getMessage().contains("undercomplete, denoising, sparse, contractive, variational, deep, pca"));
    }

    @Test
    void targetFalseAlarmRateSetsTheQuantile() {
        assertEquals(
                0.999,
                TrainerConfig.builder().targetFalseAlarmRate(0.001).build().thresholdQuantile(),
                1e-12);
    }

    @Test
    void overcompleteCodeIsRefusedWithoutRegulariser() {
        TrainerConfig plain = TrainerConfig.builder().window(1).layers(12, 10).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.resolve(plain, 8));
        assertTrue(e.getMessage().startsWith("layers: code size 10 >= input width 8 (overcomplete)"), e.getMessage());
        TrainerConfig sparse = TrainerConfig.builder()
                .variant("sparse")
                .window(1)
                .layers(12, 10)
                .build();
        assertEquals(10, Architecture.resolve(sparse, 8).codeSize());
        TrainerConfig unregularised = TrainerConfig.builder()
                .variant("sparse")
                .sparsityWeight(0)
                .window(1)
                .layers(12, 10)
                .build();
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
                Architecture.resolve(defaults.toBuilder().variant("deep").build(), 19)
                        .encoderWidths(),
                Architecture.resolve(defaults, 19).encoderWidths(),
                "the layout of the deep variant");
        assertArrayEquals(new int[] {20, 10}, Architecture.resolve(defaults, 13).encoderWidths(), "39 inputs");
        assertArrayEquals(new int[] {8, 4}, Architecture.resolve(defaults, 5).encoderWidths(), "the pump: 5 x 3");
        assertArrayEquals(new int[] {8, 4}, Architecture.resolve(defaults, 1).encoderWidths(), "univariate: 16");
        TrainerConfig denoising = defaults.toBuilder().variant("denoising").build();
        assertEquals(2, Architecture.resolve(denoising, 19).encoderWidths().length, "other variants keep one");
    }

    private static void assertMessageStartsWith(String prefix, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
