package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertTrackerTest {
    private static final Limits LIMITS = new Limits(1.0, 0.5);
    private final AlertTracker tracker = new AlertTracker(new AlertRules(2, 3, 2, 100, 0));
    private final AlertState state = tracker.newState();
    private long time = 1_000;

    private Optional<AnomalyAlert> step(double score) {
        return tracker.step(state, new Observation("e", time++, score, LIMITS, List::of, "g", 1));
    }

    private Optional<AlertEvent> event(double score) {
        return step(score).map(AnomalyAlert::getEvent);
    }

    @Test
    void opensWhenKOfTheLastNAreAnomalousAndNotBefore() {
        assertEquals(Optional.empty(), event(2));
        assertEquals(Optional.empty(), event(0));
        AnomalyAlert opened = step(2).orElseThrow();
        assertEquals(AlertEvent.OPENED, opened.getEvent());
        assertEquals("e@1000", opened.getAlertId());
        assertEquals(2, opened.getAnomalousReadings());
    }

    @Test
    void anomaliesFurtherApartThanNDoNotOpen() {
        for (double score : new double[] {2, 0, 0, 2, 0, 0, 2}) {
            assertEquals(Optional.empty(), event(score));
        }
    }

    @Test
    void updatesOnlyWhenThePeakGrows() {
        event(2);
        event(2);
        assertEquals(Optional.of(AlertEvent.UPDATED), event(3));
        assertEquals(Optional.empty(), event(2.5));
    }

    @Test
    void hysteresisKeepsItOpenAboveTheExitThreshold() {
        event(2);
        event(2);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), event(0.7));
        }
        assertTrue(state.isOpen());
        assertEquals(Optional.empty(), event(0.4));
        assertEquals(Optional.of(AlertEvent.CLOSED), event(0.4));
    }

    @Test
    void aReadingAboveExitResetsTheCloseCount() {
        event(2);
        event(2);
        event(0.1);
        event(0.8);
        assertEquals(Optional.empty(), event(0.1));
        assertEquals(Optional.of(AlertEvent.CLOSED), event(0.1));
    }

    @Test
    void cooldownDelaysReopeningInEventTime() {
        event(2);
        event(2);
        event(0);
        AnomalyAlert closed = step(0).orElseThrow();
        assertEquals(time - 1, closed.getEndTime().toEpochMilli());
        assertEquals(Optional.empty(), event(2));
        assertEquals(Optional.empty(), event(2));
        time += 100;
        assertEquals(Optional.of(AlertEvent.OPENED), event(2));
    }

    @Test
    void theStateSurvivesItsCodec() {
        var codec = new EntityStateCodec(0.99, tracker);
        EntityState entity = new EntityState(new P2Quantile(0.99), state);
        event(2);
        event(2);
        EntityState copy = codec.decode(codec.encode(entity));
        assertTrue(copy.alert().isOpen());
        assertEquals(
                Optional.of(AlertEvent.UPDATED),
                tracker.step(copy.alert(), new Observation("e", time, 5, LIMITS, List::of, "g", 1))
                        .map(AnomalyAlert::getEvent));
    }
}
