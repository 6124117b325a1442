package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.testkit.TestBundles;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every refusal reason, each from a real ONNX Runtime session where one is involved. */
class BundleValidatorTest {
    private static final BundleValidator VALIDATOR = new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-3);
    private static final ModelInfo CURRENT = ModelInfo.of(TestBundles.linear(5));

    private static RefusalReason refusal(BundleValidator validator, ModelBundle bundle, ModelInfo current) {
        return assertThrows(BundleRefusedException.class, () -> validator.validate(bundle, current))
                .reason();
    }

    private static RefusalReason refusal(ModelBundle bundle) {
        return refusal(VALIDATOR, bundle, null);
    }

    private static ModelBundle withOnnx(ModelBundle bundle, byte[] onnx) {
        ModelBundle copy =
                ModelBundle.newBuilder(bundle).setOnnx(ByteBuffer.wrap(onnx)).build();
        copy.setSha256(BundleValidator.sha256(copy));
        return copy;
    }

    private static byte[] onnx(ModelBundle bundle) {
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        return bytes;
    }

    /** Replaces every stored float {@code from} (little-endian raw data) with {@code to}. */
    private static byte[] replaceFloat(byte[] onnx, float from, float to) {
        byte[] pattern = ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(from)
                .array();
        byte[] replacement = ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(to)
                .array();
        byte[] out = onnx.clone();
        int replaced = 0;
        for (int i = 0; i + 4 <= out.length; i++) {
            if (Arrays.equals(out, i, i + 4, pattern, 0, 4)) {
                System.arraycopy(replacement, 0, out, i, 4);
                replaced++;
            }
        }
        assertEquals(true, replaced > 0, "the weight was found");
        return out;
    }

    @Test
    void aGoodBundleLoadsAndItsSessionCanBeReleased() throws Exception {
        OnnxModel model = VALIDATOR.validate(TestBundles.linear(6), CURRENT);
        assertEquals(6L, model.info().version());
        model.release();
        assertEquals(true, model.isClosed());
    }

    @Test
    void anUntrustedBundleIsRefused() {
        var validator = new BundleValidator(BundleTrust.of(bundle -> false), Set.of(), 1e-3);
        assertEquals(RefusalReason.UNTRUSTED, refusal(validator, TestBundles.linear(1), null));
    }

    @Test
    void aWrongSha256IsRefused() {
        ModelBundle bundle = TestBundles.linear(1);
        bundle.setSha256("00".repeat(32));
        assertEquals(RefusalReason.SHA256_MISMATCH, refusal(bundle));
    }

    @Test
    void aTruncatedOnnxModelIsRefusedBeforeTheLoader() {
        ModelBundle bundle = TestBundles.linear(1);
        byte[] onnx = onnx(bundle);
        assertEquals(RefusalReason.ONNX_MALFORMED, refusal(withOnnx(bundle, Arrays.copyOf(onnx, onnx.length / 2))));
    }

    @Test
    void aSafeModelOnnxRuntimeCannotLoadIsRefusedByTheLoader() {
        ModelBundle bundle = TestBundles.withEditedOnnx(TestBundles.linear(1), model -> {
            model.getGraphBuilder().getNodeBuilder(0).setOpType("NoSuchOperator");
            return model;
        });
        assertEquals(RefusalReason.LOAD_FAILED, refusal(bundle));
    }

    @Test
    void flippedWeightBytesThatScoreInfinityAreRefused() {
        ModelBundle bundle = TestBundles.linear(1);
        byte[] flipped = replaceFloat(onnx(bundle), 1.0f / 3, Float.intBitsToFloat(0x7F800000));
        assertEquals(RefusalReason.PROBE_NON_FINITE, refusal(withOnnx(bundle, flipped)));
    }

    @Test
    void byteSwappedWeightsThatLoadSilentlyAreCaughtByTheProbe() {
        ModelBundle bundle = TestBundles.linear(1);
        float third = 1.0f / 3;
        float swapped = Float.intBitsToFloat(Integer.reverseBytes(Float.floatToIntBits(third)));
        assertEquals(
                RefusalReason.PROBE_MISMATCH, refusal(withOnnx(bundle, replaceFloat(onnx(bundle), third, swapped))));
    }

    @Test
    void otherFeatureNamesOrWindowThanTheRunningModelAreRefused() {
        var renamed = TestBundles.linear("pumps", 6, List.of("a", "b", "c"), 1);
        var longer = TestBundles.linear("pumps", 6, TestBundles.FEATURES, 2);
        assertEquals(RefusalReason.LAYOUT_MISMATCH, refusal(VALIDATOR, renamed, CURRENT));
        assertEquals(RefusalReason.LAYOUT_MISMATCH, refusal(VALIDATOR, longer, CURRENT));
    }

    @Test
    void featuresTheMappingCannotSupplyAreRefused() {
        var validator = new BundleValidator(BundleTrust.TRUST_ALL, Set.of("temp", "pressure"), 1e-3);
        assertEquals(RefusalReason.LAYOUT_MISMATCH, refusal(validator, TestBundles.linear(1), null));
    }

    @Test
    void anOlderOrEqualVersionIsRefusedUnlessItIsARollback() throws Exception {
        assertEquals(RefusalReason.STALE_VERSION, refusal(VALIDATOR, TestBundles.linear(5), CURRENT));
        ModelBundle rollback = TestBundles.linear(4);
        rollback.setRollback(true);
        VALIDATOR.validate(rollback, CURRENT).release();
    }

    @Test
    void aProbeOfTheWrongSizeIsMalformed() {
        ModelBundle bundle = TestBundles.linear(1);
        bundle.setProbe(new Probe(2, List.of(1f, 2f), List.of(0.0, 0.0)));
        assertEquals(RefusalReason.MALFORMED, refusal(bundle));
    }

    @Test
    void aGraphWhoseInputWidthDiffersFromTheFeaturesIsAContractMismatch() {
        ModelBundle bundle = TestBundles.linear(1);
        var probe = bundle.getProbe();
        bundle.setFeatureNames(List.of("temp", "pressure", "flow", "level"));
        bundle.setProbe(
                new Probe(6, probe.getInputs().subList(0, 24), probe.getScores().subList(0, 6)));
        assertEquals(RefusalReason.CONTRACT_MISMATCH, refusal(bundle));
    }
}
