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
    /** ONNX Runtime could not load the model, although its bytes parse as ONNX and pass the safety checks. */
    LOAD_FAILED,
    /** Inputs or outputs lack the contract's names, types or shapes. */
    CONTRACT_MISMATCH,
    /** The probe batch scored NaN or infinity (e.g. flipped weight bytes). */
    PROBE_NON_FINITE,
    /** The probe batch scored differently from the scores recorded at training. */
    PROBE_MISMATCH,
    /** A record of a bundle source (the models topic) does not decode as a bundle; it has no group or version. */
    UNREADABLE,
    /** The ONNX bytes do not parse as an ONNX model (truncated or corrupt); found before ONNX Runtime sees them. */
    ONNX_MALFORMED,
    /** The ONNX model exceeds {@code model.max.onnx.bytes}, {@code model.max.nodes} or {@code model.max.initializer.bytes}. */
    ONNX_TOO_LARGE,
    /** A tensor keeps its data in a file outside the model (external data): refused before anything reads it. */
    ONNX_EXTERNAL_DATA,
    /** A node uses an operator domain other than the standard ONNX ones ({@code ""}, {@code ai.onnx}, {@code ai.onnx.ml}). */
    ONNX_CUSTOM_DOMAIN
}
