package dev.vigil.detector.features;

/**
 * One entity's event-time state: its clock and the run of readings that disagree with it.
 *
 * @param time the entity's clock: the newest event time of its accepted readings, or {@link #NONE}
 * @param runTime the newest event time of the current run of refused readings that agree with each
 *     other, or {@link #NONE} when there is no run
 * @param runLength how many readings that run holds (0 when there is none)
 */
public record EventClock(long time, long runTime, int runLength) {
    /** The time of a clock, or of a run, that has none yet. */
    public static final long NONE = Long.MIN_VALUE;

    /** The clock of an entity that has no reading yet. */
    public static final EventClock EMPTY = new EventClock(NONE, NONE, 0);

    /** A clock at {@code time} with no run. */
    public static EventClock at(long time) {
        return new EventClock(time, NONE, 0);
    }

    /** Whether no reading was accepted yet. */
    public boolean isEmpty() {
        return time == NONE;
    }

    /** Whether refused readings are waiting to confirm a new clock. */
    public boolean hasRun() {
        return runLength > 0;
    }
}
