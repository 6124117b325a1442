package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {
    @Test
    void eventsAreDueOnAFixedScheduleFromTheStart() {
        AtomicLong clock = new AtomicLong(1_000);
        Pacer pacer = new Pacer(1000, clock::get);
        assertEquals(1_000, pacer.dueNanos(0));
        assertEquals(1_000 + 5_000_000, pacer.dueNanos(5));
        assertEquals(5_000_000, pacer.waitNanos(5));
    }

    @Test
    void aLateSenderIsNotMadeToWaitSoTheRateCatchesUp() {
        AtomicLong clock = new AtomicLong(0);
        Pacer pacer = new Pacer(100, clock::get);
        clock.set(1_000_000_000L);
        assertEquals(0, pacer.waitNanos(50), "event 50 was due at 0.5 s");
        assertEquals(10_000_000L, pacer.waitNanos(101));
    }

    @Test
    void aNonPositiveRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Pacer.startingNow(0));
    }
}
