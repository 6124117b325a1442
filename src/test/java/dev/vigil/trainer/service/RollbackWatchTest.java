package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollbackWatchTest {
    private static final RollbackRule RULE = new RollbackRule(100, 3.0, 0.01);

    /** {@code count} verdicts of {@code version}, every {@code every}-th anomalous (0 = none). */
    private static void feed(RollbackWatch watch, long version, int count, int every) {
        for (int i = 0; i < count; i++) {
            watch.observe(version, every > 0 && i % every == 0);
        }
    }

    @Test
    void theRuleWaitsForTheWindowThenComparesWithTheFloor() {
        assertEquals(Optional.empty(), RULE.judge(99, 1.0, 100, 0.0));
        assertTrue(RULE.judge(100, 0.031, 100, 0.0).orElseThrow().rollBack(), "3.1% > 3 x the 1% floor");
        assertFalse(RULE.judge(100, 0.03, 100, 0.0).orElseThrow().rollBack());
        assertTrue(RULE.judge(100, 0.31, 100, 0.1).orElseThrow().rollBack());
        assertFalse(RULE.judge(100, 0.9, 0, Double.NaN).orElseThrow().rollBack(), "nothing to compare with");
        assertFalse(new RollbackRule(0, 3.0, 0.01).enabled());
    }

    @Test
    void aModelFlaggingFarMoreThanThePreviousOneIsRolledBackOnItsFirstWindow() {
        RollbackWatch watch = new RollbackWatch(RULE);
        feed(watch, 1, 500, 20);
        feed(watch, 2, 99, 1);
        assertEquals(Optional.empty(), watch.judge(2), "99 readings of v2 are not a window yet");
        feed(watch, 2, 1, 1);
        RollbackRule.Decision decision = watch.judge(2).orElseThrow();
        assertTrue(decision.rollBack(), decision.reason());
        assertEquals(1.0, decision.newRate());
        assertEquals(0.05, decision.previousRate(), 1e-12);
        assertEquals(Optional.of(1L), watch.previous(2));
        assertEquals(Optional.empty(), watch.judge(2), "judged once");
    }

    @Test
    void aModelLikeThePreviousOneStaysAndItsLaterReadingsDoNotReopenTheDecision() {
        RollbackWatch watch = new RollbackWatch(RULE);
        feed(watch, 1, 500, 20);
        feed(watch, 2, 100, 25);
        assertFalse(watch.judge(2).orElseThrow().rollBack());
        feed(watch, 2, 1000, 1);
        assertEquals(Optional.empty(), watch.judge(2));
    }

    @Test
    void aLongRunningModelIsJudgedOnItsFirstWindowNotItsLatest() {
        RollbackWatch watch = new RollbackWatch(RULE);
        feed(watch, 1, 200, 20);
        feed(watch, 2, 100, 20);
        feed(watch, 2, 300, 1);
        assertFalse(watch.judge(2).orElseThrow().rollBack(), "its first 100 readings were like v1's");
    }

    @Test
    void theNewestVersionSeenTellsWhenToLookUpTheModelInUse() {
        RollbackWatch watch = new RollbackWatch(RULE);
        assertEquals(-1, watch.newestSeen());
        feed(watch, 3, 1, 0);
        feed(watch, 2, 1, 0);
        assertEquals(3, watch.newestSeen());
    }
}
