package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector runs in its own JVM and is killed with SIGKILL {@value #KILLS} times, at seeded random
 * moments while it processes a live stream of readings with unique ids, and restarted each time.
 */
class CrashTest {
    static final int KILLS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CrashTest.class);
    private static final int READINGS = 3_000;
    private static final int PER_SECOND = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void exactlyOnceGivesOneScoredRecordPerIdAndOpensNoAlertTwice() throws Exception {
        Result result = crashRepeatedly("exactly_once_v2", 42);
        assertEquals(List.of(), result.missing, "ids without a scored record");
        assertEquals(0, result.duplicates, "ids scored more than once");
        assertEquals(READINGS, result.scored);
        assertFalse(result.openedByAlert.isEmpty(), "the injected anomalies opened alerts");
        assertEquals(Map.of(), twice(result.openedByAlert), "alerts opened more than once");
    }

    @Test
    @Timeout(150)
    void atLeastOnceLosesNothing() throws Exception {
        Result result = crashRepeatedly("at_least_once", 43);
        assertEquals(List.of(), result.missing, "ids without a scored record");
        assertTrue(result.scored >= READINGS);
    }

    /** What the committed output held after the run. */
    record Result(int scored, int duplicates, List<String> missing, Map<String, Integer> openedByAlert) {}

    private Result crashRepeatedly(String guarantee, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        try (EmbeddedKafka kafka = DetectorRig.startKafka()) {
            DetectorRig.createTopics(kafka);
            Map<String, String> props = DetectorRig.properties(
                    kafka, "crash", guarantee, TestBundles.writeTrained(dir, 1), dir.resolve("state"));
            try (ForkedDetector detector = new ForkedDetector("crash", dir, props);
                    ReadingStream stream = new ReadingStream(
                            kafka.bootstrapServers(), DetectorRig.INPUT, READINGS, PER_SECOND, seed)) {
                detector.startAndAwaitRunning(Duration.ofSeconds(60));
                stream.start();
                for (int kill = 1; kill <= KILLS; kill++) {
                    long delay = 300 + random.nextLong(2_500);
                    Thread.sleep(delay);
                    detector.kill();
                    LOG.info(
                            "{}: kill {} of {} after {} ms, {} readings sent",
                            guarantee,
                            kill,
                            KILLS,
                            delay,
                            stream.sent());
                    detector.startAndAwaitRunning(Duration.ofSeconds(60));
                }
                stream.awaitDone(Duration.ofSeconds(90));
                return tally(kafka, guarantee, stream);
            }
        }
    }

    private static Result tally(EmbeddedKafka kafka, String guarantee, ReadingStream stream) {
        var ids = stream.ackedIds();
        try (OutputTally out = new OutputTally(kafka.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
            out.awaitScored(ids, Duration.ofSeconds(3));
            Result result =
                    new Result(out.scored(), out.duplicates(), out.missing(ids), Map.copyOf(out.openedByAlert()));
            LOG.info(
                    "crash {}: kills={} in={} scored={} dead-lettered={} duplicates={} missing={} alerts opened={}"
                            + " (opened twice: {})",
                    guarantee,
                    KILLS,
                    ids.size(),
                    result.scored,
                    out.deadLetters().size(),
                    result.duplicates,
                    result.missing.size(),
                    result.openedByAlert.size(),
                    twice(result.openedByAlert).size());
            return result;
        }
    }

    private static Map<String, Integer> twice(Map<String, Integer> openedByAlert) {
        return openedByAlert.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
