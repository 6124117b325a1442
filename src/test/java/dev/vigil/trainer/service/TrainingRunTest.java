package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.SyntheticSensors;
import dev.vigil.trainer.BundleModels;
import dev.vigil.trainer.InferenceModel;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training runs with the real trainer: a sound candidate passes the gate, a deliberately worse one
 * does not, and the model in use is shadow-scored by the forward pass imported from its bundle.
 */
class TrainingRunTest {
    private static final TrainerConfig FAST = TrainerConfig.defaults()
            .withSeed(7)
            .withTraining(TrainingParams.defaults().withEpochs(15));
    private static final CandidateTrainer TRAINER = new ModelTrainerCandidates(new ModelTrainer(), FAST);
    private static final CandidateGate GATE = new CandidateGate(0.03, 0.25, 100);
    private static HoldoutSplit split;
    private static ModelBundle current;

    @BeforeAll
    static void trainTheModelInUse() {
        List<double[][]> normal = SyntheticSensors.sequences(4, 600, 1.0, 1);
        split = HoldoutSplit.of(SyntheticSensors.segments(normal, new double[] {Double.NaN}, -1), 1, 0.2, 1);
        CandidateTrainer.Trained inUse =
                TRAINER.train(SyntheticSensors.FEATURES, 1, split.training(), "undercomplete", "g", 1);
        current = inUse.bundle();
    }

    @Test
    void aCandidateTrainedOnTheSameNormalDataPassesTheGate() {
        List<String> events = new ArrayList<>();
        TrainingRun run = new TrainingRun(TRAINER, GATE, recording(events));

        TrainingRun.Outcome outcome =
                run.run(split, SyntheticSensors.FEATURES, 1, List.of("undercomplete", "denoising"), current, "g", 2);

        assertTrue(outcome.decision().accepted(), outcome.decision().toString());
        assertEquals(IncumbentScoring.JAVA_FORWARD_PASS, outcome.decision().currentScoring());
        assertEquals(2L, outcome.publishable().orElseThrow().getVersion());
        assertEquals(List.of("trained undercomplete", "trained denoising", "gate true"), events);
    }

    @Test
    void aCandidateTrainedOnNarrowerDataIsRefusedForFalseAlarms() {
        HoldoutSplit worse = new HoldoutSplit(quieterData(), split.holdout());
        TrainingRun run = new TrainingRun(TRAINER, GATE, TrainerEvents.NONE);

        TrainingRun.Outcome outcome =
                run.run(worse, SyntheticSensors.FEATURES, 1, List.of("undercomplete"), current, "g", 2);

        assertFalse(outcome.decision().accepted());
        assertTrue(
                outcome.decision().candidateFalseAlarmRate() > 0.03,
                outcome.decision().toString());
        assertTrue(outcome.publishable().isEmpty());
    }

    @Test
    void afterARestartTheGateShadowScoresTheIncumbentWithItsImportedForwardPassAndRefusesAWorseCandidate()
            throws Exception {
        ModelBundle fromTopic = BundleFiles.decode(BundleFiles.encode(current));
        TrainingRun freshRun = new TrainingRun(TRAINER, GATE, TrainerEvents.NONE);

        TrainingRun.Outcome outcome = freshRun.run(
                new HoldoutSplit(quieterData(), split.holdout()),
                SyntheticSensors.FEATURES,
                1,
                List.of("undercomplete"),
                fromTopic,
                "g",
                2);

        GateDecision decision = outcome.decision();
        assertFalse(decision.accepted());
        assertTrue(outcome.publishable().isEmpty());
        assertEquals(IncumbentScoring.JAVA_FORWARD_PASS, decision.currentScoring());
        assertTrue(decision.reason().contains("false-alarm rate"), decision.reason());
        assertTrue(Arrays.stream(split.holdout().currentScores()).allMatch(Double::isNaN), "nothing recorded");
        double[] imported = importedErrorsOfNormalWindows(fromTopic);
        assertEquals(imported.length, decision.windows());
        assertEquals(Arrays.stream(imported).average().orElseThrow(), decision.currentError(), 1e-9);
        assertEquals(0.0, decision.currentFalseAlarmRate());
    }

    /** The imported model's plain errors of the windows its smoothed scores call normal. */
    private static double[] importedErrorsOfNormalWindows(ModelBundle bundle) {
        InferenceModel model = BundleModels.inferenceModel(bundle);
        double threshold = bundle.getThresholds().getAnomaly();
        var imported = new CandidateGate.Contender(
                (raw, count) -> ModelTrainer.scoreRows(model, raw, count),
                null,
                threshold,
                IncumbentScoring.JAVA_FORWARD_PASS,
                ScoreSmoothing.of(bundle));
        double[] scores = imported.scores(split.holdout());
        double[] errors = ModelTrainer.scoreRows(
                model.unweighted(), split.holdout().raw(), split.holdout().count());
        return java.util.stream.IntStream.range(0, scores.length)
                .filter(i -> scores[i] <= threshold)
                .mapToDouble(i -> errors[i])
                .toArray();
    }

    private static List<double[][]> quieterData() {
        List<double[][]> tooQuiet = SyntheticSensors.sequences(4, 480, 0.05, 2);
        for (double[][] sequence : tooQuiet) {
            for (double[] row : sequence) {
                row[0] = 20 + 0.1 * (row[0] - 20);
            }
        }
        return tooQuiet;
    }

    @Test
    void aCandidateThatFailsValidationIsNeverGatedOrPublished() {
        CandidateTrainer corrupting = (features, window, sequences, variant, group, version) -> {
            CandidateTrainer.Trained trained = TRAINER.train(features, window, sequences, variant, group, version);
            trained.bundle().getOnnx().put(20, (byte)
                    (trained.bundle().getOnnx().get(20) ^ 1));
            return trained;
        };
        List<String> events = new ArrayList<>();
        TrainingRun run = new TrainingRun(corrupting, GATE, recording(events));

        TrainingRun.Outcome outcome =
                run.run(split, SyntheticSensors.FEATURES, 1, List.of("undercomplete"), current, "g", 2);

        assertFalse(outcome.decision().accepted());
        assertEquals(List.of("trained undercomplete", "failed no candidate trained and validated"), events);
        assertTrue(outcome.winner().isEmpty());
        assertTrue(outcome.publishable().isEmpty());
    }

    private static TrainerEvents recording(List<String> events) {
        return new TrainerEvents() {
            @Override
            public void candidateTrained(String variant, double validationLoss, long durationMs) {
                events.add("trained " + variant);
            }

            @Override
            public void gateDecided(String variant, GateDecision decision) {
                events.add("gate " + decision.accepted());
            }

            @Override
            public void trainingFailed(String reason) {
                events.add("failed " + reason);
            }
        };
    }
}
