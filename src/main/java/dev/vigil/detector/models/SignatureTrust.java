package dev.vigil.detector.models;

import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SignatureCheck;
import dev.vigil.contract.SigningKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector's trust policy from its configuration. Under {@code model.trust=signed} only bundles
 * whose Ed25519 signature verifies under a key of {@code model.trusted.keys} are trusted (the refusal
 * names the reason: unsigned, unknown key, bad signature, sha256 mismatch). Under {@code
 * model.trust=any} unsigned bundles are trusted too, a signed one must still verify when keys are
 * given, and a loud warning is logged once at start-up.
 */
public final class SignatureTrust {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureTrust.class);

    /** Why the detector refuses to start under the default policy without keys. */
    public static final String NO_KEYS = "model.trust=signed (the default) needs model.trusted.keys: set"
            + " model.trusted.keys to the public key file of `vigil models keygen`, or set model.trust=any to serve"
            + " unsigned bundles";

    private SignatureTrust() {}

    /**
     * Signed-only trust for the key file ({@code signedOnly}), or trust of unsigned bundles too, with
     * a warning; {@code publicKeyFile} may be empty only when not {@code signedOnly}.
     */
    public static BundleTrust fromConfig(boolean signedOnly, Optional<Path> publicKeyFile) throws IOException {
        if (publicKeyFile.isEmpty()) {
            warnUnsigned("no model.trusted.keys: any bundle on the models topic will be served");
            return BundleTrust.TRUST_ALL;
        }
        BundleVerifier verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(publicKeyFile.get()));
        LOG.info("Signed model bundles must verify under one of the keys {}", verifier.trustedKeyIds());
        if (signedOnly) {
            return of(verifier);
        }
        warnUnsigned("unsigned bundles will be served too");
        return orUnsigned(verifier);
    }

    private static void warnUnsigned(String what) {
        LOG.warn(
                "*** MODEL SIGNATURES ARE NOT REQUIRED (model.trust=any): {}. Use model.trust=signed with"
                        + " model.trusted.keys in production. ***",
                what);
    }

    /** Trust of unsigned bundles, and of signed ones that {@code verifier} finds valid. */
    static BundleTrust orUnsigned(BundleVerifier verifier) {
        BundleTrust signed = of(verifier);
        return bundle -> verifier.check(bundle).status() == SignatureCheck.Status.UNSIGNED
                ? Optional.empty()
                : signed.distrust(bundle);
    }

    /** Trust that refuses whatever {@code verifier} does not find valid, with its reason. */
    public static BundleTrust of(BundleVerifier verifier) {
        return bundle -> {
            SignatureCheck check = verifier.check(bundle);
            return check.valid() ? Optional.empty() : Optional.of(check.status() + ": " + check.message());
        };
    }
}
