package dev.vigil.trainer.service;

import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
import dev.vigil.trainer.Variant;
import java.util.List;

/**
 * Trains candidates with the project's {@link ModelTrainer}; the Java forward pass of the trained
 * {@code InferenceModel} is the candidate's shadow scorer (and, without its error weights, its
 * comparable error). Hyper-parameters come from the
 * service's {@code train.*} keys on top of {@link TrainerConfig}'s defaults.
 */
public final class ModelTrainerCandidates implements CandidateTrainer {
    private final ModelTrainer trainer;
    private final TrainerConfig base;

    /** Candidates with {@code base} hyper-parameters (variant and window are set per run). */
    public ModelTrainerCandidates(ModelTrainer trainer, TrainerConfig base) {
        this.trainer = trainer;
        this.base = base;
    }

    /** Candidates configured from the service configuration's {@code train.*} keys. */
    public static ModelTrainerCandidates from(TrainerServiceConfig config) {
        return new ModelTrainerCandidates(new ModelTrainer(), config.trainerConfig());
    }

    @Override
    public Trained train(
            List<String> features, int window, List<double[][]> sequences, String variant, String group, long version) {
        TrainerConfig config = base.withVariant(Variant.parse(variant))
                .withNetwork(base.network().withWindow(window));
        TrainingOutcome outcome = trainer.trainWithReport(TrainingData.of(features, sequences), config, group, version);
        return new Trained(
                outcome.bundle(),
                ShadowScorer.of(outcome.model()),
                ShadowScorer.of(outcome.model().unweighted()));
    }
}
