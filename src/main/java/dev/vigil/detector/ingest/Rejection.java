package dev.vigil.detector.ingest;

import dev.vigil.detector.events.RejectReason;

/**
 * A record the pipeline refuses, with a reason code and a message naming the problem.
 *
 * @param reason the reason code (and stage)
 * @param message human-readable detail
 * @param cause the exception behind it, or null for a plain validation failure
 */
public record Rejection(RejectReason reason, String message, Throwable cause) {
    /** A rejection without an underlying exception. */
    public static Rejection of(RejectReason reason, String message) {
        return new Rejection(reason, message, null);
    }

    /** Wraps this rejection in an exception, for code paths that signal it by throwing. */
    public RejectedException toException() {
        return new RejectedException(this);
    }
}
