package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.features.EntityWindow;
import dev.vigil.detector.features.EventClock;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.testkit.TestBundles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time per entity, through the real topology: a lone reading far ahead of its entity's stream
 * is dead-lettered as TIMESTAMP_JUMP and costs only itself; a genuine clock change, forward or back,
 * is followed from the third reading that agrees (validation.clock.reset.after = 3); every input is
 * accounted for as scored or dead-lettered.
 */
class EventTimeTopologyTest {
    private static final int DAY_SECONDS = 86_400;
    private static final String PUMP = "pump-01";

    @TempDir
    Path stateDir;

    /** A detector whose wall clock runs two days ahead of the stream, as the demo's does. */
    private DetectorHarness harness() {
        var h = new DetectorHarness(Map.of(), TestBundles.linear(1), stateDir);
        h.tick(Duration.ofDays(2));
        return h;
    }

    private static List<Long> times(List<ScoredReading> scored) {
        return scored.stream()
                .map(r -> r.getReading().getTimestamp().toEpochMilli())
                .toList();
    }

    private static List<Long> secondsToTimes(List<Integer> seconds) {
        return seconds.stream().map(s -> DetectorHarness.T0 + s * 1000L).toList();
    }

    private static List<String> reasons(List<DeadLetter> letters) {
        return letters.stream().map(DeadLetter::getReason).toList();
    }

    @Test
    void oneReadingDaysAheadIsDeadLetteredAndTheEntityKeepsBeingScored() {
        try (var h = harness()) {
            List<Integer> legitimate = new ArrayList<>();
            for (int s = 0; s < 200; s++) {
                h.normal(PUMP, s);
                legitimate.add(s);
                if (s == 99) {
                    h.normal(PUMP, 2 * DAY_SECONDS); // stamped with the wall-clock time, two days ahead
                }
            }
            List<ScoredReading> scored = h.scoredValues();
            List<DeadLetter> letters = h.dlq.readValuesToList();

            assertEquals(List.of("TIMESTAMP_JUMP"), reasons(letters));
            assertEquals(100L, letters.get(0).getOffset(), "the future-dated reading");
            assertEquals(secondsToTimes(legitimate), times(scored), "every legitimate reading is scored");
            assertEquals(201, scored.size() + letters.size(), "scored + dead-lettered = sent");
        }
    }

    @Test
    void aClockThatJumpsForGoodIsFollowedFromTheThirdReadingThatAgrees() {
        try (var h = harness()) {
            List<Integer> sent = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                sent.add(s < 20 ? s : DAY_SECONDS + s);
                h.normal(PUMP, sent.get(s));
            }
            List<ScoredReading> scored = h.scoredValues();
            List<DeadLetter> letters = h.dlq.readValuesToList();

            assertEquals(List.of("TIMESTAMP_JUMP", "TIMESTAMP_JUMP"), reasons(letters));
            List<Integer> followed = new ArrayList<>(sent.subList(0, 20));
            followed.addAll(sent.subList(22, 50));
            assertEquals(secondsToTimes(followed), times(scored));
            assertEquals(50, scored.size() + letters.size(), "scored + dead-lettered = sent");
        }
    }

    @Test
    void aClockSetBackForGoodIsFollowedFromTheThirdReadingThatAgrees() {
        try (var h = harness()) {
            List<Integer> sent = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                sent.add(s < 20 ? DAY_SECONDS + s : s);
                h.normal(PUMP, sent.get(s));
            }
            List<ScoredReading> scored = h.scoredValues();
            List<DeadLetter> letters = h.dlq.readValuesToList();

            assertEquals(List.of("OUT_OF_ORDER", "OUT_OF_ORDER"), reasons(letters));
            assertEquals(48, scored.size(), "all but the two readings that confirmed the change");
            assertEquals(50, scored.size() + letters.size(), "scored + dead-lettered = sent");
        }
    }

    @Test
    void aSkewedDeviceSharingTheEntityNeverTakesItsClockOver() {
        try (var h = harness()) {
            for (int s = 0; s < 40; s++) {
                h.normal(PUMP, s);
                h.normal(PUMP, DAY_SECONDS + s);
            }
            assertEquals(40, h.scoredValues().size());
            List<String> reasons = reasons(h.dlq.readValuesToList());
            assertEquals(40, reasons.size());
            assertTrue(reasons.stream().allMatch("TIMESTAMP_JUMP"::equals), reasons.toString());
        }
    }

    @Test
    void aWindowStoredInTheOlderFormatKeepsItsClockAfterARestart() {
        try (var h = harness()) {
            var layout = new FeatureLayout(TestBundles.FEATURES, 1);
            byte[] older = ByteBuffer.allocate(12 + 12)
                    .putInt(1)
                    .putLong(DetectorHarness.T0 + 10_000L)
                    .putFloat(50)
                    .putFloat(50)
                    .putFloat(50)
                    .array();
            @SuppressWarnings("unchecked")
            var windows = (WriteBackStore<String, EntityWindow>) h.driver.getStateStore(DetectorTopology.WINDOW_STORE);
            windows.put(PUMP, EntityWindow.codec(layout).decode(older));

            h.normal(PUMP, 10 - 2 * 3600); // two hours older than the stored clock
            h.normal(PUMP, 11);
            h.normal(PUMP, DAY_SECONDS + 11);

            assertEquals(List.of("OUT_OF_ORDER", "TIMESTAMP_JUMP"), reasons(h.dlq.readValuesToList()));
            assertEquals(secondsToTimes(List.of(11)), times(h.scoredValues()));
            assertEquals(DetectorHarness.T0 + 11_000L, windows.get(PUMP).clock().time());
            EventClock stored = EntityWindow.codec(layout)
                    .decode(EntityWindow.codec(layout).encode(windows.get(PUMP)))
                    .clock();
            assertEquals(1, stored.runLength(), "the jumped reading is remembered as a run of one");
        }
    }
}
