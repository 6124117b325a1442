package dev.vigil.trainer.service;

/**
 * The live stage of the gate, after the offline check ({@link CandidateGate}) accepted a candidate
 * and it was published as shadow: it waits until the detectors scored {@code minReadings} live
 * readings with it, then promotes it when its alert rate is at most {@code maxAlertRatio} times the
 * live model's on the same readings, and rejects it otherwise. Rates below {@code rateFloor} count
 * as {@code rateFloor}, so a live model that almost never alerts does not turn a handful of shadow
 * alerts into an unbounded ratio. {@code minReadings = 0} turns the stage off: candidates go live at
 * once, as before shadow scoring existed.
 *
 * @param minReadings live readings the decision waits for; 0 = no shadow stage
 * @param maxAlertRatio largest accepted shadow rate / live rate
 * @param rateFloor least rate either side counts as, in [0, 1]
 */
public record ShadowGate(long minReadings, double maxAlertRatio, double rateFloor) {
    /** What the gate says about a shadow candidate now. */
    public enum Outcome {
        /** Too few live readings yet. */
        WAIT,
        /** Publish it live. */
        PROMOTE,
        /** Withdraw it: it alerts too much more than the live model. */
        REJECT
    }

    /**
     * The gate's answer and what it rests on.
     *
     * @param outcome wait, promote or reject
     * @param reason why, in one sentence
     * @param tally the counts judged
     */
    public record Decision(Outcome outcome, String reason, ShadowTally tally) {}

    /** Whether candidates go through the shadow stage at all. */
    public boolean enabled() {
        return minReadings > 0;
    }

    /** Judges a shadow candidate on the live readings counted so far. */
    public Decision judge(ShadowTally tally) {
        if (tally.readings() < minReadings) {
            return new Decision(
                    Outcome.WAIT,
                    "only " + tally.readings() + " of " + minReadings + " live readings scored by the shadow",
                    tally);
        }
        double allowed = maxAlertRatio * Math.max(tally.liveRate(), rateFloor);
        double shadow = Math.max(tally.shadowRate(), rateFloor);
        String figures = String.format(
                "shadow alert rate %.4f vs live %.4f over %d live readings (at most %.4f accepted)",
                tally.shadowRate(), tally.liveRate(), tally.readings(), allowed);
        return shadow <= allowed
                ? new Decision(Outcome.PROMOTE, figures, tally)
                : new Decision(Outcome.REJECT, figures, tally);
    }
}
