package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;

/** Builds {@link DeadLetter} records from a rejection and its provenance. */
public final class DeadLetters {
    private DeadLetters() {}

    /** A dead letter for {@code rejection}, stamped with wall-clock time {@code now}. */
    public static DeadLetter of(Rejection rejection, Provenance from, long now) {
        Throwable cause = rejection.cause();
        return DeadLetter.newBuilder()
                .setSourceTopic(from.topic())
                .setPartition(from.partition())
                .setOffset(from.offset())
                .setTimestamp(from.timestamp())
                .setStage(rejection.reason().stage())
                .setReason(rejection.reason().name())
                .setErrorClass(
                        cause == null
                                ? RejectedException.class.getName()
                                : cause.getClass().getName())
                .setErrorMessage(rejection.message())
                .setStackTrace(cause == null ? null : stackTrace(cause))
                .setKey(wrap(from.rawKey()))
                .setValue(wrap(from.rawValue()))
                .setFailedAt(java.time.Instant.ofEpochMilli(now))
                .build();
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static String stackTrace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
