package dev.vigil.ops;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's status listener in {@code logback.xml}: prints logback's own warnings and errors (a {@code
 * LOG_FORMAT} that names no appender: "No appenders present") to stderr, except the expected one
 * that the appender {@code LOG_FORMAT} did not choose is not referenced. Without a listener logback
 * would print its whole start-up status because of that warning.
 */
public final class LogbackErrorsOnly implements StatusListener {
    private static final String UNUSED_APPENDER = "not referenced. Skipping further processing.";

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN && !status.getMessage().endsWith(UNUSED_APPENDER)) {
            System.err.println("logback: " + status);
        }
    }
}
