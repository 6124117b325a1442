package dev.vigil.detector.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.topology.PendingCodec.Pending;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingCodecTest {
    private static Pending pending(String entity, long time, float value) {
        SensorReading reading = SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(time))
                .setValues(Map.of("temp", (double) value))
                .build();
        return new Pending(entity, new FeatureVector(InputReading.of(reading), new float[] {value, -value}), time);
    }

    @Test
    void aBatchRoundTripsInOrderAndItsReadingsCarryTheirEncoding() {
        List<Pending> batch =
                List.of(pending("pump-1", 1_732_270_000_000L, 1.5f), pending("pump-2", 1_732_270_001_000L, 2f));

        List<Pending> back = PendingCodec.decodeAll(PendingCodec.encodeAll(batch));

        assertEquals(2, back.size());
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(batch.get(i).key(), back.get(i).key());
            assertEquals(batch.get(i).timestamp(), back.get(i).timestamp());
            assertEquals(
                    batch.get(i).vector().reading().value(),
                    back.get(i).vector().reading().value());
            assertArrayEquals(
                    batch.get(i).vector().input(), back.get(i).vector().input());
            assertNotNull(back.get(i).vector().reading().avro(), "restored readings are copied, not re-encoded");
        }
        assertEquals(List.of(), PendingCodec.decodeAll(PendingCodec.encodeAll(List.of())));
    }

    @Test
    void aOneRecordValueOfTheEarlierSlotLayoutIsReadAsABatchOfOne() {
        Pending one = pending("pump-3", 1_732_270_002_000L, 7f);

        List<Pending> back = PendingCodec.decodeAll(PendingCodec.encode(one));

        assertEquals(1, back.size());
        assertEquals("pump-3", back.get(0).key());
        assertArrayEquals(one.vector().input(), back.get(0).vector().input());
    }
}
