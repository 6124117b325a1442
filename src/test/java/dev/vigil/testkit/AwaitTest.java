package dev.vigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    private static final Await SHORT = Await.upTo(Duration.ofMillis(200)).every(Duration.ofMillis(5));

    @Test
    void aConditionThatBecomesTrueEndsTheWait() {
        AtomicInteger checks = new AtomicInteger();
        assertTrue(SHORT.holds(() -> checks.incrementAndGet() >= 3));
        assertEquals(3, checks.get());
    }

    @Test
    void aConditionThatNeverHoldsReportsFalseAfterTheTimeout() {
        long start = System.nanoTime();
        assertFalse(SHORT.holds(() -> false));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void untilFailsNamingWhatWasAwaited() {
        AssertionError error = assertThrows(AssertionError.class, () -> SHORT.until(() -> false, "the answer"));
        assertEquals("timed out after PT0.2S waiting for the answer", error.getMessage());
    }

    @Test
    void theStepRunsBetweenChecksInsteadOfASleep() {
        AtomicInteger steps = new AtomicInteger();
        SHORT.stepping(steps::incrementAndGet).until(() -> steps.get() == 4, "four steps");
        assertEquals(4, steps.get());
    }

    @Test
    void valueReturnsTheFirstNonNullProbe() {
        AtomicInteger checks = new AtomicInteger();
        String value = SHORT.value(() -> checks.incrementAndGet() < 2 ? null : "found", () -> "nothing");
        assertEquals("found", value);
    }
}
