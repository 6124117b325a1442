package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.MetricNames;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The detector's follower of the models topic, on a real broker: the newest usable bundle at start,
 * then new ones; garbage records counted and logged once; the history topic as the fallback when
 * compaction left only garbage for the group.
 */
class ModelsFollowerTest {
    /** The log cleaner looks for compactable topics every 100 ms instead of every 15 s. */
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker().withProperty("log.cleaner.backoff.ms", "100");

    private static Map<String, Object> client;

    @BeforeAll
    static void clientOfTheBroker() {
        client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
    }

    private static ModelHolder holder() {
        return new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4), DetectorEvents.NOOP);
    }

    /** A holder whose events move the detector's real meters in {@code registry}. */
    private static ModelHolder holder(SimpleMeterRegistry registry) {
        DetectorMetrics metrics = new DetectorMetrics();
        metrics.bindTo(registry);
        return new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4), metrics);
    }

    private static double unreadable(SimpleMeterRegistry registry) {
        return registry.get(MetricNames.MODEL_SWAPS)
                .tags("outcome", "refused", "reason", "unreadable")
                .counter()
                .count();
    }

    /** A follower of {@code topics} as the detector runs it: history fallback, unreadable records counted. */
    private static ModelsFollower follower(ModelTopics topics, ModelHolder holder) {
        return new ModelsFollower(client, topics.current(), "g", holder::offer)
                .withHistory(topics.history())
                .onUnreadable(holder::unreadable)
                .start();
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void send(String topic, String key, byte[] value, long timestamp) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, timestamp, key, value))
                    .get();
        }
    }

    /** Whether {@code topic} still holds a record of {@code group} that decodes as a bundle. */
    private static boolean holdsBundleOf(String topic, String group) {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            boolean found = false;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found |= group.equals(record.key()) && decodes(record.value());
                }
            }
            return found;
        }
    }

    private static boolean decodes(byte[] value) {
        try {
            BundleFiles.decode(value);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Captures what {@link BundleRecords} logs. */
    private static ListAppender<ILoggingEvent> capturedLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(BundleRecords.class)).addAppender(appender);
        return appender;
    }

    private static List<String> unreadableLines(ListAppender<ILoggingEvent> log) {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("unreadable"))
                .toList();
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

    @Test
    void garbageOnTheModelsTopicIsCountedAndLoggedOnceWhileTheModelInUseKeepsServing() throws Exception {
        ModelTopics topics = new ModelTopics("models-garbage", "models-garbage.history");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ListAppender<ILoggingEvent> log = capturedLog();
        try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1);
                ModelHolder holder = holder(registry)) {
            publisher.publish(TestBundles.gain("g", 1, 0.5f));
            try (ModelsFollower follower = follower(topics, holder)) {
                assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                send(topics.current(), "g", garbage(700), System.currentTimeMillis());
                Await.upTo(Duration.ofSeconds(30)).until(() -> unreadable(registry) >= 1, "garbage never counted");
                assertEquals(1L, holder.current().orElseThrow().version(), "the model in use keeps serving");
                publisher.publish(TestBundles.gain("g", 2, 0.75f));
                awaitVersion(holder, 2);
            }
            assertEquals(1.0, unreadable(registry), "counted once");
            List<String> lines = unreadableLines(log);
            assertEquals(1, lines.size(), "logged once: " + lines);
            assertTrue(
                    lines.get(0).contains("models-garbage-0@1") && lines.get(0).contains("700 bytes"), lines.get(0));
        } finally {
            ((Logger) LoggerFactory.getLogger(BundleRecords.class)).detachAppender(log);
        }
    }

    @Test
    void aRestartWithGarbageAsTheGroupsLatestValueServesTheBundleBeforeIt() throws Exception {
        ModelTopics topics = new ModelTopics("models-garbage-latest", "models-garbage-latest.history");
        try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1)) {
            publisher.publish(TestBundles.gain("g", 1, 0.5f));
            publisher.publish(TestBundles.gain("g", 2, 0.75f));
        }
        send(topics.current(), "g", garbage(300), System.currentTimeMillis());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ModelHolder holder = holder(registry);
                ModelsFollower follower = follower(topics, holder)) {
            assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
            assertEquals(2L, holder.current().orElseThrow().version());
            assertEquals(1.0, unreadable(registry));
        }
    }

    @Test
    void aRestartAfterCompactionLeftOnlyGarbageForTheGroupServesTheLastValidBundleFromTheHistory() throws Exception {
        ModelTopics topics = new ModelTopics("models-compacted", "models-compacted.history");
        KAFKA.createTopics(List.of(new NewTopic(topics.current(), 1, (short) 1)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.SEGMENT_MS_CONFIG, "1000",
                        TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"))));
        try (BundlePublisher publisher = new BundlePublisher(client, topics, (short) 1)) {
            publisher.publish(TestBundles.gain("g", 1, 0.5f));
        }
        // Record timestamps over segment.ms apart roll a segment before each of these two records,
        // so the garbage and the bundle before it are both compactable: the cleaner keeps the garbage.
        long later = System.currentTimeMillis() + 2_000;
        send(topics.current(), "g", garbage(300), later);
        send(topics.current(), "another-group", garbage(100), later + 2_000);
        Await.upTo(Duration.ofSeconds(60))
                .every(Duration.ofMillis(200))
                .until(() -> !holdsBundleOf(topics.current(), "g"), "the log cleaner never compacted the topic");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ModelHolder holder = holder(registry);
                ModelsFollower follower = follower(topics, holder)) {
            assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
            assertEquals(1L, holder.current().orElseThrow().version(), "served from the history topic");
            assertEquals(1.0, unreadable(registry), "the garbage is counted, the other group's record ignored");
        }
    }
}
