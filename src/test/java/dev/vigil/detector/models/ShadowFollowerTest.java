package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shadow topic as a detector follows it, on a real broker: a published candidate is taken up
 * beside the live model, a tombstone withdraws it, and a follower started later does not revive a
 * candidate a tombstone withdrew.
 */
class ShadowFollowerTest {
    private static final String TOPIC = "vigil.models.shadow";

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static ModelHolder holder(DetectorEvents events) {
        return new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4), events, "Shadow candidate");
    }

    private static ModelsFollower follow(ShadowModels shadows, Map<String, Object> client) {
        return new ModelsFollower(client, TOPIC, "pumps", shadows::offer)
                .onTombstone(shadows::withdraw)
                .start();
    }

    private static Optional<Long> shadowVersion(ShadowModels shadows) {
        return shadows.current("pumps").map(ModelInfo::version);
    }

    @Test
    void aCandidateIsTakenUpThenWithdrawnAndATombstoneHidesItFromALaterFollower() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        ModelHolder live = holder(DetectorEvents.NOOP);
        live.offer(TestBundles.linear(1));
        GroupModels groups = GroupModels.single("pumps", live);
        try (BundlePublisher publisher = new BundlePublisher(client, ModelTopics.DEFAULT, (short) 1);
                ShadowModels shadows = ShadowModels.of(groups, ShadowFollowerTest::holder, DetectorEvents.NOOP);
                ModelsFollower follower = follow(shadows, client)) {
            publisher.publishShadow(TestBundles.linear(2), TOPIC);
            Await.upTo(Duration.ofSeconds(30))
                    .until(() -> shadowVersion(shadows).isPresent(), "the candidate");
            assertEquals(Optional.of(2L), shadowVersion(shadows));
            assertTrue(shadows.lease("pumps", 1).isPresent(), "scored beside live v1");
            assertTrue(shadows.lease("pumps", 2).isEmpty(), "not once v2 is live");

            publisher.withdrawShadow("pumps", TOPIC);
            Await.upTo(Duration.ofSeconds(30))
                    .until(() -> shadowVersion(shadows).isEmpty(), "the withdrawal");
        }
        try (ShadowModels later = ShadowModels.of(groups, ShadowFollowerTest::holder, DetectorEvents.NOOP);
                ModelsFollower follower = follow(later, client)) {
            assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
            assertEquals(Optional.empty(), shadowVersion(later), "the tombstone hides v2 at start");
        }
        groups.close();
    }
}
