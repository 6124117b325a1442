package dev.vigil.detector.topology;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.state.ValueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of the pending (buffered, not yet scored) records: each one's timestamp, Avro reading and
 * input row. The buffer store holds every pending record under one key ({@link #encodeAll}); a value
 * of one record alone ({@link #encode}) is the layout of earlier versions, one store entry per slot,
 * and is still read.
 */
final class PendingCodec {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    /** First int of a batch value; negative, so never the start of a one-record value (a timestamp). */
    private static final int BATCH_FORMAT = 0xB4_7C_00_01;

    /** The codec of the scoring buffer's store. */
    static final ValueCodec<List<Pending>> CODEC = ValueCodec.of(PendingCodec::encodeAll, PendingCodec::decodeAll);

    private PendingCodec() {}

    static byte[] encodeAll(List<Pending> batch) {
        List<byte[]> records = batch.stream().map(PendingCodec::encode).toList();
        int size = 8 + records.stream().mapToInt(bytes -> 4 + bytes.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size).putInt(BATCH_FORMAT).putInt(records.size());
        records.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
        return buffer.array();
    }

    static List<Pending> decodeAll(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || buffer.getInt() != BATCH_FORMAT) {
            return List.of(decode(bytes));
        }
        List<Pending> batch = new ArrayList<>(buffer.getInt());
        while (buffer.hasRemaining()) {
            byte[] record = new byte[buffer.getInt()];
            buffer.get(record);
            batch.add(decode(record));
        }
        return batch;
    }

    static byte[] encode(Pending pending) {
        byte[] reading = pending.vector().reading().encoded();
        float[] input = pending.vector().input();
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 + reading.length + 4 + 4 * input.length);
        buffer.putLong(pending.timestamp()).putInt(reading.length).put(reading).putInt(input.length);
        buffer.asFloatBuffer().put(input);
        return buffer.array();
    }

    static Pending decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long timestamp = buffer.getLong();
        byte[] reading = new byte[buffer.getInt()];
        buffer.get(reading);
        float[] input = new float[buffer.getInt()];
        buffer.asFloatBuffer().get(input);
        try {
            SensorReading decoded = READINGS.decode(reading);
            var verbatim = new InputReading(decoded, READINGS.isOwnSchema(reading) ? reading : null);
            return new Pending(decoded.getEntity(), new FeatureVector(verbatim, input), timestamp);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt pending record in the scoring buffer", e);
        }
    }

    /** A buffered record: key, feature vector, and the Kafka timestamp its outputs will carry. */
    record Pending(String key, FeatureVector vector, long timestamp) {}
}
