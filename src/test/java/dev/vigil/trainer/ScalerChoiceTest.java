package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.testkit.SyntheticSensors;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerChoiceTest {
    @Test
    void autoLeavesDataInsideTheUnitIntervalUnscaled() {
        List<double[]> rows = List.of(new double[] {0, 0.5}, new double[] {1, 0.25});
        assertEquals(ScalerKind.NONE, ScalerChoice.AUTO.resolve(rows));
    }

    @Test
    void autoZScoresDataWithAnyValueOutsideTheUnitInterval() {
        List<double[]> rows = List.of(new double[] {0, 0.5}, new double[] {1.01, 0.25});
        assertEquals(ScalerKind.ZSCORE, ScalerChoice.AUTO.resolve(rows));
        assertEquals(ScalerKind.ZSCORE, ScalerChoice.AUTO.resolve(List.of(new double[] {-0.1})));
    }

    @Test
    void anExplicitChoiceIsKeptWhateverTheData() {
        List<double[]> rows = List.of(new double[] {0.5});
        assertEquals(ScalerKind.ROBUST, ScalerChoice.ROBUST.resolve(rows));
        assertEquals(ScalerKind.ZSCORE, ScalerChoice.ZSCORE.resolve(rows));
    }

    @Test
    void theBundleRecordsTheKindAutoResolvedTo() {
        TrainerConfig config = TrainerConfig.defaults()
                .withTraining(TrainingParams.defaults().withEpochs(1).withBatchSize(64));
        // SyntheticSensors values are in original units, far outside [0, 1]
        var bundle = new ModelTrainer().train(SyntheticSensors.data(1, 200, 4, 3), config, "g", 1);
        assertEquals(ScalerKind.ZSCORE, bundle.getScaler().getKind());
        assertEquals("AUTO", bundle.getTraining().getConfig().get("scaler"));
    }
}
