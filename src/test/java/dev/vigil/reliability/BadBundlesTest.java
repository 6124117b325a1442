package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.SigningKeys;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad bundles arrive on the models topic while the detector scores a live stream: every one is
 * refused for its reason, and scoring carries on, uninterrupted, on the model in service.
 */
class BadBundlesTest {
    private static final Logger LOG = LoggerFactory.getLogger(BadBundlesTest.class);
    private static final int READINGS = 1_500;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyBadBundleIsRefusedAndEveryReadingIsScoredByTheModelInService() throws Exception {
        KeyPair signer = SigningKeys.generate();
        SigningKeys.writePair(signer, dir);
        SwapEvents events = new SwapEvents();
        var good = TestBundles.trained(1);
        List<TestBundles.Bad> bad = TestBundles.bad(good, signer, 2);
        try (EmbeddedKafka kafka = DetectorRig.startKafka();
                BundlePublisher publisher = new BundlePublisher(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        ModelTopics.DEFAULT,
                        (short) 1)) {
            DetectorRig.createTopics(kafka);
            publisher.publish(TestBundles.signed(good, signer));
            Map<String, String> props =
                    DetectorRig.properties(kafka, "bad-bundles", "exactly_once_v2", null, dir.resolve("state"));
            try (InProcessDetector detector =
                            new InProcessDetector(props, dir.resolve(SigningKeys.PUBLIC_FILE), events);
                    ReadingStream stream =
                            new ReadingStream(kafka.bootstrapServers(), DetectorRig.INPUT, READINGS, 100, 3)) {
                detector.startAndAwaitRunning(Duration.ofSeconds(60));
                stream.start();
                for (TestBundles.Bad each : bad) {
                    Thread.sleep(800);
                    publisher.publish(each.bundle());
                }
                stream.awaitDone(Duration.ofSeconds(60));
                awaitRefusals(events, bad.size());
                verifyScoring(kafka, stream);
            }
        }
        verifyRefusals(events, bad);
    }

    private static void awaitRefusals(SwapEvents events, int count) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(30)).holds(() -> events.refused().size() >= count);
    }

    private static void verifyScoring(EmbeddedKafka kafka, ReadingStream stream) {
        var ids = stream.ackedIds();
        try (OutputTally out = new OutputTally(kafka.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
            out.awaitScored(ids, Duration.ofSeconds(1));
            LOG.info("bad bundles: {} versions={}", out.summary(ids), out.versions());
            assertEquals(List.of(), out.missing(ids));
            assertEquals(0, out.duplicates());
            assertEquals(Map.of(1L, READINGS), out.versions(), "every reading scored by version 1");
        }
    }

    private static void verifyRefusals(SwapEvents events, List<TestBundles.Bad> bad) {
        assertEquals(List.of(1L), events.applied(), "only the good bundle was ever applied");
        assertEquals(bad.size(), events.refused().size(), "every bad bundle refused: " + events.refused());
        for (int i = 0; i < bad.size(); i++) {
            TestBundles.Bad expected = bad.get(i);
            SwapEvents.Refusal refusal = events.refused().get(i);
            LOG.info(
                    "bundle '{}' v{} refused: {} ({})",
                    expected.kind(),
                    refusal.version(),
                    refusal.reason(),
                    refusal.message());
            assertEquals(expected.bundle().getVersion(), refusal.version(), expected.kind());
            assertTrue(
                    expected.reasons().contains(refusal.reason()),
                    expected.kind() + " refused as " + refusal.reason() + ", expected one of " + expected.reasons());
        }
    }
}
