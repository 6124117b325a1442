package dev.vigil.detector.models;

/** A bundle failed validation; the reason says which check. */
public final class BundleRefusedException extends Exception {
    private final RefusalReason reason;

    public BundleRefusedException(RefusalReason reason, String message) {
        this(reason, message, null);
    }

    public BundleRefusedException(RefusalReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Which check failed. */
    public RefusalReason reason() {
        return reason;
    }
}
