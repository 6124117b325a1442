package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.testkit.TestBundles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst of 100,000 entities never seen before, each sending one reading, while five regular pumps
 * keep reporting: every input comes out (scored or warming up), the regular pumps keep being scored
 * throughout, and the heap stays bounded because each task keeps only {@code CACHED_ENTITIES} decoded
 * states in memory (the rest live in RocksDB and the changelogs).
 */
class EntityBurstTest {
    private static final Logger LOG = LoggerFactory.getLogger(EntityBurstTest.class);
    private static final int BURST = 100_000;
    private static final int PUMPS = 5;
    /** One reading of every pump after this many burst readings. */
    private static final int PUMP_EVERY = 500;
    /** Heap growth after a collection that the burst must stay under: 18 MiB measured; 100,000 decoded states would be several times this. */
    private static final long HEAP_BOUND_BYTES = 96L << 20;

    @TempDir
    Path stateDir;

    @Test
    void aBurstOfNewEntitiesKeepsTheHeapBoundedAndTheRegularPumpsScored() {
        try (var h = new DetectorHarness(Map.of(), TestBundles.linear(1), stateDir)) {
            Map<String, TestOutputTopic<byte[], byte[]>> changelogs = changelogs(h);
            Tally tally = new Tally();
            long heapBefore = usedHeapAfterGc();
            int second = 0;
            for (int i = 0; i < BURST; i++) {
                h.normal("burst-" + i, second);
                if (i % PUMP_EVERY == 0) {
                    second++;
                    for (int p = 0; p < PUMPS; p++) {
                        h.normal("pump-" + p, second);
                    }
                }
                if (i % 5_000 == 0) {
                    tally.drain(h, changelogs);
                }
            }
            tally.drain(h, changelogs);
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            int pumpReadings = PUMPS * (BURST / PUMP_EVERY);
            LOG.info(
                    "burst of {} entities + {} pump readings: {} scored records, {} dead letters, heap growth {} MiB,"
                            + " changelog records/bytes {}",
                    BURST,
                    pumpReadings,
                    tally.scored,
                    tally.deadLetters,
                    heapGrowth >> 20,
                    tally.changelog);
            assertEquals(BURST + pumpReadings, tally.scored, "every input scored or warming up");
            assertEquals(0, tally.deadLetters);
            assertEquals(pumpReadings, tally.pumpScored, "every pump reading scored, none left warming up");
            assertTrue(heapGrowth < HEAP_BOUND_BYTES, "heap grew by " + (heapGrowth >> 20) + " MiB");
        }
    }

    private static Map<String, TestOutputTopic<byte[], byte[]>> changelogs(DetectorHarness h) {
        Map<String, TestOutputTopic<byte[], byte[]>> topics = new HashMap<>();
        for (String store : List.of(
                DetectorTopology.WINDOW_STORE, DetectorTopology.DECISION_STORE, DetectorTopology.BUFFER_STORE)) {
            topics.put(
                    store,
                    h.driver.createOutputTopic(
                            "detector-test-" + store + "-changelog",
                            Serdes.ByteArray().deserializer(),
                            Serdes.ByteArray().deserializer()));
        }
        return topics;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** What came out so far; draining also keeps the driver from holding every output in memory. */
    private static final class Tally {
        long scored;
        long pumpScored;
        long deadLetters;
        final Map<String, String> changelog = new HashMap<>();
        private final Map<String, long[]> changelogTotals = new HashMap<>();

        void drain(DetectorHarness h, Map<String, TestOutputTopic<byte[], byte[]>> changelogs) {
            for (ScoredReading reading : h.scoredValues()) {
                scored++;
                if (reading.getReading().getEntity().toString().startsWith("pump-")
                        && reading.getVerdict() != Verdict.WARMING_UP) {
                    pumpScored++;
                }
            }
            deadLetters += h.dlq.readValuesToList().size();
            changelogs.forEach((store, topic) -> {
                long[] totals = changelogTotals.computeIfAbsent(store, s -> new long[2]);
                for (var record : topic.readKeyValuesToList()) {
                    totals[0]++;
                    totals[1] += (record.key == null ? 0 : record.key.length)
                            + (record.value == null ? 0 : record.value.length);
                }
                changelog.put(store, totals[0] + "/" + totals[1]);
            });
        }
    }
}
