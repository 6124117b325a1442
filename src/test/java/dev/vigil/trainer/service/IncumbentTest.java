package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.testkit.SyntheticSensors;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingParams;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model in use as a contender: imported forward pass first, the detector's recorded scores as fallback. */
class IncumbentTest {
    private static CandidateTrainer.Trained inUse;
    private static HoldoutWindows holdout;

    @BeforeAll
    static void trainTheModelInUse() {
        CandidateTrainer trainer = new ModelTrainerCandidates(
                new ModelTrainer(),
                TrainerConfig.defaults()
                        .withSeed(3)
                        .withTraining(TrainingParams.defaults().withEpochs(5)));
        List<double[][]> normal = SyntheticSensors.sequences(2, 300, 1.0, 5);
        HoldoutSplit split = HoldoutSplit.of(SyntheticSensors.segments(normal, new double[] {0.5}, 1), 1, 0.2, 1);
        holdout = split.holdout();
        inUse = trainer.train(SyntheticSensors.FEATURES, 1, split.training(), "undercomplete", "g", 1);
    }

    @Test
    void aBundleThisTrainerExportedIsScoredByItsImportedForwardPass() {
        CandidateGate.Contender contender = Incumbent.contender(inUse.bundle(), holdout);

        assertEquals(IncumbentScoring.JAVA_FORWARD_PASS, contender.scoring());
        assertEquals(inUse.bundle().getThresholds().getAnomaly(), contender.threshold());
        assertArrayEquals(
                inUse.scorer().score(holdout.raw(), holdout.count()),
                contender.scorer().score(holdout.raw(), holdout.count()));
    }

    @Test
    void aGraphTheImporterRefusesFallsBackToTheRecordedScores() {
        ModelBundle foreign = ModelBundle.newBuilder(inUse.bundle())
                .setOnnx(ByteBuffer.wrap(identityGraph()))
                .build();

        CandidateGate.Contender contender = Incumbent.contender(foreign, holdout);

        assertEquals(IncumbentScoring.RECORDED_SCORES, contender.scoring());
        assertSame(holdout.currentScores(), contender.scorer().score(holdout.raw(), holdout.count()));
        assertEquals(0.5, holdout.currentScores()[0]);
    }

    @Test
    void anImportedForwardPassThatMissesTheProbeFallsBackToTheRecordedScores() {
        Probe probe = inUse.bundle().getProbe();
        List<Double> doubled = probe.getScores().stream().map(s -> 2 * s + 1).toList();
        ModelBundle mismatched = ModelBundle.newBuilder(inUse.bundle())
                .setProbe(Probe.newBuilder(probe).setScores(doubled).build())
                .build();

        assertEquals(
                IncumbentScoring.RECORDED_SCORES,
                Incumbent.contender(mismatched, holdout).scoring());
    }

    @Test
    void withoutAModelInUseThereIsNoContender() {
        assertNull(Incumbent.contender(null, holdout));
        assertEquals(
                IncumbentScoring.NOT_SCORED,
                new CandidateGate(0.5, 0.1, 1)
                        .judge(holdout, new CandidateGate.Contender(inUse.scorer(), 1e9), null)
                        .currentScoring());
    }

    /** A valid ONNX model that is not a Vigil export: one Identity node, no dense layers. */
    private static byte[] identityGraph() {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
                .setName("foreign")
                .addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("Identity")
                        .addInput("features")
                        .addOutput("score"))
                .build();
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setGraph(graph)
                .build()
                .toByteArray();
    }
}
