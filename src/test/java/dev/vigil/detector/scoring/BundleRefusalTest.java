package dev.vigil.detector.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.DetectorEvents;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every reason a detector refuses a bundle, each with the old model still serving afterwards. */
class BundleRefusalTest {
    private static final KeyPair SIGNER = SigningKeys.generate();

    private final List<String> refusals = new ArrayList<>();
    private final DetectorEvents events = new DetectorEvents() {
        @Override
        public void modelRefused(String group, long version, String reason, String message) {
            refusals.add(reason);
        }
    };
    private ModelHolder holder;

    @BeforeEach
    void serveVersionOne() throws Exception {
        BundleTrust trust = SignatureTrust.of(BundleVerifier.trusting(List.of(SIGNER.getPublic())));
        holder = new ModelHolder(new BundleValidator(trust, Set.of("temp", "pressure", "flow"), 1e-4), events);
        holder.apply(signed(TestModels.bundle("g", 1, 0.5f)));
    }

    @AfterEach
    void close() {
        holder.close();
    }

    private static ModelBundle signed(ModelBundle bundle) {
        return BundleSigning.sign(bundle, SIGNER);
    }

    private void assertRefused(RefusalReason reason, ModelBundle bundle) {
        BundleRefusedException refused = assertThrows(BundleRefusedException.class, () -> holder.apply(bundle));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertEquals(1L, holder.current().orElseThrow().version(), "the old model keeps serving");
        assertEquals(List.of(reason.name()), refusals);
        try (ModelLease lease = holder.acquire()) {
            assertEquals(1L, lease.info().version());
        }
    }

    private static ModelBundle withOnnx(ModelBundle bundle, byte[] onnx) {
        ModelBundle copy =
                ModelBundle.newBuilder(bundle).setOnnx(ByteBuffer.wrap(onnx)).build();
        copy.setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)));
        return copy;
    }

    @Test
    void aNewerValidSignedBundleIsSwappedIn() throws Exception {
        holder.apply(signed(TestModels.bundle("g", 2, 0.75f)));

        assertEquals(2L, holder.current().orElseThrow().version());
    }

    @Test
    void truncatedOnnxIsRefusedAsUnloadable() {
        byte[] onnx = TestModels.onnx(0.75f);
        byte[] truncated = java.util.Arrays.copyOf(onnx, onnx.length / 2);

        assertRefused(RefusalReason.LOAD_FAILED, signed(withOnnx(TestModels.bundle("g", 2, 0.75f), truncated)));
    }

    @Test
    void flippedWeightBytesThatLoadAndScoreInfinityAreRefusedByTheProbe() {
        ModelBundle flipped = TestModels.withFlippedWeights(TestModels.bundle("g", 2, 0.75f), 0.75f);

        assertRefused(RefusalReason.PROBE_NON_FINITE, signed(flipped));
    }

    @Test
    void flippedWeightBytesAfterSigningAreRefusedBeforeLoading() {
        ModelBundle signed = signed(TestModels.bundle("g", 2, 0.75f));
        ModelBundle flipped = TestModels.withFlippedWeights(signed, 0.75f);
        flipped.setKeyId(signed.getKeyId());
        flipped.setSignature(signed.getSignature());

        assertRefused(RefusalReason.UNTRUSTED, flipped);
    }

    @Test
    void wrongFeatureNamesAreRefused() {
        ModelBundle renamed = TestModels.bundle("g", 2, 0.75f);
        renamed.setFeatureNames(List.of("temp", "flow"));

        assertRefused(RefusalReason.LAYOUT_MISMATCH, signed(renamed));
    }

    @Test
    void featuresTheMappingCannotSupplyAreRefused() {
        ModelBundle unknown = TestModels.bundle("g", 2, 0.75f);
        unknown.setFeatureNames(List.of("temp", "humidity"));

        assertRefused(RefusalReason.LAYOUT_MISMATCH, signed(unknown));
    }

    @Test
    void aWrongWindowIsRefused() {
        ModelBundle windowed = TestModels.bundle("g", 2, 0.75f);
        windowed.setWindowLength(3);

        assertRefused(RefusalReason.LAYOUT_MISMATCH, signed(windowed));
    }

    @Test
    void aBadSignatureIsRefused() {
        ModelBundle tampered = signed(TestModels.bundle("g", 2, 0.75f));
        tampered.getThresholds().setAnomaly(1e9);

        assertRefused(RefusalReason.UNTRUSTED, tampered);
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertRefused(RefusalReason.UNTRUSTED, TestModels.bundle("g", 2, 0.75f));
    }

    @Test
    void aBundleSignedByAnUnknownKeyIsRefused() {
        ModelBundle foreign = BundleSigning.sign(TestModels.bundle("g", 2, 0.75f), SigningKeys.generate());

        assertRefused(RefusalReason.UNTRUSTED, foreign);
    }

    @Test
    void aProbeMismatchIsRefused() {
        ModelBundle wrongProbe = TestModels.bundle("g", 2, 0.75f);
        wrongProbe.getProbe().setScores(TestModels.scores(new float[] {20f, 1f, 24f, 1.2f, 16f, 0.9f}, 0.5f));

        assertRefused(RefusalReason.PROBE_MISMATCH, signed(wrongProbe));
    }

    @Test
    void anOlderVersionIsRefusedUnlessItIsARollback() throws Exception {
        holder.apply(signed(TestModels.bundle("g", 3, 0.75f)));
        refusals.clear();

        BundleRefusedException stale =
                assertThrows(BundleRefusedException.class, () -> holder.apply(signed(TestModels.bundle("g", 2, 0.6f))));
        assertEquals(RefusalReason.STALE_VERSION, stale.reason());

        ModelBundle rollback = TestModels.bundle("g", 1, 0.5f);
        rollback.setRollback(true);
        holder.apply(signed(rollback));
        assertEquals(1L, holder.current().orElseThrow().version());
    }

    @Test
    void refusalMessagesNameTheSignatureProblem() {
        BundleRefusedException refused =
                assertThrows(BundleRefusedException.class, () -> holder.apply(TestModels.bundle("g", 2, 0.75f)));

        assertTrue(refused.getMessage().contains("UNSIGNED"), refused.getMessage());
    }
}
