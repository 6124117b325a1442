package dev.vigil.cli;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.ops.VigilMetrics;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.RetrainSchedule;
import dev.vigil.trainer.service.TrainerEvents;
import java.time.Duration;

/** Reports the trainer service's events as Vigil's Micrometer meters. */
final class TrainerMetrics implements TrainerEvents {
    private final VigilMetrics metrics;
    private long runStarted = System.nanoTime();

    TrainerMetrics(VigilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void driftChecked(double psi, boolean drifted) {
        metrics.setDriftStatistic(psi);
    }

    @Override
    public void trainingStarted(RetrainSchedule.Reason reason, int trainingRows) {
        runStarted = System.nanoTime();
    }

    @Override
    public void gateDecided(String variant, GateDecision decision) {
        metrics.recordGateDecision(decision.accepted());
        if (!decision.accepted()) {
            metrics.recordTrainingRun(VigilMetrics.TrainingRun.failed(elapsed()));
        }
    }

    @Override
    public void published(ModelBundle bundle) {
        var training = bundle.getTraining();
        metrics.recordTrainingRun(VigilMetrics.TrainingRun.succeeded(
                elapsed(), training.getSamples(), training.getTrainLoss(), training.getValidationLoss()));
    }

    @Override
    public void trainingFailed(String reason) {
        metrics.recordTrainingRun(VigilMetrics.TrainingRun.failed(elapsed()));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - runStarted);
    }
}
