package dev.vigil.cli;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.ForwardingDetectorEvents;
import java.time.Instant;

/** The detector's events for the demo: counted in the metrics, model swaps also shown on the console. */
final class DemoDetectorEvents extends ForwardingDetectorEvents {
    private final ConsoleView console;

    DemoDetectorEvents(DetectorEvents metrics, ConsoleView console) {
        super(metrics);
        this.console = console;
    }

    @Override
    public void modelApplied(String group, long version, Instant createdAt) {
        super.modelApplied(group, version, createdAt);
        console.modelLive(version, "group " + group + ", hot-swapped into the running detector");
    }

    @Override
    public void shadowApplied(String group, long version) {
        super.shadowApplied(group, version);
        console.shadow(version, "scored beside the live model on live traffic (group " + group + ")");
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        super.modelRefused(group, version, reason, message);
        console.modelRefused(version, reason + ": " + message);
    }
}
