package dev.vigil.detector.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.testkit.TestBundles;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowSmoothingTest {
    private static final Scored.BatchOutputs NO_DETAIL = new Scored.BatchOutputs(new float[3], new float[3], 3, null);

    /** A linear bundle of {@code version} whose thresholds were calibrated for smoothing span {@code span}. */
    private static ModelInfo model(long version, int span) {
        ModelBundle bundle = TestBundles.linear(version);
        Map<String, String> config = new HashMap<>(bundle.getTraining().getConfig());
        config.put(ScoreSmoothing.CONFIG_KEY, Integer.toString(span));
        bundle.getTraining().setConfig(config);
        return ModelInfo.of(bundle);
    }

    private static Scored scored(String entity, double score, ModelInfo model) {
        var reading = SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.EPOCH)
                .setValues(Map.of())
                .build();
        return new Scored(InputReading.of(reading), new float[3], score, NO_DETAIL, 0, model);
    }

    @Test
    void eachEntitysScoresAreSmoothedWithEachModelsOwnSpan() {
        ModelInfo live = model(1, 3);
        ModelInfo shadow = model(2, 1);
        var smoothing = new ShadowSmoothing(100);
        double[][] out = smoothing.smooth(
                List.of(scored("a", 1, live), scored("b", 10, live), scored("a", 3, live)),
                new double[] {4, 8, 6},
                shadow);
        assertArrayEquals(new double[] {1, 10, 2}, out[0], 1e-12, "span 3: alpha 1/2, per entity");
        assertArrayEquals(new double[] {4, 8, 6}, out[1], 1e-12, "span 1: no smoothing");
    }

    @Test
    void aNewModelRestartsTheEntitysSmoothing() {
        ModelInfo live = model(1, 3);
        var smoothing = new ShadowSmoothing(100);
        smoothing.smooth(List.of(scored("a", 1, live)), new double[] {1}, model(2, 3));
        double[][] out = smoothing.smooth(List.of(scored("a", 5, live)), new double[] {5}, model(3, 3));
        assertArrayEquals(new double[] {5}, out[0], 1e-12);
        assertArrayEquals(new double[] {5}, out[1], 1e-12);
    }
}
