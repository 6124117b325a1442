package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.scoring.BatchScorer;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.testkit.TestBundles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Several threads score through the holder while 100 swaps happen: no crash, no lost version, no leak. */
class ModelHolderConcurrencyTest {
    private static final int THREADS = 4;
    private static final int SWAPS = 100;

    @Test
    void scoringDuringAHundredSwapsNeverCrashesAndClosesEveryOldSession() throws Exception {
        List<ModelBundle> bundles = new ArrayList<>();
        for (long version = 1; version <= SWAPS + 1; version++) {
            bundles.add(TestBundles.linear(version));
        }
        ModelHolder holder =
                new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-3), DetectorEvents.NOOP);
        holder.apply(bundles.get(0));
        Set<OnnxModel> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicLong scored = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> scorers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            scorers.add(pool.submit(() -> score(holder, swapping, seen, scored)));
        }
        for (ModelBundle bundle : bundles.subList(1, bundles.size())) {
            holder.apply(bundle);
        }
        swapping.set(false);
        for (Future<?> scorer : scorers) {
            scorer.get();
        }
        pool.shutdown();
        assertEquals(SWAPS + 1L, holder.current().orElseThrow().version());
        holder.close();
        assertTrue(scored.get() > 0);
        assertTrue(seen.size() > 1, "scorers saw several versions: " + seen.size());
        assertTrue(seen.stream().allMatch(OnnxModel::isClosed), "every session is closed");
    }

    private static Void score(ModelHolder holder, AtomicBoolean swapping, Set<OnnxModel> seen, AtomicLong scored)
            throws Exception {
        FeatureLayout layout = new FeatureLayout(TestBundles.FEATURES, 1);
        List<FeatureVector> batch = List.of(vector(50), vector(60), vector(70));
        try (BatchScorer scorer = new BatchScorer(layout, 8)) {
            while (swapping.get()) {
                try (ModelLease lease = holder.acquire()) {
                    seen.add(lease.model());
                    for (Scored result : scorer.score(lease, batch)) {
                        assertTrue(result.model().version() >= 1);
                        assertTrue(Double.isFinite(result.score()));
                        scored.incrementAndGet();
                    }
                }
            }
        }
        return null;
    }

    private static FeatureVector vector(float value) {
        SensorReading reading = SensorReading.newBuilder()
                .setEntity("e")
                .setTimestamp(Instant.EPOCH)
                .setValues(Map.of())
                .build();
        return new FeatureVector(InputReading.of(reading), new float[] {value, value, value});
    }
}
