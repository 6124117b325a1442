package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.ScoreTail;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.models.ModelInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {
    @Test
    void globalModeUsesTheBundleThresholdsAndTheirRatio() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.GLOBAL, 0.99, 10, 0);
        assertEquals(new Limits(2.0, 1.5), policy.limits(new P2Quantile(0.99), 2.0, 1.5));
    }

    @Test
    void aConfiguredExitRatioOverridesTheBundles() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.GLOBAL, 0.99, 10, 0.25);
        assertEquals(new Limits(2.0, 0.5), policy.limits(new P2Quantile(0.99), 2.0, 1.5));
    }

    @Test
    void adaptiveModeSwitchesToTheEntityQuantileAfterMinSamples() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.ADAPTIVE, 0.5, 10, 0.5);
        P2Quantile scores = new P2Quantile(0.5);
        for (int i = 0; i < 9; i++) {
            policy.observe(scores, 7.0, false);
        }
        assertEquals(2.0, policy.limits(scores, 2.0, 1.0).entry());
        policy.observe(scores, 7.0, false);
        assertEquals(new Limits(7.0, 3.5), policy.limits(scores, 2.0, 1.0));
    }

    @Test
    void adaptiveModeLeavesOutScoresInsideOpenAlertsOnceWarm() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.ADAPTIVE, 0.5, 5, 0.5);
        P2Quantile scores = new P2Quantile(0.5);
        for (int i = 0; i < 5; i++) {
            policy.observe(scores, 1.0, true);
        }
        policy.observe(scores, 100.0, true);
        assertEquals(5, scores.count());
    }

    private static final ThresholdPolicy.Evt EVT = new ThresholdPolicy.Evt(1e-3, false, 128);

    /** A model whose plain tail is exponential with mean {@code mean} above level 1. */
    static ModelInfo model(long version, double mean) {
        double[] excesses = new double[100];
        for (int i = 0; i < excesses.length; i++) {
            excesses[i] = -mean * Math.log(1 - (i + 0.5) / excesses.length);
        }
        var tail = new ScoreTail(0, 1.0, 5000, excesses, new double[0]);
        return info(version, List.of(tail));
    }

    private static ModelInfo info(long version, List<ScoreTail> tails) {
        return new ModelInfo(
                "pumps",
                version,
                new FeatureLayout(List.of("a"), 1),
                2.0,
                1.0,
                new double[] {0, 1},
                List.of(),
                new ScoreSmoothing(1),
                tails);
    }

    @Test
    void evtStartsFromTheBundlesTailAtTheRequestedRisk() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.EVT, 0.99, 10, 0, EVT);
        Limits limits = policy.limits(new ThresholdState(new P2Quantile(0.99)), model(1, 0.5));
        // exponential tail: level + mean * ln(peak rate / risk) = 1 + 0.5 ln(0.02 / 0.001)
        assertEquals(1 + 0.5 * Math.log(20), limits.entry(), 0.1);
        assertEquals(1.0, limits.exit(), 1e-12, "the exit is the tail's level");
    }

    @Test
    void evtFallsBackToTheGlobalThresholdForABundleWithoutATail() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.EVT, 0.99, 10, 0, EVT);
        var state = new ThresholdState(new P2Quantile(0.99));
        assertEquals(new Limits(2.0, 1.0), policy.limits(state, info(1, List.of())));
        assertNull(state.tail());
    }

    @Test
    void evtLearnsOnlyTheScoresOfAQuietEntity() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.EVT, 0.99, 10, 0, EVT);
        var state = new ThresholdState(new P2Quantile(0.99));
        Limits limits = policy.limits(state, model(1, 0.5));
        policy.observe(state, 1.5, limits, true, false);
        assertEquals(5000, state.tail().count());
        policy.observe(state, 1.5, limits, false, true);
        assertEquals(5001, state.tail().count());
    }

    @Test
    void aNewModelVersionReBasesTheTailOnItsBundle() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.EVT, 0.99, 10, 0, EVT);
        var state = new ThresholdState(new P2Quantile(0.99));
        Limits v1 = policy.limits(state, model(1, 0.5));
        for (int i = 0; i < 500; i++) {
            Limits now = policy.limits(state, model(1, 0.5));
            policy.observe(state, 1 + 0.05 * (i % 40), now, false, true);
        }
        assertNotEquals(v1.entry(), policy.limits(state, model(1, 0.5)).entry(), "the entity learned");
        Limits v2 = policy.limits(state, model(2, 5.0));
        assertEquals(2, state.modelVersion());
        assertEquals(5000, state.tail().count(), "nothing of v1 carried over");
        assertEquals(1 + 5.0 * Math.log(20), v2.entry(), 1.0);
    }

    @Test
    void aNewModelVersionRestartsTheAdaptiveQuantile() {
        var policy = new ThresholdPolicy(ThresholdPolicy.Mode.ADAPTIVE, 0.5, 10, 0.5);
        var state = new ThresholdState(new P2Quantile(0.5));
        for (int i = 0; i < 20; i++) {
            policy.limits(state, model(1, 1));
            policy.observe(state, 7.0, null, false, true);
        }
        assertEquals(7.0, policy.limits(state, model(1, 1)).entry(), 1e-9);
        assertEquals(2.0, policy.limits(state, model(2, 1)).entry(), "the global threshold until v2 has its samples");
        assertTrue(state.quantile().count() == 0);
    }
}
