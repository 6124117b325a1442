package dev.vigil.detector;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the detector's Kafka Streams client can still make progress. It fails for good when the
 * client reaches {@code PENDING_ERROR} or {@code ERROR}, or {@code PENDING_SHUTDOWN}/{@code
 * NOT_RUNNING} although nobody asked it to stop; the first failure is kept with its cause (from the
 * uncaught-exception handler) and the failure action runs once. Thread-safe.
 */
public final class StreamsHealth implements KafkaStreams.StateListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsHealth.class);

    private final Runnable onFailure;
    private volatile State state = State.CREATED;
    private volatile boolean stopRequested;
    private volatile Throwable cause;
    private volatile String failure;

    /** Health that runs {@code onFailure} (on a Kafka Streams thread; it must not block) on the first failure. */
    public StreamsHealth(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void onChange(State newState, State oldState) {
        state = newState;
        if (failure == null && isFailure(newState)) {
            failure = "kafka streams is " + newState + (cause == null ? "" : ", cause: " + cause);
            LOG.error("Kafka Streams failed for good ({} -> {}): the detector will exit", oldState, newState, cause);
            onFailure.run();
        }
    }

    private boolean isFailure(State newState) {
        return switch (newState) {
            case PENDING_ERROR, ERROR -> true;
            case PENDING_SHUTDOWN, NOT_RUNNING -> !stopRequested;
            default -> false;
        };
    }

    /** Records the exception that made a stream thread die, for the failure message. */
    void causedBy(Throwable exception) {
        if (cause == null) {
            cause = exception;
        }
    }

    /** Marks the coming shutdown as asked for, so that NOT_RUNNING is not a failure. */
    public void stopRequested() {
        stopRequested = true;
    }

    /** The client's state as last reported. */
    public State state() {
        return state;
    }

    /** Why the client can no longer make progress; empty while it can. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
