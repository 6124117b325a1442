package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShadowGateTest {
    private final ShadowGate gate = new ShadowGate(1000, 2.0, 0.01);

    @Test
    void theGateWaitsUntilTheMinimumOfLiveReadingsIsCounted() {
        ShadowGate.Decision decision = gate.judge(new ShadowTally(999, 0, 50));
        assertEquals(ShadowGate.Outcome.WAIT, decision.outcome());
        assertTrue(decision.reason().contains("999 of 1000"), decision.reason());
    }

    @Test
    void aCandidateWithinTheRatioOfTheLiveAlertRateIsPromoted() {
        assertEquals(
                ShadowGate.Outcome.PROMOTE,
                gate.judge(new ShadowTally(1000, 100, 50)).outcome());
        assertEquals(
                ShadowGate.Outcome.PROMOTE,
                gate.judge(new ShadowTally(1000, 10, 50)).outcome());
    }

    @Test
    void aCandidateAlertingMoreThanTheRatioAllowsIsRejected() {
        ShadowGate.Decision decision = gate.judge(new ShadowTally(1000, 101, 50));
        assertEquals(ShadowGate.Outcome.REJECT, decision.outcome());
        assertTrue(decision.reason().contains("0.1010"), decision.reason());
    }

    @Test
    void ratesBelowTheFloorCountAsTheFloor() {
        assertEquals(
                ShadowGate.Outcome.PROMOTE,
                gate.judge(new ShadowTally(1000, 20, 0)).outcome(),
                "2% <= 2 x 1%");
        assertEquals(
                ShadowGate.Outcome.REJECT,
                gate.judge(new ShadowTally(1000, 21, 0)).outcome());
    }

    @Test
    void zeroMinimumReadingsTurnsTheStageOff() {
        assertFalse(new ShadowGate(0, 2.0, 0.01).enabled());
        assertTrue(gate.enabled());
    }

    @Test
    void talliesAddBatchByBatch() {
        ShadowTally tally = ShadowTally.EMPTY.plus(256, 3, 2).plus(44, 1, 0);
        assertEquals(new ShadowTally(300, 4, 2), tally);
        assertEquals(4 / 300.0, tally.shadowRate(), 1e-12);
        assertTrue(Double.isNaN(ShadowTally.EMPTY.liveRate()));
    }
}
