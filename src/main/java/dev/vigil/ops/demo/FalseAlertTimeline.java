package dev.vigil.ops.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * False alerts over the demo's wall-clock time: how many of the alerts that opened in each interval
 * of {@code width} turned out false, so a run with feedback can be compared with one without (the
 * count should fall once the detector has learned the false alarms it was told about). Pure.
 */
public final class FalseAlertTimeline {
    private final Duration width;

    /** A timeline of intervals {@code width} long. */
    public FalseAlertTimeline(Duration width) {
        if (width.isZero() || width.isNegative()) {
            throw new IllegalArgumentException("interval width must be positive, was " + width);
        }
        this.width = width;
    }

    /**
     * False alerts per interval, from the start to {@code end}.
     *
     * @param openedAt wall-clock time since the demo started at which each alert (by id) was seen to open
     * @param alerts the alerts
     * @param isFalse whether an alert was false
     */
    public List<Integer> count(
            Map<String, Duration> openedAt, List<AlertEpisode> alerts, Predicate<AlertEpisode> isFalse, Duration end) {
        int intervals = (int) Math.max(1, (end.toMillis() + width.toMillis() - 1) / width.toMillis());
        List<Integer> counts = new ArrayList<>(java.util.Collections.nCopies(intervals, 0));
        for (AlertEpisode alert : alerts) {
            Duration at = openedAt.get(alert.alertId());
            if (at != null && isFalse.test(alert)) {
                int slot = (int) Math.min(intervals - 1, at.toMillis() / width.toMillis());
                counts.set(slot, counts.get(slot) + 1);
            }
        }
        return counts;
    }

    /** The width of one interval. */
    public Duration width() {
        return width;
    }
}
