package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Decoding model-topic records: bundles of the followed group, everything else refused or skipped. */
class BundleRecordsTest {
    private final List<String> unreadable = new ArrayList<>();

    private BundleRecords records(String group) {
        BundleRecords records = new BundleRecords(group);
        records.onUnreadable((key, problem) -> unreadable.add(key + ": " + problem));
        return records;
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("vigil.models", 0, 42L, key, value);
    }

    /**
     * A valid single-object header and the first fields of a bundle, then an array that claims a
     * billion feature names in a 30-byte record.
     */
    private static byte[] hugeArrayClaim() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AvroCodec.of(ModelBundle.class).header());
        out.writeBytes(new byte[] {2, 'g', 2, 2, 'x', 2});
        long count = 1_000_000_000L;
        long zigzag = count << 1;
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }

    @Test
    void aBundleOfTheFollowedGroupDecodes() {
        byte[] value = BundleFiles.encode(TestBundles.gain("g", 3, 0.5f));
        assertEquals(3L, records("g").decode(record("g", value)).orElseThrow().getVersion());
        assertEquals(List.of(), unreadable);
    }

    @Test
    void garbageOfTheFollowedGroupIsReportedWithItsPositionAndSize() {
        assertTrue(records("g").decode(record("g", new byte[] {1, 2, 3})).isEmpty());
        assertEquals(1, unreadable.size());
        assertTrue(unreadable.get(0).contains("vigil.models-0@42")
                && unreadable.get(0).contains("3 bytes"));
    }

    @Test
    void anotherGroupsRecordsAndTombstonesAreSkippedSilently() {
        BundleRecords records = records("g");
        assertTrue(records.decode(record("other", new byte[] {1, 2, 3})).isEmpty());
        assertTrue(records.decode(record("g", null)).isEmpty());
        assertEquals(List.of(), unreadable);
    }

    @Test
    void aRecordClaimingAHugeArrayIsUnreadableNotAnOutOfMemoryError() {
        assertTrue(records(null).decode(record("g", hugeArrayClaim())).isEmpty());
        assertEquals(1, unreadable.size(), unreadable.toString());
    }
}
