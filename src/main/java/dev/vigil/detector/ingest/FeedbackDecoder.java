package dev.vigil.detector.ingest;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.detector.events.RejectReason;
import java.io.IOException;

/**
 * Reads a record of the feedback topic: a {@link Feedback} in Avro single-object encoding, with an
 * entity and a stretch whose end is not before its start. Anything else is rejected, for the
 * dead-letter topic.
 */
public final class FeedbackDecoder {
    private static final AvroCodec<Feedback> AVRO = AvroCodec.of(Feedback.class);

    private FeedbackDecoder() {}

    /** The feedback in {@code value}. */
    public static Feedback read(byte[] value) throws RejectedException {
        if (value == null) {
            throw RejectedException.of(RejectReason.FEEDBACK_UNREADABLE, "feedback record without a value");
        }
        Feedback feedback;
        try {
            feedback = AVRO.decode(value);
        } catch (IOException | RuntimeException e) {
            throw RejectedException.of(RejectReason.FEEDBACK_UNREADABLE, "not a single-object Avro Feedback", e);
        }
        if (feedback.getEntity() == null || feedback.getEntity().isEmpty()) {
            throw RejectedException.of(RejectReason.FEEDBACK_INVALID, "feedback without an entity");
        }
        if (feedback.getTo().isBefore(feedback.getFrom())) {
            throw RejectedException.of(
                    RejectReason.FEEDBACK_INVALID,
                    "stretch ends (" + feedback.getTo() + ") before it starts (" + feedback.getFrom() + ")");
        }
        return feedback;
    }
}
