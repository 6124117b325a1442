package dev.vigil.detector.models;

/** Why a bundle was not put into service. */
public enum RefusalReason {
    /** The trust policy (signature check) refused it. */
    UNTRUSTED,
    /** The ONNX bytes do not hash to the bundle's sha256. */
    SHA256_MISMATCH,
    /** The version is not newer than the one in use and the bundle is not a rollback. */
    STALE_VERSION,
    /** Feature names or window do not fit the running topology. */
    LAYOUT_MISMATCH,
    /** Fields are inconsistent (probe sizes, scaler sizes, thresholds). */
    MALFORMED,
    /** ONNX Runtime could not load the model (truncated or corrupt bytes). */
    LOAD_FAILED,
    /** Inputs or outputs lack the contract's names, types or shapes. */
    CONTRACT_MISMATCH,
    /** The probe batch scored NaN or infinity (e.g. flipped weight bytes). */
    PROBE_NON_FINITE,
    /** The probe batch scored differently from the scores recorded at training. */
    PROBE_MISMATCH
}
