package dev.vigil.cli;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;

/** The detector's events for the demo: counted in the metrics, model swaps also shown on the console. */
final class DemoDetectorEvents implements DetectorEvents {
    private final DetectorEvents metrics;
    private final ConsoleView console;

    DemoDetectorEvents(DetectorEvents metrics, ConsoleView console) {
        this.metrics = metrics;
        this.console = console;
    }

    @Override
    public void deadLettered(RejectReason reason) {
        metrics.deadLettered(reason);
    }

    @Override
    public void scored(Verdict verdict, double score, double threshold) {
        metrics.scored(verdict, score, threshold);
    }

    @Override
    public void inferred(int batchSize, long nanos) {
        metrics.inferred(batchSize, nanos);
    }

    @Override
    public void alert(AlertEvent event) {
        metrics.alert(event);
    }

    @Override
    public void modelApplied(String group, long version) {
        metrics.modelApplied(group, version);
        console.modelLive(version, "group " + group + ", hot-swapped into the running detector");
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        metrics.modelRefused(group, version, reason, message);
        console.modelRefused(version, reason + ": " + message);
    }
}
