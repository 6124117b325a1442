package dev.vigil.detector.topology;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.detector.state.ValueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A false alarm waiting to apply, with the wall-clock time it arrived; {@link #CODEC} writes an
 * entity's list of them to the pending-feedback store (count, then each arrival time and Avro record).
 *
 * @param feedback the feedback
 * @param receivedAt wall-clock time it was read, epoch millis
 */
record WaitingFeedback(Feedback feedback, long receivedAt) {
    private static final AvroCodec<Feedback> AVRO = AvroCodec.of(Feedback.class);

    /** The codec of the pending-feedback store's values. */
    static final ValueCodec<List<WaitingFeedback>> CODEC =
            ValueCodec.of(WaitingFeedback::encodeAll, WaitingFeedback::decodeAll);

    static byte[] encodeAll(List<WaitingFeedback> waiting) {
        List<byte[]> records =
                waiting.stream().map(w -> AVRO.encode(w.feedback())).toList();
        int size = 4 + records.stream().mapToInt(bytes -> 12 + bytes.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size).putInt(records.size());
        for (int i = 0; i < records.size(); i++) {
            byte[] bytes = records.get(i);
            buffer.putLong(waiting.get(i).receivedAt()).putInt(bytes.length).put(bytes);
        }
        return buffer.array();
    }

    static List<WaitingFeedback> decodeAll(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int count = buffer.getInt();
        List<WaitingFeedback> waiting = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long receivedAt = buffer.getLong();
            byte[] record = new byte[buffer.getInt()];
            buffer.get(record);
            waiting.add(new WaitingFeedback(decode(record), receivedAt));
        }
        return waiting;
    }

    private static Feedback decode(byte[] record) {
        try {
            return AVRO.decode(record);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt pending feedback", e);
        }
    }
}
