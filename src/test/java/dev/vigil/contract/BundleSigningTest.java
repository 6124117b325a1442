package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.SignatureCheck.Status;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSigningTest {
    private static final KeyPair SIGNER = SigningKeys.generate();
    private static final BundleVerifier VERIFIER = BundleVerifier.trusting(List.of(SIGNER.getPublic()));

    @TempDir
    Path dir;

    @Test
    void aSignedBundleVerifiesAfterAFileRoundTrip() throws Exception {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        BundleFiles.write(signed, dir.resolve("m.bundle"));

        SignatureCheck check = VERIFIER.check(BundleFiles.read(dir.resolve("m.bundle")));

        assertEquals(Status.VALID, check.status(), check.message());
        assertEquals(SigningKeys.keyId(SIGNER.getPublic()), signed.getKeyId());
    }

    @Test
    void aFlippedOnnxByteIsRefusedAsSha256Mismatch() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        signed.getOnnx().put(100, (byte) (signed.getOnnx().get(100) ^ 0x01));

        assertEquals(Status.SHA256_MISMATCH, VERIFIER.check(signed).status());
    }

    @Test
    void aFlippedOnnxByteWithARecomputedSha256IsRefusedAsBadSignature() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        signed.getOnnx().put(100, (byte) (signed.getOnnx().get(100) ^ 0x01));
        signed.setSha256(BundleSigning.sha256Hex(signed.getOnnx()));

        assertEquals(Status.BAD_SIGNATURE, VERIFIER.check(signed).status());
    }

    @Test
    void alteredMetadataIsRefusedAsBadSignature() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        signed.getThresholds().setAnomaly(99.0);

        SignatureCheck check = VERIFIER.check(signed);

        assertEquals(Status.BAD_SIGNATURE, check.status());
        assertTrue(check.message().contains("g v1"), check.message());
    }

    @Test
    void settingTheRollbackFlagAfterSigningIsRefused() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        signed.setRollback(true);

        assertEquals(Status.BAD_SIGNATURE, VERIFIER.check(signed).status());
    }

    @Test
    void anUnsignedBundleIsRefusedWhenKeysAreConfigured() {
        assertEquals(
                Status.UNSIGNED, VERIFIER.check(TestBundles.random("g", 1, 1)).status());
    }

    @Test
    void aBundleSignedByAnotherKeyIsRefusedAsUnknownKey() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SigningKeys.generate());

        assertEquals(Status.UNKNOWN_KEY, VERIFIER.check(signed).status());
    }

    @Test
    void aStolenKeyIdWithAnotherKeysSignatureIsRefusedAsBadSignature() {
        ModelBundle forged = BundleSigning.sign(TestBundles.random("g", 1, 1), SigningKeys.generate());
        forged.setKeyId(SigningKeys.keyId(SIGNER.getPublic()));

        assertEquals(Status.BAD_SIGNATURE, VERIFIER.check(forged).status());
    }

    @Test
    void theSignatureDoesNotDependOnTheOrderOfTheTrainingConfigMap() {
        ModelBundle signed = BundleSigning.sign(TestBundles.random("g", 1, 1), SIGNER);
        Map<String, String> reversed = new LinkedHashMap<>();
        new TreeMap<>(signed.getTraining().getConfig()).descendingMap().forEach(reversed::put);
        signed.getTraining().setConfig(reversed);

        assertTrue(VERIFIER.test(signed));
    }

    @Test
    void signingRefusesABundleWhoseSha256DoesNotMatch() {
        ModelBundle bundle = TestBundles.random("g", 1, 1);
        bundle.setSha256("00");

        assertThrows(IllegalArgumentException.class, () -> BundleSigning.sign(bundle, SIGNER));
    }

    @Test
    void signingLeavesTheOriginalBundleUntouched() {
        ModelBundle bundle = TestBundles.random("g", 1, 1);
        ModelBundle signed = BundleSigning.sign(bundle, SIGNER);

        assertNotNull(signed.getSignature());
        assertEquals(null, bundle.getSignature());
        assertEquals(
                ByteBuffer.wrap(BundleFiles.encode(bundle)),
                ByteBuffer.wrap(BundleFiles.encode(BundleSigning.unsigned(signed))));
    }

    @Test
    void keyFilesRoundTripAndTheirPublicKeysVerify() throws Exception {
        KeyPair pair = SigningKeys.generate();
        SigningKeys.writePair(pair, dir);

        KeyPair read = SigningKeys.readPair(dir.resolve(SigningKeys.PRIVATE_FILE));
        BundleVerifier fromFile =
                BundleVerifier.trusting(SigningKeys.readPublicKeys(dir.resolve(SigningKeys.PUBLIC_FILE)));

        assertTrue(fromFile.test(BundleSigning.sign(TestBundles.random("g", 3, 3), read)));
        assertTrue(Files.readString(dir.resolve(SigningKeys.PUBLIC_FILE)).startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void keygenRefusesToOverwriteASigningKey() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), dir);

        assertThrows(java.io.IOException.class, () -> SigningKeys.writePair(SigningKeys.generate(), dir));
    }

    @Test
    void aSigningKeyFileWithoutItsPublicKeyIsRefusedWithAHint() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), dir);
        Path key = dir.resolve(SigningKeys.PRIVATE_FILE);
        String content = Files.readString(key);
        Files.writeString(key, content.substring(0, content.indexOf("-----BEGIN PUBLIC KEY")));

        var error = assertThrows(java.io.IOException.class, () -> SigningKeys.readPair(key));
        assertTrue(error.getMessage().contains("openssl pkey"), error.getMessage());
    }

    @Test
    void anEmptyTrustSetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BundleVerifier.trusting(List.of()));
        assertFalse(VERIFIER.trustedKeyIds().isEmpty());
    }
}
