package dev.vigil.ops;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.ops.VigilMetrics.TrainingRun;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.RetrainSchedule;
import dev.vigil.trainer.service.TrainerEvents;
import java.time.Duration;

/**
 * The trainer service's events, counted in {@link VigilMetrics}. A run ends in one of three
 * outcomes: {@code succeeded} (a bundle was published; losses and samples come from its training
 * summary), {@code rejected} (the quality gate refused the candidate) or {@code failed}. Calls come
 * from the service's single thread, so the run in progress is plain state.
 */
public final class TrainerMetrics implements TrainerEvents {
    private final VigilMetrics metrics;
    private long runStartedNanos = System.nanoTime();

    public TrainerMetrics(VigilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void driftChecked(double psi, boolean drifted) {
        metrics.setDriftStatistic(psi);
    }

    @Override
    public void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {
        runStartedNanos = System.nanoTime();
    }

    @Override
    public void gateDecided(String variant, GateDecision decision) {
        metrics.recordGateDecision(decision.accepted());
        if (!decision.accepted()) {
            metrics.recordTrainingRun(new TrainingRun("rejected", sinceStart(), 0, Double.NaN, Double.NaN));
        }
    }

    @Override
    public void published(ModelBundle bundle) {
        TrainingSummary summary = bundle.getTraining();
        metrics.recordTrainingRun(TrainingRun.succeeded(
                sinceStart(), summary.getSamples(), summary.getTrainLoss(), summary.getValidationLoss()));
    }

    @Override
    public void trainingFailed(String reason) {
        metrics.recordTrainingRun(TrainingRun.failed(sinceStart()));
    }

    private Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - runStartedNanos);
    }
}
