package dev.vigil.contract;

import dev.vigil.contract.avro.ModelBundle;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Signs model bundles with Ed25519 and computes what a signature covers.
 *
 * <p>The signature covers the bundle's single-object encoding ({@link BundleFiles#encode}) with
 * {@code signature} set to null, {@code keyId} set to the signer's key id, and the training
 * configuration map in key order (Avro writes maps in iteration order, so the order is fixed
 * before encoding). Every field is covered, {@code rollback} included: a signed bundle cannot be
 * replayed as a rollback without the key. The ONNX bytes are covered twice: directly and through
 * {@code sha256}, which must match them before a bundle is signed.
 */
public final class BundleSigning {
    private BundleSigning() {}

    /**
     * A copy of {@code bundle} signed with {@code signer}'s private key and naming its public key.
     *
     * @throws IllegalArgumentException if the bundle's sha256 does not match its ONNX bytes
     */
    public static ModelBundle sign(ModelBundle bundle, KeyPair signer) {
        String actual = sha256Hex(bundle.getOnnx());
        if (!actual.equals(bundle.getSha256())) {
            throw new IllegalArgumentException("refusing to sign: sha256 " + bundle.getSha256()
                    + " does not match the ONNX bytes (" + actual + ")");
        }
        ModelBundle signed = ModelBundle.newBuilder(bundle)
                .setKeyId(SigningKeys.keyId(signer.getPublic()))
                .setSignature(null)
                .build();
        signed.setSignature(ByteBuffer.wrap(ed25519Sign(signer, signedPayload(signed))));
        return signed;
    }

    /** A copy of {@code bundle} without signature and key id, e.g. before republishing unsigned. */
    public static ModelBundle unsigned(ModelBundle bundle) {
        return ModelBundle.newBuilder(bundle).setKeyId(null).setSignature(null).build();
    }

    /** The bytes a signature covers: the canonical encoding of {@code bundle} with no signature. */
    public static byte[] signedPayload(ModelBundle bundle) {
        ModelBundle copy = ModelBundle.newBuilder(bundle).setSignature(null).build();
        copy.getTraining().setConfig(new TreeMap<>(bundle.getTraining().getConfig()));
        return BundleFiles.encode(copy);
    }

    /** Hex SHA-256 of the remaining bytes of {@code onnx}, leaving its position untouched. */
    public static String sha256Hex(ByteBuffer onnx) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(onnx.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK offers no SHA-256", e);
        }
    }

    private static byte[] ed25519Sign(KeyPair signer, byte[] payload) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initSign(signer.getPrivate());
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }
}
