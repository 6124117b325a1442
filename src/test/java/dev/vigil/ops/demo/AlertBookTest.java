package dev.vigil.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertBookTest {
    private final AlertBook book = new AlertBook();

    private static AnomalyAlert event(String id, AlertEvent kind, long eventTime, Long end, String... sensors) {
        return AnomalyAlert.newBuilder()
                .setAlertId(id)
                .setEntity("pump-01")
                .setEvent(kind)
                .setStartTime(Instant.ofEpochMilli(1_000))
                .setEndTime(end == null ? null : Instant.ofEpochMilli(end))
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setPeakScore(5.0)
                .setContributors(List.of(sensors).stream()
                        .map(s -> new FeatureContribution(s, 1.0, 0.5, 0.25, Direction.ABOVE))
                        .toList())
                .build();
    }

    @Test
    void anAlertIsFollowedFromOpeningThroughUpdatesToClosing() {
        AlertEpisode opened = book.apply(event("a", AlertEvent.OPENED, 2_000, null, "flow"));
        assertEquals(1_000, opened.startMillis());
        assertEquals(2_000, opened.openedMillis());
        assertNull(opened.closedMillis());
        book.apply(event("a", AlertEvent.UPDATED, 3_000, null, "pressure", "flow"));
        AlertEpisode closed = book.apply(event("a", AlertEvent.CLOSED, 9_000, 8_000L, "pressure", "flow"));
        assertEquals(8_000L, closed.closedMillis());
        assertEquals(List.of("pressure", "flow"), closed.topSensors());
        assertEquals(2_000, closed.openedMillis(), "opening time survives updates");
        assertEquals(List.of(closed), book.episodes());
    }

    @Test
    void anAlertFirstSeenClosedIsStillBooked() {
        book.apply(event("late", AlertEvent.CLOSED, 9_000, null, "vibration"));
        assertEquals(9_000L, book.episodes().get(0).closedMillis());
    }
}
