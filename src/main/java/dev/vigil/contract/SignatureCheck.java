package dev.vigil.contract;

/**
 * The outcome of checking a bundle's integrity and signature: {@link Status#VALID} or the reason
 * it was refused, with a message naming the bundle.
 *
 * @param status what was found
 * @param message a sentence for logs and refusal events
 */
public record SignatureCheck(Status status, String message) {
    /** Why a bundle passed or failed the check. */
    public enum Status {
        /** SHA-256 matches and the signature verifies under a trusted key. */
        VALID,
        /** The {@code sha256} field does not match the ONNX bytes. */
        SHA256_MISMATCH,
        /** No signature or no key id, while trusted keys are configured. */
        UNSIGNED,
        /** The key id names no trusted key. */
        UNKNOWN_KEY,
        /** The signature does not verify: the bundle was altered after signing, or signed by another key. */
        BAD_SIGNATURE
    }

    /** True when the bundle may be used. */
    public boolean valid() {
        return status == Status.VALID;
    }
}
