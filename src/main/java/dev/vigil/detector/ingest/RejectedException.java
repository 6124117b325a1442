package dev.vigil.detector.ingest;

import dev.vigil.detector.events.RejectReason;

/** Thrown by decoders and validators; carries the {@link Rejection}. */
public final class RejectedException extends Exception {
    private final transient Rejection rejection;

    RejectedException(Rejection rejection) {
        super(rejection.reason() + ": " + rejection.message(), rejection.cause());
        this.rejection = rejection;
    }

    /** Shorthand for {@code Rejection.of(reason, message).toException()}. */
    public static RejectedException of(RejectReason reason, String message) {
        return Rejection.of(reason, message).toException();
    }

    /** Shorthand for a rejection caused by {@code cause}. */
    public static RejectedException of(RejectReason reason, String message, Throwable cause) {
        return new Rejection(reason, message, cause).toException();
    }

    /** The rejection. */
    public Rejection rejection() {
        return rejection;
    }
}
