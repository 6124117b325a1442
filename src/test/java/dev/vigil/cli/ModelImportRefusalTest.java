package dev.vigil.cli;

import static dev.vigil.cli.ImportGraphs.DOUBLE;
import static dev.vigil.cli.ImportGraphs.FLOAT;
import static dev.vigil.cli.ImportGraphs.floats;
import static dev.vigil.cli.ImportGraphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.vigil.cli.ImportFixtures.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of model {@code vigil models import} refuses, each built in code: exit 1, one line
 * naming the problem, and no bundle written.
 */
class ModelImportRefusalTest {
    private static final String BATCH = "batch";

    @TempDir
    Path dir;

    @Test
    void aRankThreeInputIsRefused() throws Exception {
        Path onnx = ImportGraphs.write(
                dir, "rank3.onnx", graph("Identity", FLOAT, dims(BATCH, 1L, 5L), dims(BATCH, 1L, 5L)));
        assertRefused(onnx, "input 'x' has rank 3 [batch, 1, 5]; Vigil needs rank 2");
    }

    @Test
    void anOutputNarrowerThanTheInputIsRefused() throws Exception {
        var g = graph("Gemm", FLOAT, dims(BATCH, 5L), dims(BATCH, 4L), "w")
                .addInitializer(floats("w", new float[20], 5, 4));
        assertRefused(ImportGraphs.write(dir, "narrow.onnx", g), "output 'y' is 4 wide [batch, 4], not the input's 5");
    }

    @Test
    void aWidthOtherThanFeaturesTimesWindowIsRefused() throws Exception {
        Path onnx = ImportGraphs.write(dir, "five.onnx", graph("Identity", FLOAT, dims(BATCH, 5L), dims(BATCH, 5L)));
        Run run = importing(onnx, "--features", "s0,s1,s2", "--window", "2");
        assertRefusal(run, "input 'x' is 5 wide [batch, 5], not features × window = 6");
    }

    @Test
    void aDoubleInputIsRefused() throws Exception {
        Path onnx = ImportGraphs.write(dir, "double.onnx", graph("Identity", DOUBLE, dims(BATCH, 5L), dims(BATCH, 5L)));
        assertRefused(onnx, "input 'x' is of type DOUBLE, not float");
    }

    @Test
    void aFixedBatchOfOneIsRefused() throws Exception {
        Path onnx = ImportGraphs.write(dir, "batch1.onnx", graph("Identity", FLOAT, dims(1L, 5L), dims(1L, 5L)));
        assertRefused(onnx, "input 'x' has a fixed batch dimension of 1, so it cannot take the detector's batches");
    }

    @Test
    void aSymbolicWidthThatTurnsOutDifferentIsRefusedOnTheSample() throws Exception {
        var g = graph("Concat", FLOAT, dims(BATCH, "d"), dims(BATCH, "e"), "x");
        g.getNodeBuilder(0)
                .addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("axis")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT)
                        .setI(1));
        assertRefused(
                ImportGraphs.write(dir, "doubled.onnx", g),
                "output 'y' returned 24000 values (10.0 per row), not 5: the output must reconstruct the input");
    }

    @Test
    void anInfiniteReconstructionOnTheSampleIsRefused() throws Exception {
        var g = graph("Div", FLOAT, dims(BATCH, 5L), dims(BATCH, 5L), "zero")
                .addInitializer(floats("zero", new float[5], 5));
        assertRefused(
                ImportGraphs.write(dir, "inf.onnx", g), "output 'y' is Infinity for calibration window 0, column 0");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        var g = graph("Identity", FLOAT, dims(BATCH, 5L), dims(BATCH, 5L))
                .addInitializer(floats("ballast", new float[(17 << 20) / 4], (17 << 20) / 4));
        assertRefused(ImportGraphs.write(dir, "big.onnx", g), "the model is refused (TOO_LARGE)");
    }

    @Test
    void aCustomOperatorDomainIsRefused() throws Exception {
        var g = graph("Evil", FLOAT, dims(BATCH, 5L), dims(BATCH, 5L));
        g.getNodeBuilder(0).setDomain("com.example.evil");
        assertRefused(ImportGraphs.write(dir, "custom.onnx", g), "the model is refused (CUSTOM_DOMAIN)");
    }

    @Test
    void externalDataIsRefused() throws Exception {
        var g = graph("Add", FLOAT, dims(BATCH, 5L), dims(BATCH, 5L), "w")
                .addInitializer(floats("w", new float[0], 5).toBuilder()
                        .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(OnnxMl.StringStringEntryProto.newBuilder()
                                .setKey("location")
                                .setValue("../../etc/passwd"))
                        .setRawData(ByteString.EMPTY));
        assertRefused(ImportGraphs.write(dir, "external.onnx", g), "the model is refused (EXTERNAL_DATA)");
    }

    private void assertRefused(Path onnx, String message) {
        assertRefusal(importing(onnx, "--features", ImportFixtures.FEATURES), message);
    }

    private void assertRefusal(Run run, String message) {
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("vigil models import: "), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(Files.exists(dir.resolve("out.bundle")), "no bundle is written");
    }

    private Run importing(Path onnx, String... features) {
        List<String> args = new java.util.ArrayList<>(List.of("models", "import", "--onnx", onnx.toString()));
        args.addAll(List.of(features));
        args.addAll(List.of(
                "--calibrate",
                ImportFixtures.resource("calibration.csv").toString(),
                "--out",
                dir.resolve("out.bundle").toString()));
        return Run.of(args.toArray(String[]::new));
    }

    private static List<Object> dims(Object... dims) {
        return List.of(dims);
    }
}
