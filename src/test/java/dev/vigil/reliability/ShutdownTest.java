package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM reaches the detector JVM while it loads a model at start-up, or while it swaps in a new
 * one under load: it exits by itself, with no JVM crash report, and when it was running it closed
 * Kafka Streams before the ONNX Runtime sessions.
 */
class ShutdownTest {
    /** Exit codes of a clean exit: 0, or 143 (128 + SIGTERM) when the JVM ends on the signal. */
    static final Set<Integer> CLEAN_EXIT = Set.of(0, 143);

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownTest.class);
    /** Logged by the detector (one or the other, by version) just before it validates and loads its first bundle. */
    private static final List<String> BEFORE_LOAD = List.of(
            "MODEL SIGNATURES ARE NOT REQUIRED", "MODEL SIGNATURES ARE NOT CHECKED", "model.trusted.keys is not set");

    private static final String STREAMS_STOPPED = "State transition from PENDING_SHUTDOWN to NOT_RUNNING";
    private static final String SESSION_CLOSED = "Closed ONNX Runtime session of model";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void sigtermDuringModelLoadExitsCleanly() throws Exception {
        try (EmbeddedKafka kafka = DetectorRig.startKafka()) {
            DetectorRig.createTopics(kafka);
            Path bundle = TestBundles.writeTrained(dir, 1);
            for (int delayMs : List.of(0, 10, 30, 60, 120)) {
                Map<String, String> props =
                        DetectorRig.properties(kafka, "load", "exactly_once_v2", bundle, dir.resolve("state"));
                try (ForkedDetector detector = new ForkedDetector("load-" + delayMs, dir, props)) {
                    detector.start().awaitAnyLog(BEFORE_LOAD, Duration.ofSeconds(60));
                    Thread.sleep(delayMs);
                    int exit = detector.terminate(Duration.ofSeconds(40));
                    LOG.info(
                            "SIGTERM {} ms after the load began: exit {}, model loaded before exit: {}",
                            delayMs,
                            exit,
                            detector.logText().contains("now scores"));
                    assertTrue(CLEAN_EXIT.contains(exit), "exit code " + exit + "\n" + detector.logText());
                    assertNoCrash(detector);
                }
            }
        }
    }

    @Test
    @Timeout(150)
    void sigtermDuringSwapUnderLoadClosesStreamsThenSessions() throws Exception {
        try (EmbeddedKafka kafka = DetectorRig.startKafka();
                BundlePublisher publisher = new BundlePublisher(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        ModelTopics.DEFAULT,
                        (short) 1)) {
            DetectorRig.createTopics(kafka);
            publisher.publish(TestBundles.trained(1));
            long version = 1;
            for (int delayMs : List.of(0, 40)) {
                Map<String, String> props =
                        DetectorRig.properties(kafka, "swap", "exactly_once_v2", null, dir.resolve("state"));
                try (ForkedDetector detector = new ForkedDetector("swap-" + delayMs, dir, props);
                        ReadingStream stream =
                                new ReadingStream(kafka.bootstrapServers(), DetectorRig.INPUT, 100_000, 200, delayMs)) {
                    detector.startAndAwaitRunning(Duration.ofSeconds(60));
                    stream.start();
                    Thread.sleep(1_500);
                    publisher.publish(TestBundles.trained(++version));
                    Thread.sleep(delayMs);
                    int exit = detector.terminate(Duration.ofSeconds(40));
                    LOG.info(
                            "SIGTERM {} ms after publishing v{} under load: exit {}, swapped before exit: {}",
                            delayMs,
                            version,
                            exit,
                            detector.logText().contains(TestBundles.TRAINED_GROUP + ":" + version + " now scores"));
                    assertTrue(CLEAN_EXIT.contains(exit), "exit code " + exit + "\n" + detector.logText());
                    assertNoCrash(detector);
                    assertStreamsClosedBeforeSessions(detector.logText());
                }
            }
        }
    }

    private static void assertNoCrash(ForkedDetector detector) throws Exception {
        assertEquals(List.of(), detector.crashReports(), "JVM crash reports");
        assertFalse(detector.logText().contains("SIGSEGV"), detector.logText());
        assertFalse(detector.logText().contains("A fatal error has been detected"), detector.logText());
    }

    private static void assertStreamsClosedBeforeSessions(String log) {
        int streamsStopped = log.indexOf(STREAMS_STOPPED);
        int firstSessionClosedAfter = log.indexOf(SESSION_CLOSED, Math.max(0, streamsStopped));
        assertTrue(streamsStopped >= 0, "Kafka Streams stopped:\n" + log);
        assertTrue(firstSessionClosedAfter > streamsStopped, "the session in service closed after Streams:\n" + log);
        assertTrue(log.contains("Detector stopped"), log);
    }
}
