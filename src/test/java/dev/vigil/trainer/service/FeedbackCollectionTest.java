package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.Records.alert;
import static dev.vigil.trainer.service.Records.normal;
import static dev.vigil.trainer.service.Records.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.testkit.Feedbacks;
import dev.vigil.trainer.FeedbackRows;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators' feedback in the trainer's collection: false alarms come back, confirmed anomalies leave. */
class FeedbackCollectionTest {
    private final RecentNormalData data =
            new RecentNormalData(List.of("temp", "pressure"), 1000, 60_000, ValueRanges.parse(List.of("temp:0:100")));

    private List<List<Double>> runs() {
        return data.segments().stream()
                .map(s -> Arrays.stream(s.rows()).map(row -> row[0]).toList())
                .toList();
    }

    @Test
    void aFalseAlarmTurnsTheFlaggedRecordsOfItsStretchBackIntoTrainingDataJoiningTheRun() {
        data.offer(normal("a", 1, 20));
        data.offer(scored("a", 2, 21, Verdict.ANOMALOUS, 9.0, 1));
        data.offer(scored("a", 3, 22, Verdict.ANOMALOUS, 9.0, 1));
        data.offer(normal("a", 4, 23));
        assertEquals(List.of(List.of(20.0), List.of(23.0)), runs());
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 2, 3));
        assertEquals(List.of(List.of(20.0, 21.0, 22.0, 23.0)), runs());
        assertEquals(new FeedbackRows(2, 0), data.feedbackEffect());
    }

    @Test
    void recordsInsideAFalseAlarmsAlertComeBackAsWellAsThoseTheOpeningEventRemoved() {
        data.offer(normal("a", 1, 20));
        data.offer(normal("a", 5, 21));
        data.onAlert(alert("a", AlertEvent.OPENED, 5));
        data.offer(normal("a", 6, 22));
        data.onAlert(alert("a", AlertEvent.CLOSED, 6));
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 5, 6));
        assertEquals(List.of(List.of(20.0, 21.0, 22.0)), runs());
        assertEquals(new FeedbackRows(2, 0), data.feedbackEffect());
    }

    @Test
    void aConfirmedAnomalyRemovesRecordsTheDetectorCalledNormalAndSplitsTheRun() {
        for (int t = 1; t <= 5; t++) {
            data.offer(normal("a", t, 20 + t));
        }
        data.offer(normal("b", 3, 40));
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.CONFIRMED_ANOMALY, 2, 3));
        assertEquals(List.of(List.of(21.0), List.of(40.0), List.of(24.0, 25.0)), runs());
        assertEquals(new FeedbackRows(0, 2), data.feedbackEffect());
    }

    @Test
    void aConfirmationWinsOverAFalseAlarmOnTheSameRecords() {
        data.offer(normal("a", 1, 20));
        data.offer(scored("a", 2, 21, Verdict.ANOMALOUS, 9.0, 1));
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 1, 2));
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.CONFIRMED_ANOMALY, 2, 2));
        assertEquals(List.of(List.of(20.0)), runs());
        assertEquals(new FeedbackRows(0, 0), data.feedbackEffect());
    }

    @Test
    void flaggedRecordsWithValuesOutOfRangeNeverComeBack() {
        data.offer(scored("a", 2, 500, Verdict.ANOMALOUS, 9.0, 1));
        data.onFeedback(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 0, 10));
        assertEquals(List.of(), runs());
    }

    @Test
    void feedbackOnAnotherEntityChangesNothing() {
        data.offer(normal("a", 1, 20));
        data.offer(scored("a", 2, 21, Verdict.ANOMALOUS, 9.0, 1));
        data.onFeedback(Feedbacks.stretch("b", FeedbackLabel.FALSE_ALARM, 0, 10));
        assertEquals(List.of(List.of(20.0)), runs());
        assertEquals(FeedbackRows.NONE, data.feedbackEffect());
    }
}
