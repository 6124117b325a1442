package dev.vigil.detector.topology;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.ingest.Provenance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Bytes of a valid reading on the repartition topic: its Avro encoding and its provenance (source
 * topic, partition, offset, timestamp, raw key and value), so a later stage can still dead-letter
 * it with the record as it first arrived. A raw value equal to the Avro encoding is stored once.
 */
final class RoutedReadingCodec {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final int FORMAT = 0x56_52_00_01;
    private static final int ABSENT = -1;
    private static final int SAME_AS_READING = -2;

    private RoutedReadingCodec() {}

    static Serializer<IngestedReading> serializer() {
        return (topic, routed) -> routed == null ? null : encode(routed);
    }

    static Deserializer<IngestedReading> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(IngestedReading routed) {
        byte[] reading = routed.reading().encoded();
        Provenance from = routed.provenance();
        byte[] topic = from.topic() == null ? null : from.topic().getBytes(StandardCharsets.UTF_8);
        boolean same = Arrays.equals(reading, from.rawValue());
        byte[] rawValue = same ? null : from.rawValue();
        ByteBuffer buffer =
                ByteBuffer.allocate(4 + size(reading) + size(topic) + 4 + 8 + 8 + size(from.rawKey()) + size(rawValue));
        buffer.putInt(FORMAT);
        put(buffer, reading);
        put(buffer, topic);
        buffer.putInt(from.partition()).putLong(from.offset()).putLong(from.timestamp());
        put(buffer, from.rawKey());
        if (same) {
            buffer.putInt(SAME_AS_READING);
        } else {
            put(buffer, rawValue);
        }
        return buffer.array();
    }

    static IngestedReading decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 4 || buffer.getInt() != FORMAT) {
            throw new SerializationException("not a routed reading: unknown format");
        }
        byte[] reading = get(buffer);
        byte[] topic = get(buffer);
        int partition = buffer.getInt();
        long offset = buffer.getLong();
        long timestamp = buffer.getLong();
        byte[] rawKey = get(buffer);
        int valueLength = buffer.getInt(buffer.position());
        byte[] rawValue = valueLength == SAME_AS_READING ? skipInt(buffer, reading) : get(buffer);
        var from = new Provenance(
                topic == null ? null : new String(topic, StandardCharsets.UTF_8),
                partition,
                offset,
                timestamp,
                rawKey,
                rawValue);
        return new IngestedReading(reading(reading), from);
    }

    private static InputReading reading(byte[] bytes) {
        try {
            return new InputReading(READINGS.decode(bytes), READINGS.isOwnSchema(bytes) ? bytes : null);
        } catch (IOException e) {
            throw new SerializationException("corrupt reading on the repartition topic", e);
        }
    }

    private static int size(byte[] bytes) {
        return 4 + (bytes == null ? 0 : bytes.length);
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(ABSENT);
        } else {
            buffer.putInt(bytes.length).put(bytes);
        }
    }

    private static byte[] get(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length == ABSENT) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] skipInt(ByteBuffer buffer, byte[] value) {
        buffer.getInt();
        return value;
    }
}
