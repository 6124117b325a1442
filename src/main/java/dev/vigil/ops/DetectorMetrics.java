package dev.vigil.ops;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.models.RefusalReason;
import java.util.Arrays;
import java.util.List;

/** The detector's events, counted in {@link VigilMetrics}. Pass it to the detector as its listener. */
public final class DetectorMetrics implements DetectorEvents {
    private final VigilMetrics metrics;

    /** Also declares every {@link RejectReason} and {@link RefusalReason} series at zero. */
    public DetectorMetrics(VigilMetrics metrics) {
        this.metrics = metrics;
        metrics.declareReasons(names(RejectReason.values()), names(RefusalReason.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
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
