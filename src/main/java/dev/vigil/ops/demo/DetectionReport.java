package dev.vigil.ops.demo;

import dev.vigil.ops.simulator.AnomalyKind;
import java.time.Duration;
import java.util.Map;

/**
 * How alerts compared with the injected anomalies.
 *
 * @param injected episodes that had ended, grace included, when scored (each had its full chance)
 * @param caught ended episodes overlapped by an alert of the same entity
 * @param missed ended episodes no alert overlapped
 * @param pending episodes still running, or within their grace, when scored (neither caught nor missed)
 * @param alerts alerts raised
 * @param falseAlerts alerts that overlapped no injected episode (of their entity)
 * @param caughtByKind caught ended episodes per kind
 * @param injectedByKind ended episodes per kind
 * @param medianDelay median simulated time from an episode's start to the opening of its first alert;
 *     null when nothing was caught
 */
public record DetectionReport(
        int injected,
        int caught,
        int missed,
        int pending,
        int alerts,
        int falseAlerts,
        Map<AnomalyKind, Integer> caughtByKind,
        Map<AnomalyKind, Integer> injectedByKind,
        Duration medianDelay) {
    public DetectionReport {
        caughtByKind = Map.copyOf(caughtByKind);
        injectedByKind = Map.copyOf(injectedByKind);
    }

    /** Share of ended episodes caught; NaN when none ended. */
    public double recall() {
        return injected == 0 ? Double.NaN : caught / (double) injected;
    }

    /** Share of alerts that matched an injected episode; NaN without alerts. */
    public double precision() {
        return alerts == 0 ? Double.NaN : (alerts - falseAlerts) / (double) alerts;
    }
}
