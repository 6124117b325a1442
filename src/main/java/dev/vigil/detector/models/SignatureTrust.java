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
 * The detector's trust policy from its configuration: with a public key file, only bundles whose
 * Ed25519 signature verifies under one of its keys are trusted (the refusal names the reason:
 * unsigned, unknown key, bad signature, sha256 mismatch); without one, every bundle is trusted and a
 * loud warning is logged once at start-up.
 */
public final class SignatureTrust {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureTrust.class);

    private SignatureTrust() {}

    /** Trust for the public key file, or trust-all with a warning when {@code publicKeyFile} is empty. */
    public static BundleTrust fromConfig(Optional<Path> publicKeyFile) throws IOException {
        if (publicKeyFile.isEmpty()) {
            LOG.warn("*** MODEL SIGNATURES ARE NOT CHECKED: no public key is configured, so any bundle on the models"
                    + " topic will be served. Configure the key from `vigil models keygen` in production. ***");
            return BundleTrust.TRUST_ALL;
        }
        BundleVerifier verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(publicKeyFile.get()));
        LOG.info("Model bundles must be signed by one of the keys {}", verifier.trustedKeyIds());
        return of(verifier);
    }

    /** Trust that refuses whatever {@code verifier} does not find valid, with its reason. */
    public static BundleTrust of(BundleVerifier verifier) {
        return bundle -> {
            SignatureCheck check = verifier.check(bundle);
            return check.valid() ? Optional.empty() : Optional.of(check.status() + ": " + check.message());
        };
    }
}
