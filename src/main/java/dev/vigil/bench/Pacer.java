package dev.vigil.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces events at a fixed rate against a schedule (event i is due at start + i / rate), so that a
 * slow moment is caught up rather than lowering the rate: the open-loop pacing latency needs.
 */
public final class Pacer {
    private final double nanosPerEvent;
    private final LongSupplier clock;
    private final long start;

    /** A pacer at {@code eventsPerSecond} on {@code clock} (nanoseconds), starting now. */
    public Pacer(double eventsPerSecond, LongSupplier clock) {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + eventsPerSecond);
        }
        this.nanosPerEvent = 1e9 / eventsPerSecond;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A pacer on {@link System#nanoTime()}. */
    public static Pacer startingNow(double eventsPerSecond) {
        return new Pacer(eventsPerSecond, System::nanoTime);
    }

    /** When event {@code index} is due, on the pacer's clock. */
    public long dueNanos(long index) {
        return start + (long) (index * nanosPerEvent);
    }

    /** Nanoseconds to wait before event {@code index} may be sent; 0 when it is due or late. */
    public long waitNanos(long index) {
        return Math.max(0, dueNanos(index) - clock.getAsLong());
    }

    /** Blocks until event {@code index} is due. */
    public void awaitTurn(long index) {
        long wait;
        while ((wait = waitNanos(index)) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
