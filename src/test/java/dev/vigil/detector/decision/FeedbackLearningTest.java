package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.models.ModelInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure part of a false alarm: what the thresholds learn, the floor, suppression, and when it applies. */
class FeedbackLearningTest {
    private static final ThresholdPolicy EVT =
            new ThresholdPolicy(ThresholdPolicy.Mode.EVT, 0.99, 10, 0, new ThresholdPolicy.Evt(1e-3, false, 128));
    private static final AlertRules RULES = new AlertRules(2, 3, 2, 0, 1);
    private final AlertTracker tracker = new AlertTracker(RULES);
    private final EntityStateCodec codec = new EntityStateCodec(0.99, tracker, 128, 64);

    /** A model whose plain tail is exponential with mean 0.5 above level 1 (threshold ≈ 2.5 at risk 1e-3). */
    private static ModelInfo model(long version) {
        return ThresholdPolicyTest.model(version, 0.5);
    }

    /** What the decider does with one score, without a Scored reading: limits, alert step, learning, history. */
    private Limits decide(EntityState state, long time, double score, ModelInfo model) {
        Limits limits = EVT.limits(state.thresholds(), model);
        boolean quiet = state.alert().isQuiet();
        tracker.step(state.alert(), new Observation("e", time, score, limits, List::of, "pumps", model.version()));
        boolean learned =
                EVT.observe(state.thresholds(), score, limits, state.alert().isOpen(), quiet);
        state.history().scoredBy(model.group(), model.version());
        state.history().record(time, score, learned, limits.exit());
        return limits;
    }

    /** 100 calm readings at score 0.5, then {@code episode} scores one per second from 100 s, then calm to 200 s. */
    private EntityState withEpisode(double... episode) {
        EntityState state = codec.fresh();
        ModelInfo model = model(1);
        for (int t = 0; t < 100; t++) {
            decide(state, t * 1000L, 0.5, model);
        }
        for (int i = 0; i < episode.length; i++) {
            decide(state, (100 + i) * 1000L, episode[i], model);
        }
        for (int t = 196; t <= 200; t++) {
            decide(state, t * 1000L, 0.5, model);
        }
        return state;
    }

    @Test
    void aFalseAlarmRaisesTheEntryThresholdJustAboveTheStretchsHighestScore() {
        EntityState state = withEpisode(3.0, 3.4, 3.2, 3.1);
        double before = EVT.limits(state.thresholds(), model(1)).entry();
        assertTrue(before < 3.0, "the episode was anomalous: threshold " + before);
        var learning = new FeedbackLearning(EVT, 0.05, 0);
        assertEquals(FeedbackLearning.Outcome.APPLIED, learning.falseAlarm(state, 100_000, 103_000));
        double after = EVT.limits(state.thresholds(), model(1)).entry();
        assertEquals(3.4 * 1.05, after, 1e-9);
        assertEquals(3.4 * 1.05, state.thresholds().floor(), 1e-9);
    }

    @Test
    void theTailLearnsTheStretchUncensoredSoItsOwnEstimateRisesToo() {
        EntityState state = withEpisode(3.0, 3.4, 3.2, 3.1);
        TailState tail = state.thresholds().tail();
        int peaks = tail.peaks();
        double count = tail.count();
        double before = tail.threshold(1e-3);
        new FeedbackLearning(EVT, 0, 0).falseAlarm(state, 100_000, 103_000);
        assertEquals(peaks + 4, tail.peaks(), "the censored first and the three left out after it, at full size");
        assertEquals(count + 4, tail.count());
        assertTrue(tail.threshold(1e-3) > before, tail.threshold(1e-3) + " vs " + before);
    }

    @Test
    void theSameStretchReportedTwiceIsLearnedOnce() {
        EntityState state = withEpisode(3.0, 3.4, 3.2);
        var learning = new FeedbackLearning(EVT, 0, 0);
        learning.falseAlarm(state, 100_000, 102_000);
        double count = state.thresholds().tail().count();
        learning.falseAlarm(state, 100_000, 102_000);
        assertEquals(count, state.thresholds().tail().count());
    }

    @Test
    void aStretchTheEntityHasNotBeenScoredPastWaits() {
        EntityState state = withEpisode(3.0, 3.4);
        var learning = new FeedbackLearning(EVT, 0, 0);
        assertEquals(FeedbackLearning.Outcome.NOT_YET, learning.falseAlarm(state, 100_000, 300_000));
        assertEquals(Double.NEGATIVE_INFINITY, state.thresholds().floor(), "nothing changed");
    }

    @Test
    void suppressionKeepsTheEntityFromOpeningAnAlertForThatLong() {
        EntityState state = withEpisode(3.0, 3.4);
        new FeedbackLearning(EVT, 0, 60_000).falseAlarm(state, 100_000, 101_000);
        ModelInfo model = model(1);
        decide(state, 201_000, 9, model);
        decide(state, 202_000, 9, model);
        assertFalse(state.alert().isOpen(), "muted until 260 s");
        decide(state, 261_000, 9, model);
        assertTrue(state.alert().isOpen(), "opens once the suppression is over");
    }

    @Test
    void anotherModelDropsTheFloor() {
        EntityState state = withEpisode(3.0, 3.4);
        new FeedbackLearning(EVT, 0.05, 0).falseAlarm(state, 100_000, 101_000);
        EVT.limits(state.thresholds(), model(2));
        assertEquals(Double.NEGATIVE_INFINITY, state.thresholds().floor());
    }

    @Test
    void aStretchScoredByAnEarlierModelTeachesNothing() {
        EntityState state = withEpisode(3.0, 3.4);
        decide(state, 201_000, 0.5, model(2));
        new FeedbackLearning(EVT, 0.05, 0).falseAlarm(state, 100_000, 101_000);
        assertEquals(Double.NEGATIVE_INFINITY, state.thresholds().floor(), "v1's scores are not on v2's scale");
    }

    @Test
    void adaptiveModeAddsTheStretchToItsQuantile() {
        var adaptive = new ThresholdPolicy(ThresholdPolicy.Mode.ADAPTIVE, 0.5, 1, 0);
        ThresholdState thresholds = new ThresholdState(new P2Quantile(0.5));
        adaptive.absorb(thresholds, new double[] {1, 2, 3});
        assertEquals(3, thresholds.quantile().count());
    }
}
