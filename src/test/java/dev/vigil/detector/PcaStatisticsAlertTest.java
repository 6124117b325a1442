package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.decision.Contributors;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.NetworkParams;
import dev.vigil.trainer.ScoringParams;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PCA model's alert says which statistic fired: its contributors start with {@code statistic:t2}
 * and {@code statistic:q} (each divided by its limit, larger first), then the features. Trained on
 * three features that move together (one component), so a move of one feature alone is a residual
 * (Q) and a move of all three far along the component is a T² excess.
 */
class PcaStatisticsAlertTest {
    private static final ModelBundle PCA = trainedPca();

    @TempDir
    Path stateDir;

    private DetectorHarness h;

    @BeforeEach
    void start() {
        h = new DetectorHarness(
                Map.of(
                        DetectorConfig.THRESHOLD_MODE, "global", // PCA's limit ratio: anomalous above 1
                        DetectorConfig.ALERT_K, 1,
                        DetectorConfig.ALERT_N, 1,
                        DetectorConfig.ALERT_TOP_K, 2),
                PCA,
                stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static ModelBundle trainedPca() {
        Random random = new Random(7);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            double[][] rows = new double[800][];
            for (int r = 0; r < rows.length; r++) {
                double v = TestBundles.normal(Math.sin(r / 10.0));
                rows[r] = new double[] {
                    v + 0.3 * random.nextGaussian(), v + 0.3 * random.nextGaussian(), v + 0.3 * random.nextGaussian()
                };
            }
            sequences.add(rows);
        }
        TrainerConfig config = TrainerConfig.defaults()
                .withVariant(Variant.PCA)
                .withNetwork(NetworkParams.defaults().withWindow(1).withLayers(1))
                .withScoring(ScoringParams.defaults().withScoreSmoothing(1));
        return new ModelTrainer().train(TrainingData.of(TestBundles.FEATURES, sequences), config, "pumps", 1);
    }

    @Test
    void oneFeatureOffTheComponentFiresQAndNamesTheFeature() {
        h.spike("pump-1", 1, 2); // temp 20 above pressure and flow
        List<FeatureContribution> contributors = opened().getContributors();
        assertEquals(Contributors.STATISTIC_PREFIX + "q", contributors.get(0).getFeature(), contributors.toString());
        assertTrue(contributors.get(0).getActual() > 1, "Q exceeds its limit: " + contributors);
        assertEquals(Direction.ABOVE, contributors.get(0).getDirection());
        assertEquals(1.0, contributors.get(0).getExpected());
        assertEquals(Contributors.STATISTIC_PREFIX + "t2", contributors.get(1).getFeature());
        assertEquals("temp", contributors.get(2).getFeature(), "then the features, largest error first");
        assertEquals(4, contributors.size(), "two statistics and alert.top.k = 2 features");
    }

    @Test
    void allFeaturesFarAlongTheComponentFireT2AndNotQ() {
        double far = TestBundles.normal(6);
        h.json("pump-2", 1, Map.of("temp", far, "pressure", far, "flow", far));
        List<FeatureContribution> contributors = opened().getContributors();
        FeatureContribution t2 = contributors.get(0);
        FeatureContribution q = contributors.get(1);
        assertEquals(Contributors.STATISTIC_PREFIX + "t2", t2.getFeature(), contributors.toString());
        assertTrue(t2.getActual() > 1, "T² exceeds its limit: " + contributors);
        assertEquals(Contributors.STATISTIC_PREFIX + "q", q.getFeature());
        assertTrue(q.getActual() < 1, "no residual: " + contributors);
        assertEquals(Direction.BELOW, q.getDirection());
    }

    private AnomalyAlert opened() {
        List<AnomalyAlert> alerts = h.alerts.readValuesToList();
        assertEquals(1, alerts.size(), alerts.toString());
        return alerts.get(0);
    }
}
