package dev.vigil.cli;

import static dev.vigil.cli.ImportFixtures.FEATURES;
import static dev.vigil.cli.ImportFixtures.columns;
import static dev.vigil.cli.ImportFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.ImportFixtures.Run;
import dev.vigil.cli.ImportFixtures.Table;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.OnnxModel;
import dev.vigil.detector.models.OnnxTrial;
import dev.vigil.detector.models.SignatureTrust;
import dev.vigil.trainer.ModelImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil models import} on models exported by real PyTorch (1.13, opset 14): the wrapped graph
 * reproduces PyTorch's reconstructions, the signed bundle passes the detector's validator, and its
 * scores separate the anomalous readings PyTorch was given from the normal ones.
 */
class ModelImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void rawInputModelReconstructsAsPyTorchDidAndPassesTheValidator() throws Exception {
        Run keygen = Run.of("models", "keygen", "--out", dir.resolve("keys").toString());
        assertEquals(0, keygen.exit(), keygen.err());
        Path bundleFile = dir.resolve("torch.bundle");
        Run run = Run.of(
                "models",
                "import",
                "--onnx",
                resource("autoencoder.onnx").toString(),
                "--features",
                FEATURES,
                "--calibrate",
                resource("calibration.csv").toString(),
                "--scaler",
                "none",
                "--signing-key",
                dir.resolve("keys").resolve(SigningKeys.PRIVATE_FILE).toString(),
                "--group",
                "torch",
                "--version",
                "3",
                "--out",
                bundleFile.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("input 'x' float [batch, 5], output 'x_hat' float [batch, 5] (found"), run.out());
        ModelBundle bundle = BundleFiles.read(bundleFile);
        assertEquals(ModelImport.VARIANT, bundle.getVariant());
        assertEquals(3, bundle.getVersion());

        Table torch = ImportFixtures.table("reconstructions.csv", columns("s", 5));
        Table expected = ImportFixtures.table("reconstructions.csv", columns("r", 5));
        Map<String, float[]> out = OnnxTrial.run(
                onnx(bundle),
                ModelContract.INPUT,
                torch.values(),
                torch.rows(),
                List.of(ModelContract.RECONSTRUCTION, ModelContract.SCORE));
        assertClose(expected.values(), out.get(ModelContract.RECONSTRUCTION), 1e-5);
        assertSeparates(out.get(ModelContract.SCORE), 30, bundle.getThresholds().getAnomaly());
        assertPassesTheValidator(bundle, dir.resolve("keys").resolve(SigningKeys.PUBLIC_FILE));
        // the gate cannot rebuild a Java forward pass from a foreign graph, so it uses recorded scores
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> dev.vigil.trainer.BundleModels.inferenceModel(bundle));
        assertTrue(
                refused.getMessage().contains("no dense layers exported by the Vigil trainer"), refused.getMessage());
    }

    @Test
    void windowedModelGetsZScoredWindowsAndGivesTheNewestReadingInRawUnits() throws Exception {
        Path bundleFile = dir.resolve("windowed.bundle");
        Run run = Run.of(
                "models",
                "import",
                "--onnx",
                resource("autoencoder_windowed.onnx").toString(),
                "--features",
                FEATURES,
                "--window",
                "2",
                "--calibrate",
                resource("calibration.csv").toString(),
                "--scaler",
                "zscore",
                "--input",
                "window",
                "--output",
                "reconstructed",
                "--out",
                bundleFile.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(as named)"), run.out());
        assertTrue(run.out().contains("unsigned"), run.out());
        ModelBundle bundle = BundleFiles.read(bundleFile);
        assertEquals(2, bundle.getWindowLength());

        List<String> window = new java.util.ArrayList<>(columns("a", 5));
        window.addAll(columns("s", 5));
        Table inputs = ImportFixtures.table("windowed_reconstructions.csv", window);
        Table expected = ImportFixtures.table("windowed_reconstructions.csv", columns("r", 5));
        Map<String, float[]> out = OnnxTrial.run(
                onnx(bundle),
                ModelContract.INPUT,
                inputs.values(),
                inputs.rows(),
                List.of(ModelContract.RECONSTRUCTION));
        assertClose(expected.values(), out.get(ModelContract.RECONSTRUCTION), 1e-5);
        assertPassesTheValidator(bundle, null);
    }

    /** Relative (to max(1, |expected|)) agreement of every value. */
    private static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double allowed = tolerance * Math.max(1, Math.abs(expected[i]));
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= allowed,
                    "value " + i + ": ONNX Runtime " + actual[i] + ", PyTorch " + expected[i]);
        }
    }

    /** Rows from {@code firstAnomalous} on score far above the threshold, the median normal row below it. */
    private static void assertSeparates(float[] scores, int firstAnomalous, double threshold) {
        float[] normal = java.util.Arrays.copyOf(scores, firstAnomalous);
        java.util.Arrays.sort(normal);
        assertTrue(normal[normal.length / 2] < threshold, "median normal score " + normal[normal.length / 2]);
        for (int i = firstAnomalous; i < scores.length; i++) {
            assertTrue(scores[i] > 10 * threshold, "anomalous row " + i + " scored " + scores[i] + " vs " + threshold);
        }
    }

    private static void assertPassesTheValidator(ModelBundle bundle, Path publicKey) throws Exception {
        var trust = publicKey == null
                ? dev.vigil.detector.models.BundleTrust.TRUST_ALL
                : SignatureTrust.of(BundleVerifier.trusting(SigningKeys.readPublicKeys(publicKey)));
        OnnxModel model = new BundleValidator(trust, Set.of("s0", "s1", "s2", "s3", "s4"), 1e-4).validate(bundle, null);
        assertEquals(bundle.getVersion(), model.info().version());
        assertTrue(!model.isClosed());
    }

    private static byte[] onnx(ModelBundle bundle) {
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        return bytes;
    }
}
