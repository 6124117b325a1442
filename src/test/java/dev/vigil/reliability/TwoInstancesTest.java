package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.SigningKeys;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two detector JVMs share the input partitions (same application id) and both follow the models
 * topic; a new bundle reaches both; one is killed and the other takes over its partitions; nothing
 * is lost or doubled.
 */
class TwoInstancesTest {
    private static final Logger LOG = LoggerFactory.getLogger(TwoInstancesTest.class);
    private static final String APP = "pair";
    private static final int READINGS = 3_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void survivorTakesOverAllPartitionsAndBothServedTheCurrentBundle() throws Exception {
        KeyPair signer = SigningKeys.generate();
        SigningKeys.writePair(signer, dir);
        try (EmbeddedKafka kafka = DetectorRig.startKafka();
                BundlePublisher publisher = new BundlePublisher(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        ModelTopics.DEFAULT,
                        (short) 1)) {
            DetectorRig.createTopics(kafka);
            publisher.publish(TestBundles.signed(TestBundles.trained(1), signer));
            try (ForkedDetector a = instance(kafka, "a");
                    ForkedDetector b = instance(kafka, "b");
                    ReadingStream stream =
                            new ReadingStream(kafka.bootstrapServers(), DetectorRig.INPUT, READINGS, 100, 5)) {
                a.startAndAwaitRunning(Duration.ofSeconds(60));
                b.startAndAwaitRunning(Duration.ofSeconds(60));
                stream.start();
                Thread.sleep(3_000);
                publisher.publish(TestBundles.signed(TestBundles.trained(2), signer));
                for (ForkedDetector each : List.of(a, b)) {
                    each.awaitLog("Model " + TestBundles.TRAINED_GROUP + ":2 now scores", Duration.ofSeconds(20));
                }
                Thread.sleep(3_000);
                a.kill();
                LOG.info("killed instance a after {} readings", stream.sent());
                awaitSoleOwner(kafka, Duration.ofSeconds(40));
                stream.awaitDone(Duration.ofSeconds(60));
                verify(kafka, stream);
                assertTrue(b.isAlive());
            }
        }
    }

    private ForkedDetector instance(EmbeddedKafka kafka, String name) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state-" + name));
        Map<String, String> props = DetectorRig.properties(kafka, APP, "exactly_once_v2", null, state);
        props.put("model.trusted.keys", dir.resolve(SigningKeys.PUBLIC_FILE).toString());
        return new ForkedDetector(name, dir, props);
    }

    /** Waits until the group has one member and it owns every input partition. */
    private static void awaitSoleOwner(EmbeddedKafka kafka, Duration timeout) throws Exception {
        try (Admin admin = kafka.admin()) {
            long[] membersAndOwned = new long[2];
            Await.upTo(timeout)
                    .every(Duration.ofMillis(250))
                    .until(
                            () -> soleOwner(admin, membersAndOwned),
                            () -> "group " + APP + " still has " + membersAndOwned[0] + " members owning "
                                    + membersAndOwned[1] + " input partitions");
            LOG.info("survivor owns all {} input partitions", membersAndOwned[1]);
        }
    }

    /** Whether one member owns every input partition; {@code membersAndOwned} receives both counts. */
    private static boolean soleOwner(Admin admin, long[] membersAndOwned) {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(APP))
                    .describedGroups()
                    .get(APP)
                    .get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("cannot describe group " + APP, e);
        }
        membersAndOwned[0] = group.members().size();
        membersAndOwned[1] = group.members().stream()
                .flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(p -> p.topic().equals(DetectorRig.INPUT))
                .count();
        return membersAndOwned[0] == 1 && membersAndOwned[1] == DetectorRig.PARTITIONS;
    }

    private static void verify(EmbeddedKafka kafka, ReadingStream stream) {
        var ids = stream.ackedIds();
        try (OutputTally out = new OutputTally(kafka.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
            out.awaitScored(ids, Duration.ofSeconds(2));
            LOG.info("two instances: {} versions={}", out.summary(ids), out.versions());
            assertEquals(List.of(), out.missing(ids));
            assertEquals(0, out.duplicates());
            assertEquals(Set.of(1L, 2L), out.versions().keySet(), "scored by version 1, then by version 2");
        }
    }
}
