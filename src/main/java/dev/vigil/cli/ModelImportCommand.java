package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.detector.models.OnnxTrial;
import dev.vigil.trainer.ImportRequest;
import dev.vigil.trainer.ModelImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil models import}: wraps an ONNX autoencoder trained elsewhere into a bundle that
 * {@code vigil models publish} and {@code vigil detect --model.path} take like a trained one
 * ({@link ModelImport}), optionally signed.
 */
@Command(
        name = "import",
        description = "Wrap an ONNX autoencoder ([N, D] float in, its reconstruction [N, D] out) into a bundle,"
                + " calibrated on a sample of normal data.")
final class ModelImportCommand extends ModelsCommand.Subcommand {

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The ONNX model.")
    Path onnx;

    @Option(
            names = "--features",
            required = true,
            split = ",",
            paramLabel = "NAME",
            description = "Feature names in the order of the model's columns (D = features x window).")
    List<String> features;

    @Option(
            names = "--window",
            defaultValue = "1",
            description = "Readings per input window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--calibrate",
            required = true,
            paramLabel = "SAMPLE.csv",
            description = "Normal readings (CSV with a column per feature, or a dataset directory) to calibrate on.")
    Path calibration;

    @Option(
            names = "--scaler",
            defaultValue = "NONE",
            description = "ZSCORE: Vigil z-scores the input on the sample before the model (a model trained on"
                    + " z-scored data); NONE: the model gets raw values (default: ${DEFAULT-VALUE}).")
    ScalerKind scaler;

    @Option(names = "--input", paramLabel = "NAME", description = "Input tensor (default: the only float rank-2 one).")
    String input;

    @Option(
            names = "--output",
            paramLabel = "NAME",
            description = "Output tensor (default: the only float rank-2 one).")
    String output;

    @Option(names = "--signing-key", paramLabel = "KEY", description = "Sign the bundle with this key.")
    Path signingKey;

    @Option(names = "--group", defaultValue = "default", description = "Model group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--version", defaultValue = "1", description = "Bundle version (default: ${DEFAULT-VALUE}).")
    long version;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Bundle file to write.")
    Path out;

    @Override
    int execute() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ImportRequest request =
                new ImportRequest(onnx, features, window, calibration, scaler, input, output, group, version);
        ModelImport.Result result = new ModelImport(OnnxTrial::run, Clock.systemUTC()).run(request);
        console.printf("%s: %s%n", onnx, result.found());
        ModelBundle bundle = result.bundle();
        if (signingKey != null) {
            bundle = BundleSigning.sign(bundle, SigningKeys.readPair(signingKey));
        }
        BundleFiles.write(bundle, out);
        console.printf(
                "wrote %s: %s v%d, %d features x window %d, scaler %s, calibrated on %d windows, threshold %.6g,"
                        + " sha256 %s, %s%n",
                out,
                bundle.getGroup(),
                bundle.getVersion(),
                features.size(),
                window,
                scaler,
                result.calibrationWindows(),
                bundle.getThresholds().getAnomaly(),
                bundle.getSha256(),
                bundle.getKeyId() == null ? "unsigned" : "signed by key " + bundle.getKeyId());
        return 0;
    }
}
