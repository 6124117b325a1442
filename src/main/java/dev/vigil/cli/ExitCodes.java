package dev.vigil.cli;

/**
 * Every exit status of {@code vigil}, in one place (docs/OPERATIONS.md, "Exit codes"). An orchestrator
 * restarts on any non-zero status; the number says why, so a crash loop can be told from a typo.
 */
public final class ExitCodes {
    /** The command finished its work (batch commands), or a service stopped when asked. */
    public static final int OK = 0;
    /** An unexpected error: picocli printed the stack trace. */
    public static final int FAILURE = 1;
    /** Bad usage or configuration: unknown option or key, invalid value, {@code model.trust} without keys. */
    public static final int USAGE = 2;
    /** {@code vigil evaluate}: test rows went unscored or to the dead-letter topic (not {@code --allow-dead-letters}). */
    public static final int UNSCORED = 3;
    /** The detector has no model it may serve: none found, or the configured bundle was refused. */
    public static final int NO_MODEL = 4;
    /** The detector's Kafka Streams client failed for good (state ERROR, or stopped unasked); see the log. */
    public static final int STREAMS_FAILED = 70;
    /** The trainer service's worker thread died of an unexpected error; see the log. */
    public static final int TRAINER_FAILED = 71;
    /** Stopped by SIGTERM or SIGINT after a clean shutdown (128 + 15, the shell convention). */
    public static final int SIGTERM = 143;

    private ExitCodes() {}
}
