package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector decides on each entity's smoothed score when the bundle asks for smoothing. */
class ScoreSmoothingTopologyTest {
    @TempDir
    Path stateDir;

    /** Sigmas of a temperature spike scoring {@code fraction} of the entry threshold (score = 2s²/9). */
    private static double sigmasFor(ModelBundle bundle, double fraction) {
        return Math.sqrt(fraction * bundle.getThresholds().getAnomaly() * 9 / 2);
    }

    private static ModelBundle bundle(int span) {
        ModelBundle bundle = TestBundles.linear(1);
        bundle.getTraining().setConfig(Map.of(ScoreSmoothing.CONFIG_KEY, Integer.toString(span)));
        return bundle;
    }

    private List<ScoredReading> run(ModelBundle bundle) {
        try (DetectorHarness h =
                new DetectorHarness(Map.of(DetectorConfig.THRESHOLD_MODE, "global"), bundle, stateDir)) {
            h.normal("pump-1", 0);
            h.spike("pump-1", 1, sigmasFor(bundle, 1.5));
            h.spike("pump-1", 2, sigmasFor(bundle, 1.5));
            return h.scoredValues();
        }
    }

    @Test
    void aSingleSpikeIsSmoothedBelowTheThresholdAndASustainedOneCrossesIt() {
        List<ScoredReading> out = run(bundle(3));
        double threshold = out.get(1).getThreshold();
        assertEquals(Verdict.NORMAL, out.get(1).getVerdict(), "(0 + 1.5) / 2 = 0.75 of the threshold");
        assertEquals(0.75 * threshold, out.get(1).getScore(), 0.01 * threshold);
        assertEquals(Verdict.ANOMALOUS, out.get(2).getVerdict(), "(0.75 + 1.5) / 2 = 1.125 of the threshold");
        assertEquals(1.125 * threshold, out.get(2).getScore(), 0.01 * threshold);
    }

    @Test
    void withoutSmoothingTheFirstSpikeIsAnomalous() {
        List<ScoredReading> out = run(bundle(1));
        assertEquals(Verdict.ANOMALOUS, out.get(1).getVerdict());
        assertEquals(
                1.5 * out.get(1).getThreshold(),
                out.get(1).getScore(),
                0.01 * out.get(1).getThreshold());
    }
}
