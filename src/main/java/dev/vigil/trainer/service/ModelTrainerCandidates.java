package dev.vigil.trainer.service;

import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
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
        TrainerConfig.Builder builder = TrainerConfig.builder()
                .epochs(config.getInt(TrainerServiceConfig.TRAIN_EPOCHS))
                .seed(config.getLong(TrainerServiceConfig.TRAIN_SEED))
                .thresholdQuantile(config.getDouble(TrainerServiceConfig.TRAIN_THRESHOLD_QUANTILE));
        List<String> layers = config.getList(TrainerServiceConfig.TRAIN_LAYERS);
        if (!layers.isEmpty()) {
            builder.layers(layers.stream().mapToInt(Integer::parseInt).toArray());
        }
        return new ModelTrainerCandidates(new ModelTrainer(), builder.build());
    }

    @Override
    public Trained train(
            List<String> features, int window, List<double[][]> sequences, String variant, String group, long version) {
        TrainerConfig config = base.toBuilder().variant(variant).window(window).build();
        TrainingOutcome outcome = trainer.trainWithReport(TrainingData.of(features, sequences), config, group, version);
        return new Trained(
                outcome.bundle(),
                ShadowScorer.of(outcome.model()),
                ShadowScorer.of(outcome.model().unweighted()));
    }
}
