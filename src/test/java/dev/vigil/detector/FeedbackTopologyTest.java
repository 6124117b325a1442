package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.FeedbackDrop;
import dev.vigil.detector.topology.InputRouting;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators' feedback through the real topology: what a false alarm and a confirmation change. */
class FeedbackTopologyTest {
    private static final AvroCodec<Feedback> FEEDBACK = AvroCodec.of(Feedback.class);
    /** Seconds of normal readings before an episode, and the episode's length. */
    private static final int CALM = 200, EPISODE = 8, AFTER = 80;

    @TempDir
    Path stateDir;

    private final List<String> events = new CopyOnWriteArrayList<>();

    private Rig rig(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(overrides);
        DetectorConfig config = DetectorHarness.config(values, stateDir);
        var harness = new DetectorHarness(
                config,
                DetectorHarness.holderWith(config, TestBundles.linear(1)),
                InputRouting.of(config, InputRouting.UNKNOWN),
                recording());
        return new Rig(harness);
    }

    /** The detector and its feedback topic. */
    private static final class Rig implements AutoCloseable {
        final DetectorHarness h;
        final TestInputTopic<String, byte[]> feedback;

        Rig(DetectorHarness h) {
            this.h = h;
            this.feedback = h.driver.createInputTopic(
                    "vigil.feedback",
                    Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
        }

        /** Normal readings from {@code from} for {@code seconds}, then an episode of spikes. */
        int calmThenEpisode(String entity, int from) {
            for (int s = from; s < from + CALM; s++) {
                h.normal(entity, s);
            }
            int start = from + CALM;
            for (int s = start; s < start + EPISODE; s++) {
                h.spike(entity, s, 0.6 + 0.05 * (s - start));
            }
            for (int s = start + EPISODE; s < start + EPISODE + AFTER; s++) {
                h.normal(entity, s);
            }
            return start;
        }

        long opened(String entity) {
            return h.alerts.readValuesToList().stream()
                    .filter(a -> a.getEntity().equals(entity) && a.getEvent() == AlertEvent.OPENED)
                    .count();
        }

        void send(String entity, FeedbackLabel label, int fromSecond, int toSecond) {
            feedback.pipeInput(entity, FEEDBACK.encode(feedback(entity, label, fromSecond, toSecond)));
        }

        @Override
        public void close() {
            h.close();
        }
    }

    static Feedback feedback(String entity, FeedbackLabel label, int fromSecond, int toSecond) {
        return Feedback.newBuilder()
                .setEntity(entity)
                .setFrom(at(fromSecond))
                .setTo(at(toSecond))
                .setLabel(label)
                .setCreatedAt(Instant.ofEpochMilli(DetectorHarness.T0))
                .build();
    }

    private static Instant at(int second) {
        return Instant.ofEpochMilli(DetectorHarness.T0 + second * 1000L);
    }

    @Test
    void aFalseAlarmStopsTheSamePatternFromAlertingAgainWhileAnotherEntityStillAlerts() {
        try (Rig rig = rig(Map.of())) {
            for (String entity : List.of("pump-1", "control")) {
                int start = rig.calmThenEpisode(entity, 0);
                assertEquals(1, rig.opened(entity), entity + ": the episode alerts");
                if (entity.equals("pump-1")) {
                    rig.send(entity, FeedbackLabel.FALSE_ALARM, start, start + EPISODE);
                }
            }
            int later = CALM + EPISODE + AFTER;
            rig.calmThenEpisode("pump-1", later);
            assertEquals(0, rig.opened("pump-1"), "the reported pattern no longer alerts");
            rig.calmThenEpisode("control", later);
            assertEquals(1, rig.opened("control"), "without feedback the same pattern alerts again");
            assertTrue(events.containsAll(List.of("received false_alarm", "applied false_alarm")), events.toString());
        }
    }

    @Test
    void aStrongerEpisodeStillAlertsAfterAFalseAlarm() {
        try (Rig rig = rig(Map.of())) {
            int start = rig.calmThenEpisode("pump-1", 0);
            rig.send("pump-1", FeedbackLabel.FALSE_ALARM, start, start + EPISODE);
            rig.h.alerts.readValuesToList();
            int later = CALM + EPISODE + AFTER;
            for (int s = later; s < later + 5; s++) {
                rig.h.spike("pump-1", s, 3);
            }
            assertEquals(1, rig.opened("pump-1"), "a spike well above the reported scores alerts");
        }
    }

    @Test
    void aConfirmationChangesNothing() {
        try (Rig rig = rig(Map.of())) {
            int start = rig.calmThenEpisode("pump-1", 0);
            rig.send("pump-1", FeedbackLabel.CONFIRMED_ANOMALY, start, start + EPISODE);
            rig.h.alerts.readValuesToList();
            rig.calmThenEpisode("pump-1", CALM + EPISODE + AFTER);
            assertEquals(1, rig.opened("pump-1"), "the confirmed pattern alerts again");
            assertEquals(List.of("received confirmed_anomaly"), events);
        }
    }

    @Test
    void suppressionMutesTheEntityForTheConfiguredEventTime() {
        try (Rig rig = rig(Map.of(DetectorConfig.FEEDBACK_SUPPRESS_MS, 600_000L))) {
            int start = rig.calmThenEpisode("pump-1", 0);
            rig.send("pump-1", FeedbackLabel.FALSE_ALARM, start, start + EPISODE);
            rig.h.alerts.readValuesToList();
            int now = CALM + EPISODE + AFTER;
            for (int s = now; s < now + 5; s++) {
                rig.h.spike("pump-1", s, 3);
            }
            assertEquals(0, rig.opened("pump-1"), "muted for 600 s after the feedback");
            for (int s = now + 600; s < now + 605; s++) {
                rig.h.spike("pump-1", s, 3);
            }
            assertEquals(1, rig.opened("pump-1"), "alerts again once the 600 s are over");
        }
    }

    @Test
    void feedbackThatArrivesBeforeItsReadingsWaitsThenApplies() {
        try (Rig rig = rig(Map.of())) {
            int start = CALM;
            rig.send("pump-1", FeedbackLabel.FALSE_ALARM, start, start + EPISODE);
            rig.h.tick(Duration.ofSeconds(2));
            assertEquals(List.of("received false_alarm"), events, "kept: the entity is unknown yet");
            rig.calmThenEpisode("pump-1", 0);
            assertEquals(1, rig.opened("pump-1"), "the episode alerts: its readings came after the feedback");
            rig.h.tick(Duration.ofSeconds(2));
            assertTrue(events.contains("applied false_alarm"), events.toString());
            rig.calmThenEpisode("pump-1", CALM + EPISODE + AFTER);
            assertEquals(0, rig.opened("pump-1"), "the pattern no longer alerts once the feedback applied");
        }
    }

    @Test
    void feedbackForAnUnknownEntityOrAStretchNeverReachedIsDroppedWithAReasonWhenItsWaitEnds() {
        try (Rig rig = rig(Map.of(DetectorConfig.FEEDBACK_PENDING_TTL_MS, 10_000L))) {
            rig.send("nobody", FeedbackLabel.FALSE_ALARM, 0, 10);
            rig.h.normal("pump-1", 0);
            rig.send("pump-1", FeedbackLabel.FALSE_ALARM, 0, 1_000_000);
            rig.h.tick(Duration.ofSeconds(5));
            assertEquals(List.of("received false_alarm", "received false_alarm"), events);
            rig.h.tick(Duration.ofSeconds(6));
            assertTrue(events.contains("dropped unknown_entity"), events.toString());
            assertTrue(events.contains("dropped expired"), events.toString());
        }
    }

    @Test
    void feedbackBeyondThePendingBoundIsDroppedAsPendingFull() {
        try (Rig rig = rig(Map.of(DetectorConfig.FEEDBACK_PENDING_MAX, 1))) {
            rig.send("nobody", FeedbackLabel.FALSE_ALARM, 0, 10);
            rig.send("nobody-else", FeedbackLabel.FALSE_ALARM, 0, 10);
            assertTrue(events.contains("dropped pending_full"), events.toString());
        }
    }

    @Test
    void unreadableOrBackwardFeedbackIsDeadLetteredAndCountedAsInvalid() {
        try (Rig rig = rig(Map.of())) {
            rig.feedback.pipeInput("pump-1", new byte[] {1, 2, 3});
            rig.send("pump-1", FeedbackLabel.FALSE_ALARM, 10, 5);
            List<DeadLetter> letters = rig.h.dlq.readValuesToList();
            assertEquals(
                    List.of("FEEDBACK_UNREADABLE", "FEEDBACK_INVALID"),
                    letters.stream().map(DeadLetter::getReason).toList());
            assertEquals("vigil.feedback", letters.get(0).getSourceTopic());
            assertEquals(List.of("dropped invalid", "dropped invalid"), events);
        }
    }

    @Test
    void aDetectorWithFeedbackDisabledDoesNotReadTheTopic() {
        try (Rig rig = rig(Map.of(DetectorConfig.FEEDBACK_ENABLED, false))) {
            assertThrows(IllegalArgumentException.class, () -> rig.send("pump-1", FeedbackLabel.FALSE_ALARM, 0, 1));
            assertEquals(List.of(), events);
        }
    }

    private DetectorEvents recording() {
        return new DetectorEvents() {
            @Override
            public void feedbackReceived(FeedbackLabel label) {
                events.add("received " + label.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public void feedbackApplied(FeedbackLabel label) {
                events.add("applied " + label.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public void feedbackDropped(FeedbackDrop reason) {
                events.add("dropped " + reason.name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }
}
