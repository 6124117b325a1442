package dev.vigil.detector.events;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.contract.avro.Verdict;
import java.time.Instant;

/** Detector events passed on to a delegate; subclasses add to single events. */
public class ForwardingDetectorEvents implements DetectorEvents {
    private final DetectorEvents delegate;

    public ForwardingDetectorEvents(DetectorEvents delegate) {
        this.delegate = delegate;
    }

    @Override
    public void groupsConfigured(java.util.List<String> groups) {
        delegate.groupsConfigured(groups);
    }

    @Override
    public void ingested() {
        delegate.ingested();
    }

    @Override
    public void misrouted() {
        delegate.misrouted();
    }

    @Override
    public void deadLettered(RejectReason reason) {
        delegate.deadLettered(reason);
    }

    @Override
    public void scored(Verdict verdict, double score, double threshold) {
        delegate.scored(verdict, score, threshold);
    }

    @Override
    public void inferred(int batchSize, long nanos) {
        delegate.inferred(batchSize, nanos);
    }

    @Override
    public void alert(AlertEvent event) {
        delegate.alert(event);
    }

    @Override
    public void feedbackReceived(FeedbackLabel label) {
        delegate.feedbackReceived(label);
    }

    @Override
    public void feedbackApplied(FeedbackLabel label) {
        delegate.feedbackApplied(label);
    }

    @Override
    public void feedbackDropped(FeedbackDrop reason) {
        delegate.feedbackDropped(reason);
    }

    @Override
    public void modelApplied(String group, long version, Instant createdAt) {
        delegate.modelApplied(group, version, createdAt);
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        delegate.modelRefused(group, version, reason, message);
    }

    @Override
    public void shadowApplied(String group, long version) {
        delegate.shadowApplied(group, version);
    }

    @Override
    public void shadowCleared(String group) {
        delegate.shadowCleared(group);
    }

    @Override
    public void shadowScored(String group, long shadowVersion, int readings, int shadowAnomalous, int liveAnomalous) {
        delegate.shadowScored(group, shadowVersion, readings, shadowAnomalous, liveAnomalous);
    }

    @Override
    public void shadowSkipped(String group, String reason, int readings) {
        delegate.shadowSkipped(group, reason, readings);
    }
}
