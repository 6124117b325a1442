package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
