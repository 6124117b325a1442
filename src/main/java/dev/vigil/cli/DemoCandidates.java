package dev.vigil.cli;

import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
import dev.vigil.trainer.service.CandidateTrainer;
import java.util.List;

/**
 * Candidates trained by the project's {@link ModelTrainer} for the demo's trainer service.
 * TODO(lead): replace with {@code ModelTrainerCandidates.from(config)} once wip/swap's class is on
 * main; this is the same forty lines, kept here only so the demo compiles before that merge.
 */
final class DemoCandidates implements CandidateTrainer {
    private final ModelTrainer trainer = new ModelTrainer();
    private final TrainerConfig base;

    DemoCandidates(int epochs, long seed) {
        this.base = TrainerConfig.builder().epochs(epochs).seed(seed).build();
    }

    @Override
    public Trained train(
            List<String> features, int window, List<double[][]> sequences, String variant, String group, long version) {
        TrainerConfig config = base.toBuilder().variant(variant).window(window).build();
        TrainingOutcome outcome = trainer.trainWithReport(TrainingData.of(features, sequences), config, group, version);
        return new Trained(outcome.bundle(), (raw, count) -> ModelTrainer.scoreRows(outcome.model(), raw, count));
    }
}
