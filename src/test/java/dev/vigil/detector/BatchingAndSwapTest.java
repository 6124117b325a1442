package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batched scoring through the slot store, restart safety, and the hot swap seen from the topology. */
class BatchingAndSwapTest {
    @TempDir
    Path stateDir;

    private static final Map<String, Object> BATCH_OF_4 =
            Map.of(DetectorConfig.SCORING_BATCH_SIZE, 4, DetectorConfig.PUNCTUATION_INTERVAL_MS, 50L);
    private static final Map<String, Object> BATCH_OF_4_IN_BACKGROUND = Map.of(
            DetectorConfig.SCORING_BATCH_SIZE,
            4,
            DetectorConfig.PUNCTUATION_INTERVAL_MS,
            50L,
            DetectorConfig.SCORING_BACKGROUND,
            "true");

    @Test
    void aFullBatchIsScoredAtOnceAndAPartialOneOnThePunctuation() {
        try (var h = new DetectorHarness(BATCH_OF_4, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 10; second++) {
                h.normal("pump-" + second % 3, second);
            }
            assertEquals(8, h.scoredValues().size());
            h.tick(Duration.ofMillis(60));
            List<ScoredReading> rest = h.scoredValues();
            assertEquals(2, rest.size());
            assertEquals(
                    DetectorHarness.T0 + 9000,
                    rest.get(1).getReading().getTimestamp().toEpochMilli());
        }
    }

    @Test
    void bufferedReadingsAreCommittedToTheChangelogUntilTheyAreScored() {
        try (var h = new DetectorHarness(BATCH_OF_4, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 3; second++) {
                h.normal("pump-1", second);
            }
            var changelog = h.driver.createOutputTopic(
                    "detector-test-" + DetectorTopology.BUFFER_STORE + "-changelog",
                    Serdes.Integer().deserializer(),
                    Serdes.ByteArray().deserializer());
            var writes = changelog.readKeyValuesToList();
            assertEquals(List.of(-1, -1, -1), writes.stream().map(kv -> kv.key).toList(), "one entry: the batch");
            assertTrue(
                    writes.get(2).value.length > writes.get(0).value.length,
                    "each commit writes the whole pending batch, so it grows with it");
            assertTrue(h.scored.isEmpty());
            h.tick(Duration.ofMillis(60));
            assertEquals(3, h.scoredValues().size());
            var cleared = changelog.readKeyValuesToList();
            assertEquals(1, cleared.size());
            assertNull(cleared.get(0).value, "the batch is a tombstone once scored");
        }
    }

    @Test
    void aSwapMidStreamChangesTheVersionAtASinglePoint() {
        try (var h = new DetectorHarness(BATCH_OF_4, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 6; second++) {
                h.normal("pump-1", second);
            }
            assertTrue(h.models.offer(TestBundles.linear(2)));
            for (int second = 6; second < 12; second++) {
                h.normal("pump-1", second);
            }
            h.tick(Duration.ofMillis(60));
            List<Long> versions = h.scoredValues().stream()
                    .map(ScoredReading::getModelVersion)
                    .toList();
            assertEquals(12, versions.size());
            assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L), versions);
        }
    }

    @Test
    void aRefusedBundleLeavesTheOldModelScoring() {
        try (var h = new DetectorHarness(Map.of(), TestBundles.linear(3), stateDir)) {
            assertFalse(h.models.offer(TestBundles.linear(2)), "older version refused");
            h.normal("pump-1", 1);
            assertEquals(3L, h.scored.readValue().getModelVersion());
        }
    }

    @Test
    void inTheBackgroundAFullBatchIsForwardedWhenTheNextIsFullAtTheLatest() {
        try (var h = new DetectorHarness(BATCH_OF_4_IN_BACKGROUND, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 8; second++) {
                h.normal("pump-" + second % 3, second);
            }
            List<ScoredReading> first = h.scoredValues();
            assertEquals(4, first.size(), "the first batch, collected when the second was full");
            h.normal("pump-1", 8);
            h.tick(Duration.ofMillis(60));
            List<ScoredReading> rest = h.scoredValues();
            assertEquals(5, rest.size(), "the second batch and the partial third, on the punctuation");
            List<Long> times = java.util.stream.Stream.concat(first.stream(), rest.stream())
                    .map(r -> r.getReading().getTimestamp().toEpochMilli() - DetectorHarness.T0)
                    .toList();
            assertEquals(
                    List.of(0L, 1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L), times, "once each, in order");
        }
    }

    @Test
    void inTheBackgroundScoresAreTheSameAsOnTheStreamThread() {
        List<Double> background;
        try (var h = new DetectorHarness(BATCH_OF_4_IN_BACKGROUND, TestBundles.linear(1), stateDir.resolve("bg"))) {
            background = scoresOf(h);
        }
        try (var h = new DetectorHarness(BATCH_OF_4, TestBundles.linear(1), stateDir.resolve("fg"))) {
            assertEquals(scoresOf(h), background);
        }
    }

    private static List<Double> scoresOf(DetectorHarness h) {
        for (int second = 0; second < 11; second++) {
            if (second == 7) {
                h.spike("pump-2", second, 6);
            } else {
                h.normal("pump-" + second % 3, second);
            }
        }
        h.tick(Duration.ofMillis(60));
        List<Double> scores =
                h.scoredValues().stream().map(ScoredReading::getScore).toList();
        assertEquals(11, scores.size());
        return scores;
    }

    @Test
    void aBatchBeingScoredInTheBackgroundStaysInTheCommittedBatchUntilItIsForwarded() {
        try (var h = new DetectorHarness(BATCH_OF_4_IN_BACKGROUND, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 8; second++) {
                h.normal("pump-1", second);
            }
            assertEquals(4, h.scoredValues().size(), "the second batch was handed over, not forwarded");
            var changelog = h.driver.createOutputTopic(
                    "detector-test-" + DetectorTopology.BUFFER_STORE + "-changelog",
                    Serdes.Integer().deserializer(),
                    Serdes.ByteArray().deserializer());
            var writes = changelog.readValuesToList();
            byte[] committed = writes.get(writes.size() - 1);
            assertEquals(4, java.nio.ByteBuffer.wrap(committed).getInt(4), "records in the committed batch");
            h.tick(Duration.ofMillis(60));
            assertEquals(4, h.scoredValues().size());
            var cleared = changelog.readValuesToList();
            assertNull(cleared.get(cleared.size() - 1), "a tombstone once forwarded");
        }
    }

    @ParameterizedTest(name = "scoring.background={0}")
    @ValueSource(strings = {"false", "true"})
    void aBatchThatCannotBeScoredIsDeadLetteredAndTheStreamGoesOn(String background) {
        Map<String, Object> settings = Map.of(
                DetectorConfig.SCORING_BATCH_SIZE,
                4,
                DetectorConfig.PUNCTUATION_INTERVAL_MS,
                50L,
                DetectorConfig.SCORING_BACKGROUND,
                background);
        try (var h = new DetectorHarness(settings, TestBundles.linear(1), stateDir)) {
            h.models.close();
            for (int second = 0; second < 4; second++) {
                h.normal("pump-1", second);
            }
            h.tick(Duration.ofMillis(60));
            var letters = h.dlq.readValuesToList();
            assertEquals(4, letters.size(), "the whole batch, nothing lost");
            for (var letter : letters) {
                assertEquals("SCORING_FAILED", letter.getReason());
                assertTrue(letter.getErrorMessage().contains("no model is loaded"), letter.getErrorMessage());
                assertTrue(letter.getValue().remaining() > 0, "the reading's bytes travel with the letter");
            }
            assertTrue(h.scored.isEmpty());
            assertTrue(h.models.offer(TestBundles.linear(2)));
            h.normal("pump-1", 4);
            h.tick(Duration.ofMillis(60));
            assertEquals(
                    List.of(2L),
                    h.scoredValues().stream()
                            .map(ScoredReading::getModelVersion)
                            .toList());
        }
    }

    @Test
    void closingTheDetectorStopsItsScoringThreads() throws InterruptedException {
        try (var h = new DetectorHarness(BATCH_OF_4_IN_BACKGROUND, TestBundles.linear(1), stateDir)) {
            for (int second = 0; second < 8; second++) {
                h.normal("pump-1", second);
            }
            assertFalse(scoringThreads().isEmpty(), "a batch is in flight on the scoring thread");
        }
        // a terminated executor's thread may take a moment to leave run()
        Await.upTo(Duration.ofSeconds(2)).every(Duration.ofMillis(10)).holds(() -> scoringThreads()
                .isEmpty());
        assertEquals(List.of(), scoringThreads());
    }

    private static List<String> scoringThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("vigil-scoring-"))
                .toList();
    }
}
