package dev.vigil.detector.features;

import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.ingest.Rejection;

/**
 * When a reading's event time is accepted against its entity's {@link EventClock}.
 *
 * <p>A reading is <em>in step</em> with a time {@code c} when it is at most {@code maxLatenessMs}
 * older and at most {@code maxJumpMs} newer than {@code c}. A reading in step with the entity's
 * clock is accepted and the clock becomes the newer of the two. A reading out of step is refused,
 * {@code OUT_OF_ORDER} when older and {@code TIMESTAMP_JUMP} when newer, and leaves the clock where it
 * is; it joins the run of refused readings when in step with that run, or starts a new run. The
 * reading that makes a run {@code resetAfter} readings long is accepted and the clock moves to the
 * run. So a lone reading far from its stream costs only itself, and a genuine clock change, either
 * way, costs {@code resetAfter - 1} refused readings; an accepted reading ends the run.
 *
 * @param maxLatenessMs how much older than the clock a reading may be
 * @param maxJumpMs how much newer than the clock a reading may be
 * @param resetAfter consecutive readings that agree with each other but not with the clock needed to
 *     move the clock to them (at least 2)
 */
public record EventTimeRule(long maxLatenessMs, long maxJumpMs, int resetAfter) {
    public EventTimeRule {
        if (maxLatenessMs < 0 || maxJumpMs < 0 || resetAfter < 2) {
            throw new IllegalArgumentException("lateness and jump must be >= 0 and resetAfter >= 2, got "
                    + maxLatenessMs + ", " + maxJumpMs + ", " + resetAfter);
        }
    }

    /**
     * What the rule decides for one reading.
     *
     * @param clock the entity's clock after the reading, to be stored whether or not it was accepted
     * @param refusal why the reading is refused, or null when it is accepted
     */
    public record Admission(EventClock clock, Rejection refusal) {
        /** Whether the reading is accepted. */
        public boolean accepted() {
            return refusal == null;
        }
    }

    /** Judges a reading at {@code eventTime} (epoch millis) against {@code clock}. */
    public Admission admit(EventClock clock, long eventTime) {
        if (clock.isEmpty() || inStep(clock.time(), eventTime)) {
            return accepted(clock.isEmpty() ? eventTime : Math.max(clock.time(), eventTime));
        }
        boolean joins = clock.hasRun() && inStep(clock.runTime(), eventTime);
        long runTime = joins ? Math.max(clock.runTime(), eventTime) : eventTime;
        int runLength = joins ? clock.runLength() + 1 : 1;
        if (runLength >= resetAfter) {
            return accepted(runTime);
        }
        EventClock next = new EventClock(clock.time(), runTime, runLength);
        return new Admission(next, refusal(clock.time(), eventTime, runLength));
    }

    /** Differences, not sums, so that a limit of Long.MAX_VALUE cannot overflow (times are positive). */
    private boolean inStep(long reference, long eventTime) {
        return reference - eventTime <= maxLatenessMs && eventTime - reference <= maxJumpMs;
    }

    private static Admission accepted(long time) {
        return new Admission(EventClock.at(time), null);
    }

    private Rejection refusal(long clock, long eventTime, int runLength) {
        String run = "; " + runLength + " of the " + resetAfter + " consecutive readings that agree with each"
                + " other would move the clock";
        if (eventTime < clock) {
            return Rejection.of(
                    RejectReason.OUT_OF_ORDER,
                    "event time " + eventTime + " is " + (clock - eventTime) + " ms older than the entity's newest"
                            + " reading (" + clock + "), beyond the allowed lateness of " + maxLatenessMs + " ms"
                            + run);
        }
        return Rejection.of(
                RejectReason.TIMESTAMP_JUMP,
                "event time " + eventTime + " is " + (eventTime - clock) + " ms ahead of the entity's clock (" + clock
                        + "), beyond the allowed jump of " + maxJumpMs + " ms" + run);
    }
}
