package dev.vigil.detector.scoring;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.state.ValueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Bytes of one pending (buffered, not yet scored) record: timestamp, Avro reading, input row. */
final class PendingCodec {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);

    /** The codec of the scoring buffer's store. */
    static final ValueCodec<Pending> CODEC = ValueCodec.of(PendingCodec::encode, PendingCodec::decode);

    private PendingCodec() {}

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
