package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.SyntheticSensors;
import org.junit.jupiter.api.Test;

class SmoothedCalibrationTest {
    @Test
    void eachSequencesValidationScoresAreSmoothedOnTheirOwn() {
        float[] smoothed = ModelTrainer.smoothed(new float[] {4, 0, 4, 0}, new int[] {2, 2}, new ScoreSmoothing(3));
        assertArrayEquals(new float[] {4, 2, 4, 2}, smoothed);
    }

    @Test
    void theBundleRecordsTheSpanItsThresholdWasCalibratedFor() {
        TrainerConfig config = TrainerConfig.defaults()
                .withTraining(TrainingParams.defaults().withEpochs(1).withBatchSize(64))
                .withScoring(ScoringParams.defaults().withScoreSmoothing(4));
        ModelBundle bundle = new ModelTrainer().train(SyntheticSensors.data(1, 300, 4, 3), config, "g", 1);
        assertEquals(4, ScoreSmoothing.of(bundle).span());
    }

    @Test
    void smoothingLowersTheCalibratedThresholdOfNoisyScores() {
        TrainingData data = SyntheticSensors.data(1, 600, 4, 3);
        TrainerConfig b = TrainerConfig.defaults()
                .withTraining(TrainingParams.defaults().withEpochs(2).withBatchSize(64));
        double raw = new ModelTrainer()
                .train(data, b.withScoring(ScoringParams.defaults().withScoreSmoothing(1)), "g", 1)
                .getThresholds()
                .getAnomaly();
        double smoothed = new ModelTrainer()
                .train(data, b.withScoring(ScoringParams.defaults().withScoreSmoothing(8)), "g", 1)
                .getThresholds()
                .getAnomaly();
        assertEquals(true, smoothed < raw, "a moving average shaves the highest validation scores");
    }
}
