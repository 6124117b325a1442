package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testkit.SyntheticSensors;
import org.junit.jupiter.api.Test;

class ErrorNormalisationTest {
    @Test
    void weightIsTheInverseOfEachFeaturesMeanValidationErrorFlooredAtATenthOfTheMean() {
        float[] errors = {1, 4, 0, 3, 4, 0}; // two rows, three features: means 2, 4, 0 (average 2)
        assertArrayEquals(new float[] {0.5f, 0.25f, 5f}, ErrorNormalisation.weights(errors, 2, 3), 1e-6f);
    }

    @Test
    void errorsThatAreAllZeroKeepUnitWeights() {
        assertArrayEquals(new float[] {1f, 1f}, ErrorNormalisation.weights(new float[4], 2, 2));
    }

    @Test
    void everyFeatureOfATrainedModelHasAMeanValidationErrorOfOne() {
        TrainingData data = SyntheticSensors.data(1, 600, 4, 5);
        TrainerConfig config = TrainerConfig.defaults()
                .withNetwork(NetworkParams.defaults().withWindow(2))
                .withTraining(TrainingParams.defaults().withEpochs(3).withBatchSize(64));
        InferenceModel model =
                new ModelTrainer().trainWithReport(data, config, "g", 1).model();
        WindowSet windows = WindowSet.cut(data, 2, config.scoring().validationSplit());
        float[] errors =
                model.score(windows.validation(), windows.validationRows()).featureError();
        double[] mean = new double[4];
        for (int i = 0; i < errors.length; i++) {
            mean[i % 4] += errors[i] / windows.validationRows();
        }
        assertTrue(model.hasErrorWeights());
        for (double m : mean) {
            assertEquals(1.0, m, 1e-3);
        }
    }

    @Test
    void turnedOffTheModelKeepsUnitWeights() {
        TrainerConfig config = TrainerConfig.defaults()
                .withNetwork(NetworkParams.defaults().withWindow(2))
                .withTraining(TrainingParams.defaults().withEpochs(1).withBatchSize(64))
                .withScoring(ScoringParams.defaults().withErrorNormalisation(false));
        InferenceModel model = new ModelTrainer()
                .trainWithReport(SyntheticSensors.data(1, 300, 4, 5), config, "g", 1)
                .model();
        assertFalse(model.hasErrorWeights());
    }
}
