package dev.vigil.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a timeout passes, instead of hand-rolled deadline loops:
 * {@code Await.upTo(Duration.ofSeconds(30)).every(Duration.ofMillis(100)).until(cond, "what")}.
 * Between checks it sleeps ({@link #every}) or runs a step that itself blocks, such as a consumer
 * poll ({@link #stepping}). {@link #until} fails with an {@link AssertionError} naming what was
 * awaited; {@link #holds} only reports whether the condition held in time.
 */
public final class Await {
    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    /** What runs between two checks of the condition. */
    @FunctionalInterface
    public interface Step {
        /** Waits or does a little work; may be interrupted. */
        void run() throws InterruptedException;
    }

    private final Duration timeout;
    private final Step step;

    private Await(Duration timeout, Step step) {
        this.timeout = timeout;
        this.step = step;
    }

    /** Waits at most {@code timeout}, checking every 100 ms unless told otherwise. */
    public static Await upTo(Duration timeout) {
        return new Await(timeout, sleeping(DEFAULT_INTERVAL));
    }

    /** The same wait, sleeping {@code interval} between checks. */
    public Await every(Duration interval) {
        return new Await(timeout, sleeping(interval));
    }

    /** The same wait, running {@code between} (instead of sleeping) between checks. */
    public Await stepping(Step between) {
        return new Await(timeout, between);
    }

    /** Whether {@code condition} held before the timeout; never fails. */
    public boolean holds(BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** Waits until {@code condition} holds; fails with "timed out after … waiting for {@code what}". */
    public void until(BooleanSupplier condition, String what) {
        until(condition, () -> "timed out after " + timeout + " waiting for " + what);
    }

    /** Waits until {@code condition} holds; fails with the message {@code failure} gives at the time. */
    public void until(BooleanSupplier condition, Supplier<String> failure) {
        if (!holds(condition)) {
            throw new AssertionError(failure.get());
        }
    }

    /** Waits until {@code probe} gives a non-null value and returns it; fails with {@code failure}'s message. */
    public <T> T value(Supplier<T> probe, Supplier<String> failure) {
        Object[] found = new Object[1];
        until(() -> (found[0] = probe.get()) != null, failure);
        @SuppressWarnings("unchecked")
        T value = (T) found[0];
        return value;
    }

    private void pause() {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static Step sleeping(Duration interval) {
        return () -> Thread.sleep(interval.toMillis());
    }
}
