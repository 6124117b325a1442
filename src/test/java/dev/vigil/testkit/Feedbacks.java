package dev.vigil.testkit;

import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import java.time.Instant;

/** Feedback records for tests. */
public final class Feedbacks {
    private Feedbacks() {}

    /** A {@code label} verdict on {@code entity}'s stretch from {@code from} to {@code to}, epoch millis. */
    public static Feedback stretch(String entity, FeedbackLabel label, long from, long to) {
        return Feedback.newBuilder()
                .setEntity(entity)
                .setFrom(Instant.ofEpochMilli(from))
                .setTo(Instant.ofEpochMilli(to))
                .setLabel(label)
                .build();
    }
}
