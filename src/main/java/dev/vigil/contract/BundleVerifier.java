package dev.vigil.contract;

import dev.vigil.contract.avro.ModelBundle;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks that a bundle is intact and signed by a trusted Ed25519 key. Checks run in order and stop
 * at the first failure: sha256 of the ONNX bytes, presence of a signature, known key id, signature.
 * Thread-safe; a verifier trusting several keys allows key rotation.
 */
public final class BundleVerifier implements Predicate<ModelBundle> {
    private final Map<String, PublicKey> trusted;

    private BundleVerifier(Map<String, PublicKey> trusted) {
        this.trusted = Map.copyOf(trusted);
    }

    /** A verifier trusting every key in {@code keys}; at least one key is required. */
    public static BundleVerifier trusting(Collection<PublicKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a bundle verifier needs at least one trusted public key");
        }
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(SigningKeys.keyId(key), key));
        return new BundleVerifier(byId);
    }

    /** The ids of the trusted keys. */
    public Set<String> trustedKeyIds() {
        return trusted.keySet();
    }

    /** Checks {@code bundle}; never throws for a bad bundle, it says why in the result. */
    public SignatureCheck check(ModelBundle bundle) {
        String name = "bundle " + bundle.getGroup() + " v" + bundle.getVersion();
        SignatureCheck integrity = checkSha256(bundle, name);
        if (!integrity.valid()) {
            return integrity;
        }
        if (bundle.getSignature() == null || bundle.getKeyId() == null) {
            return new SignatureCheck(SignatureCheck.Status.UNSIGNED, name + " is not signed");
        }
        PublicKey key = trusted.get(bundle.getKeyId());
        if (key == null) {
            return new SignatureCheck(
                    SignatureCheck.Status.UNKNOWN_KEY,
                    name + " is signed by key " + bundle.getKeyId() + ", not one of the trusted " + trusted.keySet());
        }
        return verifies(key, bundle)
                ? new SignatureCheck(SignatureCheck.Status.VALID, name + " is signed by key " + bundle.getKeyId())
                : new SignatureCheck(
                        SignatureCheck.Status.BAD_SIGNATURE,
                        name + ": signature does not verify under key " + bundle.getKeyId()
                                + " (altered after signing?)");
    }

    /** True when {@link #check} finds the bundle valid. */
    @Override
    public boolean test(ModelBundle bundle) {
        return check(bundle).valid();
    }

    /** Checks only that {@code sha256} matches the ONNX bytes, as a detector without keys still does. */
    public static SignatureCheck checkSha256(ModelBundle bundle, String name) {
        String actual = BundleSigning.sha256Hex(bundle.getOnnx());
        return actual.equalsIgnoreCase(bundle.getSha256())
                ? new SignatureCheck(SignatureCheck.Status.VALID, name + " sha256 matches")
                : new SignatureCheck(
                        SignatureCheck.Status.SHA256_MISMATCH,
                        name + ": sha256 field " + bundle.getSha256() + " does not match the ONNX bytes (" + actual
                                + ")");
    }

    private static boolean verifies(PublicKey key, ModelBundle bundle) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(BundleSigning.signedPayload(bundle));
            return signature.verify(bytes(bundle.getSignature()));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
