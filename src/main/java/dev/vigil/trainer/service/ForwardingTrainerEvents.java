package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.FeedbackRows;

/** Trainer events passed on to a delegate; subclasses add to single events. */
public class ForwardingTrainerEvents implements TrainerEvents {
    private final TrainerEvents delegate;

    public ForwardingTrainerEvents(TrainerEvents delegate) {
        this.delegate = delegate;
    }

    @Override
    public void recordCollected(Admission admission) {
        delegate.recordCollected(admission);
    }

    @Override
    public void collectionSize(int records) {
        delegate.collectionSize(records);
    }

    @Override
    public void driftChecked(double psi, boolean drifted) {
        delegate.driftChecked(psi, drifted);
    }

    @Override
    public void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {
        delegate.trainingStarted(reason, trainingRows);
    }

    @Override
    public void candidateTrained(String variant, double validationLoss, long durationMs) {
        delegate.candidateTrained(variant, validationLoss, durationMs);
    }

    @Override
    public void feedbackApplied(FeedbackRows effect) {
        delegate.feedbackApplied(effect);
    }

    @Override
    public void gateDecided(String variant, GateDecision decision) {
        delegate.gateDecided(variant, decision);
    }

    @Override
    public void published(ModelBundle bundle) {
        delegate.published(bundle);
    }

    @Override
    public void trainingFailed(String reason) {
        delegate.trainingFailed(reason);
    }

    @Override
    public void shadowPublished(ModelBundle bundle) {
        delegate.shadowPublished(bundle);
    }

    @Override
    public void shadowProgress(long version, ShadowTally tally) {
        delegate.shadowProgress(version, tally);
    }

    @Override
    public void shadowDecided(long version, ShadowGate.Decision decision) {
        delegate.shadowDecided(version, decision);
    }

    @Override
    public void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {
        delegate.rolledBack(from, republished, decision);
    }
}
