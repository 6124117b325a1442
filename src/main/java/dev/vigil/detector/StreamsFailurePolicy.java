package dev.vigil.detector;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an exception escapes a stream thread ({@code streams.uncaught.exception.policy}):
 * {@code shutdown} stops the whole client (state ERROR, the detector exits 70 and its orchestrator
 * restarts it), {@code replace.thread} starts a new thread in place of the dead one. Either way the
 * cause is logged and kept by {@link StreamsHealth}.
 */
final class StreamsFailurePolicy implements StreamsUncaughtExceptionHandler {
    static final String SHUTDOWN = "shutdown";
    static final String REPLACE_THREAD = "replace.thread";
    private static final Logger LOG = LoggerFactory.getLogger(StreamsFailurePolicy.class);

    private final StreamThreadExceptionResponse response;
    private final StreamsHealth health;

    StreamsFailurePolicy(String policy, StreamsHealth health) {
        this.response = REPLACE_THREAD.equals(policy)
                ? StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        this.health = health;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("A stream thread died; policy {}", response, exception);
        if (response == StreamThreadExceptionResponse.SHUTDOWN_CLIENT) {
            health.causedBy(exception);
        }
        return response;
    }
}
