package dev.vigil.detector.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.events.RejectReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-time rule alone: what it accepts, what it refuses, and when the clock moves to a run. */
class EventTimeRuleTest {
    private static final long T0 = 1_732_270_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final EventTimeRule RULE = new EventTimeRule(HOUR, HOUR, 3);

    /** The reason of each reading (null when accepted) and the clock after the last. */
    private record Run(List<RejectReason> reasons, EventClock clock) {}

    /** Feeds {@code times} through the rule, starting from an empty clock. */
    private static Run run(long... times) {
        EventClock clock = EventClock.EMPTY;
        List<RejectReason> reasons = new ArrayList<>();
        for (long time : times) {
            var admission = RULE.admit(clock, time);
            clock = admission.clock();
            reasons.add(admission.accepted() ? null : admission.refusal().reason());
        }
        return new Run(reasons, clock);
    }

    private static List<RejectReason> accepted(int n) {
        List<RejectReason> none = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            none.add(null);
        }
        return none;
    }

    @Test
    void readingsWithinTheLatenessAndTheJumpAreAcceptedAndTheClockIsTheNewest() {
        var run = run(T0, T0 + 1000, T0 + 500, T0 + 1000 - HOUR, T0 + 1000 + HOUR);
        assertEquals(accepted(5), run.reasons());
        assertEquals(EventClock.at(T0 + 1000 + HOUR), run.clock());
    }

    @Test
    void aLoneReadingADayAheadIsRefusedAsAJumpAndLeavesTheClockWhereItWas() {
        var run = run(T0, T0 + 1000, T0 + DAY, T0 + 2000, T0 + 3000);
        assertEquals(Arrays.asList(null, null, RejectReason.TIMESTAMP_JUMP, null, null), run.reasons());
        assertEquals(EventClock.at(T0 + 3000), run.clock(), "the accepted reading ended the run");
    }

    @Test
    void aClockThatJumpsForGoodIsFollowedAtTheThirdReadingThatAgrees() {
        var run = run(T0, T0 + DAY, T0 + DAY + 1000, T0 + DAY + 2000, T0 + DAY + 3000);
        var jump = RejectReason.TIMESTAMP_JUMP;
        assertEquals(Arrays.asList(null, jump, jump, null, null), run.reasons());
        assertEquals(EventClock.at(T0 + DAY + 3000), run.clock());
    }

    @Test
    void aClockSetBackForGoodIsFollowedAtTheThirdReadingThatAgrees() {
        var run = run(T0 + DAY, T0, T0 + 1000, T0 + 2000, T0 + 3000);
        var late = RejectReason.OUT_OF_ORDER;
        assertEquals(Arrays.asList(null, late, late, null, null), run.reasons());
        assertEquals(EventClock.at(T0 + 3000), run.clock());
    }

    @Test
    void refusedReadingsThatDisagreeWithEachOtherStartTheRunAgain() {
        var jump = RejectReason.TIMESTAMP_JUMP;
        var run = run(T0, T0 + DAY, T0 + 3 * DAY, T0 + 5 * DAY, T0 + 5 * DAY + 1, T0 + 5 * DAY + 2);
        assertEquals(Arrays.asList(null, jump, jump, jump, jump, null), run.reasons());
        assertEquals(EventClock.at(T0 + 5 * DAY + 2), run.clock());
    }

    @Test
    void aSkewedDeviceInterleavedWithTheStreamNeverTakesTheClockOver() {
        EventClock clock = EventClock.EMPTY;
        for (int i = 0; i < 50; i++) {
            var good = RULE.admit(clock, T0 + i * 1000L);
            assertTrue(good.accepted(), "reading " + i);
            var skewed = RULE.admit(good.clock(), T0 + DAY + i * 1000L);
            assertEquals(RejectReason.TIMESTAMP_JUMP, skewed.refusal().reason());
            clock = skewed.clock();
        }
        assertEquals(T0 + 49_000L, clock.time());
    }

    @Test
    void theRefusalSaysHowFarAndWhatMovesTheClock() {
        var admission = RULE.admit(EventClock.at(T0), T0 + DAY);
        String message = admission.refusal().message();
        assertTrue(message.contains("86400000 ms ahead"), message);
        assertTrue(message.contains("jump of 3600000 ms"), message);
        assertTrue(message.contains("1 of the 3"), message);
        assertEquals(new EventClock(T0, T0 + DAY, 1), admission.clock());
    }

    @Test
    void limitsOfLongMaxValueAcceptEverything() {
        var open = new EventTimeRule(Long.MAX_VALUE, Long.MAX_VALUE, 3);
        var admission = open.admit(EventClock.at(T0), T0 + 400 * DAY);
        assertNull(admission.refusal());
        assertNull(open.admit(admission.clock(), 946_684_800_000L).refusal());
    }

    @Test
    void aRuleNeedsAtLeastTwoReadingsToMoveTheClock() {
        assertThrows(IllegalArgumentException.class, () -> new EventTimeRule(HOUR, HOUR, 1));
    }
}
