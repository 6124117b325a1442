package dev.vigil.testkit;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingParams;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Real bundles for the reliability tests, trained by the project's own trainer on
 * {@link SyntheticSensors#trainingSequences} (seeded, small: a few seconds). Trained once per JVM and cached.
 */
final class TrainedBundles {
    static final String GROUP = "reliability";

    private static ModelBundle trained;

    private TrainedBundles() {}

    /** The bundle trained on normal signals, version {@code version}. */
    static synchronized ModelBundle trained(long version) {
        if (trained == null) {
            TrainingData data =
                    TrainingData.of(SyntheticSensors.FEATURES, SyntheticSensors.trainingSequences(2, 1200, 11));
            TrainerConfig config = TrainerConfig.defaults()
                    .withSeed(5)
                    .withTraining(TrainingParams.defaults()
                            .withEpochs(25)
                            .withBatchSize(64)
                            .withLearningRate(0.01));
            trained = new ModelTrainer().train(data, config, GROUP, 1);
        }
        return ModelBundle.newBuilder(trained).setVersion(version).build();
    }

    /** Writes the trained bundle of {@code version} to {@code dir/v<version>.bundle}. */
    static Path writeTrained(Path dir, long version) throws IOException {
        Path file = dir.resolve("v" + version + ".bundle");
        BundleFiles.write(trained(version), file);
        return file;
    }
}
