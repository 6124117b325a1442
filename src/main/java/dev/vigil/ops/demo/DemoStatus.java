package dev.vigil.ops.demo;

import dev.vigil.ops.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * A snapshot of the demo's progress, read from a registry the detector and trainer metrics are bound to.
 *
 * @param elapsed wall-clock time since the demo started
 * @param records readings the detector processed (all outcomes)
 * @param anomalies readings scored above the threshold
 * @param openAlerts alerts open now
 * @param alertsOpened alerts opened so far
 * @param alertsClosed alerts closed so far
 * @param modelVersion version of the model scoring now; -1 before the first
 * @param swaps models swapped in so far
 * @param refused models refused so far
 * @param simulatedMillis the simulator's clock, epoch milliseconds
 */
public record DemoStatus(
        Duration elapsed,
        long records,
        long anomalies,
        long openAlerts,
        long alertsOpened,
        long alertsClosed,
        long modelVersion,
        long swaps,
        long refused,
        long simulatedMillis) {

    /** Reads the current values of Vigil's meters from {@code registry}. */
    public static DemoStatus read(MeterRegistry registry, Duration elapsed, long simulatedMillis) {
        double version = gauge(registry, MetricNames.MODEL_VERSION);
        return new DemoStatus(
                elapsed,
                count(registry, MetricNames.RECORDS),
                count(registry, MetricNames.ANOMALIES),
                (long) gauge(registry, MetricNames.ALERTS_OPEN),
                count(registry, MetricNames.ALERTS, "event", "opened"),
                count(registry, MetricNames.ALERTS, "event", "closed"),
                Double.isNaN(version) ? -1 : (long) version,
                count(registry, MetricNames.MODEL_SWAPS, "outcome", "applied"),
                count(registry, MetricNames.MODEL_SWAPS, "outcome", "refused"),
                simulatedMillis);
    }

    private static long count(MeterRegistry registry, String name, String... tags) {
        return (long) registry.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static double gauge(MeterRegistry registry, String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
