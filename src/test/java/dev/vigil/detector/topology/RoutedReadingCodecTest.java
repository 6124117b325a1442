package dev.vigil.detector.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.ingest.Provenance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RoutedReadingCodecTest {
    private static final AvroCodec<SensorReading> AVRO = AvroCodec.of(SensorReading.class);

    private static SensorReading reading() {
        return SensorReading.newBuilder()
                .setEntity("pump-7")
                .setTimestamp(Instant.ofEpochMilli(1_732_270_000_000L))
                .setValues(Map.of("temp", 71.2))
                .setId("pump-7#1")
                .build();
    }

    private static IngestedReading roundTrip(IngestedReading routed) {
        return RoutedReadingCodec.decode(RoutedReadingCodec.encode(routed));
    }

    @Test
    void anAvroReadingKeepsItsProvenanceAndItsBytesAreStoredOnce() {
        byte[] value = AVRO.encode(reading());
        var from = new Provenance("vigil.readings", 3, 42L, 1_000L, "pump-7".getBytes(StandardCharsets.UTF_8), value);
        IngestedReading back = roundTrip(new IngestedReading(new InputReading(reading(), value), from));
        assertEquals(reading(), back.reading().value());
        assertArrayEquals(value, back.reading().avro());
        assertEquals("vigil.readings", back.provenance().topic());
        assertEquals(3, back.provenance().partition());
        assertEquals(42L, back.provenance().offset());
        assertEquals(1_000L, back.provenance().timestamp());
        assertArrayEquals(from.rawKey(), back.provenance().rawKey());
        assertArrayEquals(value, back.provenance().rawValue());
        byte[] other = value.clone();
        other[other.length - 1]++;
        var differs = new Provenance("vigil.readings", 3, 42L, 1_000L, from.rawKey(), other);
        int distinct =
                RoutedReadingCodec.encode(new IngestedReading(new InputReading(reading(), value), differs)).length;
        int same = RoutedReadingCodec.encode(new IngestedReading(new InputReading(reading(), value), from)).length;
        assertEquals(value.length, distinct - same, "a raw value equal to the reading is not written twice");
    }

    @Test
    void aJsonReadingWithoutKeyKeepsItsRawBytes() {
        byte[] json = "{\"entity\":\"pump-7\",\"values\":{\"temp\":71.2}}".getBytes(StandardCharsets.UTF_8);
        var from = new Provenance(null, -1, -1L, -1L, null, json);
        IngestedReading back = roundTrip(new IngestedReading(InputReading.of(reading()), from));
        assertEquals(reading(), back.reading().value());
        assertNull(back.provenance().topic());
        assertNull(back.provenance().rawKey());
        assertArrayEquals(json, back.provenance().rawValue());
    }

    @Test
    void foreignBytesAreRefused() {
        assertThrows(SerializationException.class, () -> RoutedReadingCodec.decode(new byte[] {1, 2, 3, 4, 5}));
    }
}
