package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.topology.EntityPartitions;
import dev.vigil.detector.topology.InputRouting;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.MetricNames;
import dev.vigil.testkit.TestBundles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The routing of readings to the features stage, in a TopologyTestDriver (which feeds partition 0 of
 * the input): readings off their entity's murmur2 partition are counted as misrouted and warned about
 * once per entity; with {@code input.repartition=always} they pass through the repartition topic and
 * keep their provenance for dead letters.
 */
class EntityRoutingTopologyTest {
    private static final int PARTITIONS = 4;
    private static final List<String> ENTITIES =
            IntStream.range(0, 12).mapToObj(i -> "pump-" + i).toList();

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorMetrics metrics = new DetectorMetrics();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger checkLog = (Logger) LoggerFactory.getLogger("dev.vigil.detector.topology.PartitionCheck");

    @BeforeEach
    void listen() {
        metrics.bindTo(registry);
        warnings.start();
        checkLog.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        checkLog.detachAppender(warnings);
    }

    private DetectorHarness harness(String repartition) {
        DetectorConfig config = DetectorHarness.config(Map.of(DetectorConfig.INPUT_REPARTITION, repartition), stateDir);
        var models = DetectorHarness.holderWith(config, TestBundles.linear(1));
        return new DetectorHarness(config, models, InputRouting.of(config, PARTITIONS), metrics);
    }

    private double misrouted() {
        return registry.get(MetricNames.RECORDS_MISROUTED).counter().count();
    }

    private static List<String> offPartitionZero() {
        return ENTITIES.stream()
                .filter(entity -> EntityPartitions.of(entity, PARTITIONS) != 0)
                .toList();
    }

    @Test
    void readingsOffTheirEntitysPartitionAreCountedAndWarnedAboutOncePerEntity() {
        List<String> misroutedEntities = offPartitionZero();
        assertTrue(!misroutedEntities.isEmpty() && misroutedEntities.size() < ENTITIES.size(), "both kinds present");
        try (var h = harness("never")) {
            for (int second = 0; second < 3; second++) {
                for (String entity : ENTITIES) {
                    h.normal(entity, second);
                }
            }
            assertEquals(3 * ENTITIES.size(), h.scoredValues().size(), "every reading still scored");
        }
        assertEquals(3.0 * misroutedEntities.size(), misrouted());
        List<String> warned = warnings.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(event -> (String) event.getArgumentArray()[0])
                .toList();
        assertEquals(misroutedEntities, warned);
    }

    @Test
    void repartitionedReadingsAreScoredAndNeverCountedAsMisrouted() {
        try (var h = harness("always")) {
            for (String entity : ENTITIES) {
                h.normal(entity, 0);
            }
            List<ScoredReading> scored = h.scoredValues();
            assertEquals(
                    ENTITIES,
                    scored.stream()
                            .map(s -> s.getReading().getEntity())
                            .sorted(this::byNumber)
                            .toList());
        }
        assertEquals(0.0, misrouted());
        assertTrue(warnings.list.isEmpty());
    }

    @Test
    void aReadingDeadLetteredAfterTheRepartitionTopicKeepsItsProvenance() {
        try (var h = harness("always")) {
            String raw = DetectorHarness.json("pump-1", DetectorHarness.T0, Map.of("temp", 60, "pressure", 60));
            h.pipe("pump-1", raw);
            DeadLetter letter = h.dlq.readValue();
            assertEquals("MISSING_FEATURE", letter.getReason());
            assertEquals(h.config.getString(DetectorConfig.INPUT_TOPIC), letter.getSourceTopic());
            assertEquals(0, letter.getPartition());
            assertEquals(0L, letter.getOffset());
            assertArrayEquals(raw.getBytes(StandardCharsets.UTF_8), bytes(letter.getValue()));
            assertArrayEquals("pump-1".getBytes(StandardCharsets.UTF_8), bytes(letter.getKey()));
        }
    }

    @Test
    void autoRepartitionsOnlyAnInputOfSeveralPartitions() {
        DetectorConfig config = DetectorHarness.config(Map.of(DetectorConfig.INPUT_REPARTITION, "auto"), stateDir);
        assertTrue(InputRouting.of(config, 2).repartition());
        assertTrue(!InputRouting.of(config, 1).repartition());
        assertTrue(!InputRouting.of(config, InputRouting.UNKNOWN).repartition());
        DetectorConfig byDefault = DetectorHarness.config(Map.of(), stateDir);
        assertTrue(!InputRouting.of(byDefault, 6).repartition(), "never by default");
    }

    private int byNumber(String a, String b) {
        return Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5)));
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
