package dev.vigil.ops;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.ingest.RejectReason;

/** The detector's events, counted in {@link VigilMetrics}. Pass it to the detector as its listener. */
public final class DetectorMetrics implements DetectorEvents {
    private final VigilMetrics metrics;

    public DetectorMetrics(VigilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void deadLettered(RejectReason reason) {
        metrics.recordDeadLetter(reason.name());
    }

    @Override
    public void scored(Verdict verdict, double score, double threshold) {
        metrics.recordScored(verdict, score);
        if (Double.isFinite(threshold)) {
            metrics.setThreshold(threshold);
        }
    }

    @Override
    public void inferred(int batchSize, long nanos) {
        metrics.recordInference(nanos, batchSize);
    }

    @Override
    public void alert(AlertEvent event) {
        switch (event) {
            case OPENED -> metrics.recordAlertOpened();
            case UPDATED -> metrics.recordAlertUpdated();
            case CLOSED -> metrics.recordAlertClosed();
        }
    }

    @Override
    public void modelApplied(String group, long version) {
        metrics.recordSwapApplied(version);
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        metrics.recordSwapRefused(reason);
    }
}
