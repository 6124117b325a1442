package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptiveThresholdTest {
    @TempDir
    Path stateDir;

    @Test
    void eachEntityGetsItsOwnThresholdOnceItHasEnoughSamples() {
        var bundle = TestBundles.linear(1);
        double global = bundle.getThresholds().getAnomaly();
        Map<String, Object> config = Map.of(
                DetectorConfig.THRESHOLD_MODE,
                "adaptive",
                DetectorConfig.ADAPTIVE_QUANTILE,
                0.9,
                DetectorConfig.ADAPTIVE_MIN_SAMPLES,
                20);
        try (var h = new DetectorHarness(config, bundle, stateDir)) {
            Random random = new Random(42);
            for (int second = 0; second < 40; second++) {
                h.spike("noisy", second, Math.sqrt(global * 9 / 2) * (1 + random.nextDouble()));
                h.normal("calm", second);
            }
            List<ScoredReading> out = h.scoredValues();
            assertEquals(global, out.get(0).getThreshold(), "the global threshold until min samples");
            double noisy = last(out, "noisy").getThreshold();
            double calm = last(out, "calm").getThreshold();
            assertTrue(noisy > global, "noisy entity learned a higher threshold: " + noisy + " vs " + global);
            assertTrue(calm < global, "calm entity learned a lower threshold: " + calm + " vs " + global);
        }
    }

    private static ScoredReading last(List<ScoredReading> out, String entity) {
        return out.stream()
                .filter(r -> r.getReading().getEntity().equals(entity))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
