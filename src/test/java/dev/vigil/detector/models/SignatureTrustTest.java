package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.TestBundles;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A detector holding a signed v1 with a public key configured: signature refusals go through
 * {@link SignatureTrust} with the verifier's reason, and the old model keeps serving after each.
 * (The other refusal reasons are pinned by BundleValidatorTest.)
 */
class SignatureTrustTest {
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
        holder.apply(signed(TestBundles.gain("g", 1, 0.5f)));
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

    @Test
    void aNewerValidSignedBundleIsSwappedIn() throws Exception {
        holder.apply(signed(TestBundles.gain("g", 2, 0.75f)));

        assertEquals(2L, holder.current().orElseThrow().version());
    }

    @Test
    void flippedWeightBytesAfterSigningAreRefusedBeforeLoading() {
        ModelBundle signed = signed(TestBundles.gain("g", 2, 0.75f));
        ModelBundle flipped = TestBundles.withFlippedWeights(signed, 0.75f);
        flipped.setKeyId(signed.getKeyId());
        flipped.setSignature(signed.getSignature());

        assertRefused(RefusalReason.UNTRUSTED, flipped);
    }

    @Test
    void aBadSignatureIsRefused() {
        ModelBundle tampered = signed(TestBundles.gain("g", 2, 0.75f));
        tampered.getThresholds().setAnomaly(1e9);

        assertRefused(RefusalReason.UNTRUSTED, tampered);
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertRefused(RefusalReason.UNTRUSTED, TestBundles.gain("g", 2, 0.75f));
    }

    @Test
    void aBundleSignedByAnUnknownKeyIsRefused() {
        ModelBundle foreign = BundleSigning.sign(TestBundles.gain("g", 2, 0.75f), SigningKeys.generate());

        assertRefused(RefusalReason.UNTRUSTED, foreign);
    }

    @Test
    void anOlderVersionIsRefusedUnlessItIsARollback() throws Exception {
        holder.apply(signed(TestBundles.gain("g", 3, 0.75f)));
        refusals.clear();

        BundleRefusedException stale =
                assertThrows(BundleRefusedException.class, () -> holder.apply(signed(TestBundles.gain("g", 2, 0.6f))));
        assertEquals(RefusalReason.STALE_VERSION, stale.reason());

        ModelBundle rollback = TestBundles.gain("g", 1, 0.5f);
        rollback.setRollback(true);
        holder.apply(signed(rollback));
        assertEquals(1L, holder.current().orElseThrow().version());
    }

    @Test
    void refusalMessagesNameTheSignatureProblem() {
        BundleRefusedException refused =
                assertThrows(BundleRefusedException.class, () -> holder.apply(TestBundles.gain("g", 2, 0.75f)));

        assertTrue(refused.getMessage().contains("UNSIGNED"), refused.getMessage());
    }
}
