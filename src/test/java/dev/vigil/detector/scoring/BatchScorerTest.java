package dev.vigil.detector.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelLease;
import dev.vigil.testkit.TestBundles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchScorerTest {
    private static final FeatureLayout LAYOUT = new FeatureLayout(TestBundles.FEATURES, 1);

    @Test
    void eachRowOfABatchGetsItsOwnFiguresTheSameAsWhenScoredAlone() throws Exception {
        try (ModelHolder models = new ModelHolder(
                        new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-3), DetectorEvents.NOOP);
                BatchScorer batchOfFour = new BatchScorer(LAYOUT, 4);
                BatchScorer single = new BatchScorer(LAYOUT, 1)) {
            models.apply(TestBundles.linear(1));
            List<FeatureVector> vectors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                vectors.add(vector(new float[] {50 + 7 * i, 50 - 5 * i, 50 + i * i}));
            }
            List<Scored> batch;
            try (ModelLease lease = models.acquire()) {
                batch = batchOfFour.score(lease, vectors);
            }
            assertNotEquals(batch.get(1).score(), batch.get(2).score(), "the rows differ, so must their figures");
            for (int row = 0; row < vectors.size(); row++) {
                Scored alone;
                try (ModelLease lease = models.acquire()) {
                    alone = single.score(lease, List.of(vectors.get(row))).get(0);
                }
                Scored inBatch = batch.get(row);
                assertEquals(alone.score(), inBatch.score(), 1e-6, "row " + row);
                assertArrayEquals(alone.featureErrors(), inBatch.featureErrors(), 1e-6f, "row " + row);
                assertArrayEquals(alone.expected(), inBatch.expected(), 1e-6f, "row " + row);
                assertArrayEquals(vectors.get(row).input(), inBatch.actual(), "window 1: the input is the newest row");
            }
        }
    }

    private static FeatureVector vector(float[] values) {
        var reading = SensorReading.newBuilder()
                .setEntity("pump-1")
                .setTimestamp(Instant.ofEpochMilli(1_000))
                .setValues(
                        Map.of("temp", (double) values[0], "pressure", (double) values[1], "flow", (double) values[2]))
                .build();
        return new FeatureVector(InputReading.of(reading), values);
    }
}
