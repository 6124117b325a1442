package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker stops and starts again (same ports, same log directories) while readings stream through
 * a running detector; the detector recovers by itself, without a restart, and nothing is lost.
 */
class BrokerRestartTest {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartTest.class);
    private static final int READINGS = 2_500;

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void detectorRecoversFromBrokerRestartAndScoresEveryReadingOnce() throws Exception {
        try (EmbeddedKafka kafka = DetectorRig.startKafka()) {
            DetectorRig.createTopics(kafka);
            Map<String, String> props = DetectorRig.properties(
                    kafka, "restart", "exactly_once_v2", TestBundles.writeTrained(dir, 1), dir.resolve("state"));
            try (ForkedDetector detector = new ForkedDetector("restart", dir, props);
                    ReadingStream stream =
                            new ReadingStream(kafka.bootstrapServers(), DetectorRig.INPUT, READINGS, 100, 7)) {
                detector.startAndAwaitRunning(Duration.ofSeconds(60));
                stream.start();
                Thread.sleep(5_000);
                kafka.stopBroker();
                LOG.info("broker stopped after {} readings", stream.sent());
                Thread.sleep(5_000);
                kafka.startBroker();
                LOG.info("broker started again after {} readings", stream.sent());
                stream.awaitDone(Duration.ofSeconds(90));
                verify(kafka, stream);
                assertTrue(detector.isAlive(), "the detector recovered without a restart");
            }
        }
    }

    private static void verify(EmbeddedKafka kafka, ReadingStream stream) {
        var ids = stream.ackedIds();
        try (OutputTally out = new OutputTally(kafka.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
            out.awaitScored(ids, Duration.ofSeconds(2));
            LOG.info("broker restart: {}", out.summary(ids));
            assertEquals(READINGS, ids.size());
            assertEquals(List.of(), out.missing(ids));
            assertEquals(0, out.duplicates());
            assertEquals(0, out.deadLetters().size());
        }
    }
}
