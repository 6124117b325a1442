package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.Records.alert;
import static dev.vigil.trainer.service.Records.normal;
import static dev.vigil.trainer.service.Records.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentNormalDataTest {
    private final RecentNormalData data =
            new RecentNormalData(List.of("temp", "pressure"), 1000, 60_000, ValueRanges.parse(List.of("temp:0:100")));

    private double[] temps() {
        return data.segments().stream()
                .flatMap(s -> Arrays.stream(s.rows()))
                .mapToDouble(row -> row[0])
                .toArray();
    }

    @Test
    void anomalousAndWarmingUpRecordsAreLeftOut() {
        assertEquals(Admission.KEPT, data.offer(normal("a", 1, 20)));
        assertEquals(Admission.ANOMALOUS, data.offer(scored("a", 2, 21, Verdict.ANOMALOUS, 9.0, 1)));
        assertEquals(Admission.WARMING_UP, data.offer(scored("b", 3, 22, Verdict.WARMING_UP, 0, 1)));
        assertEquals(Admission.KEPT, data.offer(normal("a", 4, 23)));

        assertEquals(2, data.size());
        assertEquals(List.of(20.0, 23.0), Arrays.stream(temps()).boxed().toList());
    }

    @Test
    void anExcludedRecordSplitsTheEntitysRunSoNoWindowSpansIt() {
        data.offer(normal("a", 1, 20));
        data.offer(scored("a", 2, 21, Verdict.ANOMALOUS, 9.0, 1));
        data.offer(normal("a", 3, 22));

        assertEquals(2, data.segments().size());
    }

    @Test
    void recordsOfEntitiesInsideAnOpenAlertAreLeftOutUntilItCloses() {
        data.offer(normal("a", 1, 20));
        data.offer(normal("a", 5, 21));
        data.onAlert(alert("a", AlertEvent.OPENED, 5));

        assertEquals(Admission.IN_OPEN_ALERT, data.offer(normal("a", 6, 22)));
        assertEquals(Admission.KEPT, data.offer(normal("b", 6, 30)));
        data.onAlert(alert("a", AlertEvent.CLOSED, 5));
        assertEquals(Admission.KEPT, data.offer(normal("a", 9, 23)));

        assertEquals(List.of(20.0, 30.0, 23.0), Arrays.stream(temps()).boxed().toList());
    }

    @Test
    void anEntityIsNotCollectedForTheQuarantineAfterItsAlertCloses() {
        var quarantined =
                new RecentNormalData(List.of("temp", "pressure"), 1000, 60_000, ValueRanges.parse(List.of()), 100);
        quarantined.onAlert(alert("a", AlertEvent.OPENED, 5));
        quarantined.onAlert(alert("a", AlertEvent.CLOSED, 5));

        assertEquals(Admission.AFTER_ALERT, quarantined.offer(normal("a", 50, 22)), "the episode's tail");
        assertEquals(Admission.KEPT, quarantined.offer(normal("b", 50, 30)), "other entities are not held back");
        assertEquals(Admission.KEPT, quarantined.offer(normal("a", 106, 23)));
    }

    @Test
    void anOpenedAlertDropsTheEntitysRecordsSinceTheEpisodeStarted() {
        data.offer(normal("a", 1, 20));
        data.offer(normal("a", 5, 21));
        data.offer(normal("a", 6, 22));

        data.onAlert(alert("a", AlertEvent.OPENED, 5));

        assertEquals(List.of(20.0), Arrays.stream(temps()).boxed().toList());
    }

    @Test
    void outOfRangeNonFiniteAndMissingValuesAreLeftOut() {
        assertEquals(Admission.OUT_OF_RANGE, data.offer(normal("a", 1, 150)));
        assertEquals(Admission.OUT_OF_RANGE, data.offer(normal("a", 2, Double.NaN)));
        var missing = Records.reading("a", 3, 20, 1);
        missing.setValues(java.util.Map.of("temp", 20.0));
        assertEquals(Admission.MISSING_FEATURE, data.offer(missing));

        assertEquals(0, data.size());
    }

    @Test
    void theCollectionIsBoundedByCountAndByAge() {
        RecentNormalData small = new RecentNormalData(List.of("temp", "pressure"), 3, 10_000, ValueRanges.none());
        for (int i = 0; i < 5; i++) {
            small.offer(normal("a", i, i));
        }
        assertEquals(3, small.size());

        small.offer(normal("a", 20_000, 99));
        assertEquals(1, small.size());
    }

    @Test
    void bootstrapReadingsAreKeptWithoutScores() {
        assertEquals(Admission.KEPT, data.offer(Records.reading("a", 1, 20, 1)));

        assertEquals(-1L, data.segments().get(0).versions()[0]);
        assertEquals(Double.NaN, data.segments().get(0).scores()[0]);
    }
}
