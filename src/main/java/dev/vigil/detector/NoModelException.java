package dev.vigil.detector;

/** The detector found no bundle it may serve at start-up; the message names where it looked and why each failed. */
public final class NoModelException extends IllegalStateException {
    NoModelException(String message) {
        super(message);
    }
}
