package dev.vigil.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FalseAlertTimelineTest {
    private static AlertEpisode alert(String id) {
        return new AlertEpisode(id, "p1", 0, 0, null, List.of());
    }

    @Test
    void falseAlertsAreCountedInTheIntervalTheyOpenedIn() {
        var timeline = new FalseAlertTimeline(Duration.ofSeconds(10));
        Map<String, Duration> opened = Map.of(
                "a", Duration.ofSeconds(3),
                "b", Duration.ofSeconds(12),
                "c", Duration.ofSeconds(14),
                "d", Duration.ofSeconds(25));
        List<Integer> counts = timeline.count(
                opened,
                List.of(alert("a"), alert("b"), alert("c"), alert("d")),
                a -> !a.alertId().equals("c"),
                Duration.ofSeconds(30));
        assertEquals(List.of(1, 1, 1), counts, "c was a true alert");
    }

    @Test
    void alertsWhoseOpeningWasNotSeenAreLeftOutAndLateOnesGoToTheLastInterval() {
        var timeline = new FalseAlertTimeline(Duration.ofSeconds(10));
        List<Integer> counts = timeline.count(
                Map.of("late", Duration.ofSeconds(45)),
                List.of(alert("late"), alert("unseen")),
                a -> true,
                Duration.ofSeconds(20));
        assertEquals(List.of(0, 1), counts);
    }

    @Test
    void aWidthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new FalseAlertTimeline(Duration.ZERO));
    }
}
