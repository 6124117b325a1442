package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {
    private final AtomicInteger failures = new AtomicInteger();
    private final StreamsHealth health = new StreamsHealth(failures::incrementAndGet);

    @Test
    void runningAndRebalancingAreHealthy() {
        health.onChange(State.REBALANCING, State.CREATED);
        health.onChange(State.RUNNING, State.REBALANCING);
        health.onChange(State.REBALANCING, State.RUNNING);
        assertTrue(health.failure().isEmpty());
        assertEquals(0, failures.get());
    }

    @Test
    void errorFailsOnceWithTheStateAndTheCause() {
        health.causedBy(new IllegalStateException("boom"));
        health.onChange(State.PENDING_ERROR, State.RUNNING);
        health.onChange(State.ERROR, State.PENDING_ERROR);
        assertEquals(
                "kafka streams is PENDING_ERROR, cause: java.lang.IllegalStateException: boom",
                health.failure().orElseThrow());
        assertEquals(1, failures.get());
    }

    @Test
    void stoppingUnaskedIsAFailure() {
        health.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
        assertEquals("kafka streams is PENDING_SHUTDOWN", health.failure().orElseThrow());
    }

    @Test
    void aRequestedStopIsNotAFailure() {
        health.stopRequested();
        health.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
        health.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);
        assertTrue(health.failure().isEmpty());
        assertEquals(0, failures.get());
    }
}
