package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The detector's follower of the models topic, on a real broker. */
class ModelsFollowerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static Map<String, Object> client;

    @BeforeAll
    static void clientOfTheBroker() {
        client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    }

    private static ModelHolder holder() {
        return new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4), DetectorEvents.NOOP);
    }

    private static Predicate<ModelBundle> recording(ModelHolder holder, List<String> offered) {
        return bundle -> {
            offered.add(bundle.getGroup() + ":" + bundle.getVersion());
            return holder.offer(bundle);
        };
    }

    private static void awaitVersion(ModelHolder holder, long version) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(30))
                .every(Duration.ofMillis(20))
                .until(
                        () -> holder.current().map(ModelInfo::version).orElse(-1L) == version,
                        () -> "version " + version + " never served");
    }

    @Test
    void atStartOnlyTheNewestBundleIsLoadedThenNewOnesFollow() throws Exception {
        ModelTopics topics = new ModelTopics("models-newest", "models-newest.history");
        List<String> offered = new CopyOnWriteArrayList<>();
        try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1);
                ModelHolder holder = holder()) {
            for (long v = 1; v <= 3; v++) {
                publisher.publish(TestBundles.gain("g", v, 0.5f));
            }
            try (ModelsFollower follower =
                    new ModelsFollower(client, topics.current(), "g", recording(holder, offered)).start()) {
                assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                assertEquals(List.of("g:3"), offered);
                publisher.publish(TestBundles.gain("g", 4, 0.75f));
                awaitVersion(holder, 4);
            }
        }
    }

    @Test
    void aFollowerStartedBeforeTheTopicExistsPicksUpTheFirstBundle() throws Exception {
        ModelTopics topics = new ModelTopics("models-late", "models-late.history");
        try (ModelHolder holder = holder();
                ModelsFollower follower = new ModelsFollower(client, topics.current(), "g", holder::offer).start()) {
            Thread.sleep(500);
            try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1)) {
                publisher.publish(TestBundles.gain("g", 1, 0.5f));
            }
            awaitVersion(holder, 1);
        }
    }

    @Test
    void withoutAConfiguredGroupTheFirstAcceptedGroupIsFollowed() throws Exception {
        ModelTopics topics = new ModelTopics("models-groups", "models-groups.history");
        List<String> offered = new CopyOnWriteArrayList<>();
        try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1);
                ModelHolder holder = holder()) {
            publisher.publish(TestBundles.gain("pumps", 1, 0.5f));
            try (ModelsFollower follower =
                    new ModelsFollower(client, topics.current(), null, recording(holder, offered)).start()) {
                assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                publisher.publish(TestBundles.gain("fans", 9, 0.75f));
                publisher.publish(TestBundles.gain("pumps", 2, 0.75f));
                awaitVersion(holder, 2);
            }
            assertEquals(List.of("pumps:1", "pumps:2"), offered);
            assertEquals("pumps", holder.current().orElseThrow().group());
        }
    }
}
