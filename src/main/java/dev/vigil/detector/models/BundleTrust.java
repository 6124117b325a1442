package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a bundle comes from a trusted publisher (Ed25519 signature over the bundle with
 * {@code signature} null, implemented in the contract). Runs first in {@link BundleValidator}.
 */
@FunctionalInterface
public interface BundleTrust {
    /** Trusts every bundle; the detector warns loudly at start-up when it runs with this. */
    BundleTrust TRUST_ALL = bundle -> Optional.empty();

    /** Empty when {@code bundle} is trusted, else why not. */
    Optional<String> distrust(ModelBundle bundle);

    /** A trust policy from a predicate; a refused bundle is reported as a failed signature check. */
    static BundleTrust of(Predicate<ModelBundle> trusted) {
        return bundle -> trusted.test(bundle) ? Optional.empty() : Optional.of("signature missing or invalid");
    }
}
