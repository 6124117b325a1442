package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.HtmlReport;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
import dev.vigil.trainer.Variant;
import dev.vigil.trainer.VariantParams;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil train}: learns a model from normal data and writes a bundle and an HTML report. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train an autoencoder on normal data; write a .bundle and an HTML report beside it.")
public final class TrainCommand implements Callable<Integer> {
    /** Where every option's default comes from. */
    private static final TrainerConfig DEFAULTS = TrainerConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV file, or dataset directory (all *_train.csv pooled).")
    Path data;

    @Option(names = "--out", required = true, description = "Bundle file to write, e.g. model.bundle.")
    Path out;

    @Option(
            names = "--variant",
            description =
                    "undercomplete, denoising, sparse, contractive, variational, deep or pca (default: ${DEFAULT-VALUE}).")
    String variant = DEFAULTS.variant().cliName();

    @Option(
            names = "--layers",
            split = ",",
            description = "Encoder widths ending with the code, e.g. 32,16,4 (default: sized from the input).")
    int[] layers = {};

    @Option(names = "--window", description = "Readings per input window W (default ${DEFAULT-VALUE} = automatic).")
    int window = DEFAULTS.network().window();

    @Option(names = "--epochs", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.training().epochs();

    @Option(names = "--batch", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.training().batchSize();

    @Option(names = "--seed", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--learning-rate", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.training().learningRate();

    @Option(
            names = "--scaler",
            description =
                    "AUTO (none for data already in [0,1], else ZSCORE), ZSCORE, ROBUST or NONE (default: ${DEFAULT-VALUE}).")
    ScalerChoice scaler = DEFAULTS.scoring().scaler();

    @Option(
            names = "--threshold-quantile",
            description = "Anomaly threshold = this quantile of validation scores (default: ${DEFAULT-VALUE}).")
    double thresholdQuantile = DEFAULTS.scoring().thresholdQuantile();

    @Option(
            names = "--loss",
            description =
                    "Training loss: MSE, MAE or BCE (BCE needs --scaler NONE and data in [0,1]) (default: ${DEFAULT-VALUE}).")
    Loss loss = DEFAULTS.network().loss();

    @Option(
            names = "--activation",
            description = "Hidden-layer activation: RELU, TANH, SIGMOID or IDENTITY (default: ${DEFAULT-VALUE}).")
    Activation activation = DEFAULTS.network().activation();

    @Option(
            names = "--validation-split",
            description =
                    "Share of each entity's latest windows held out for early stopping and calibration (default: ${DEFAULT-VALUE}).")
    double validationSplit = DEFAULTS.scoring().validationSplit();

    @Option(names = "--pretrain", description = "Greedy layer-wise pretraining (deep variant).")
    boolean pretrain = DEFAULTS.deep().pretrain();

    @Option(names = "--group", defaultValue = "default", description = "Model group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--model-version", defaultValue = "1", description = "Bundle version (default: ${DEFAULT-VALUE}).")
    long version;

    @Option(
            names = "--timings",
            description = "Print the wall-clock split of the run (start-up, loading, training, export, report).")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        TrainerConfig config = config();
        PrintWriter console = spec.commandLine().getOut();
        ProgressPrinter progress = new ProgressPrinter(console, System.console() != null);
        StageTimings stages = new StageTimings(progress);
        TrainingData trainingData = TrainingData.fromCsv(data);
        stages.lap("csv load");
        console.printf(
                "training %s on %d rows x %d features from %s%n",
                config.variant().cliName(),
                trainingData.rows(),
                trainingData.featureNames().size(),
                data);
        TrainingOutcome outcome = new ModelTrainer(Clock.systemUTC(), timings ? stages : progress)
                .trainWithReport(trainingData, config, group, version);
        progress.finish();
        stages.lap("(trainer, between stages)");
        BundleFiles.write(outcome.bundle(), out);
        stages.lap("bundle write");
        Path report = reportPath(out);
        Files.writeString(report, HtmlReport.render(outcome), StandardCharsets.UTF_8);
        stages.lap("html report");
        console.printf(
                "wrote %s (sha256 %s, threshold %.6g) and %s%n",
                out,
                outcome.bundle().getSha256(),
                outcome.bundle().getThresholds().getAnomaly(),
                report);
        if (timings) {
            stages.print(console);
        }
        return 0;
    }

    private TrainerConfig config() {
        return new TrainerConfig(
                Variant.parse(variant),
                seed,
                DEFAULTS.network()
                        .withLayers(layers)
                        .withWindow(window)
                        .withActivation(activation)
                        .withLoss(loss),
                DEFAULTS.training().withEpochs(epochs).withBatchSize(batch).withLearningRate(learningRate),
                DEFAULTS.scoring()
                        .withScaler(scaler)
                        .withThresholdQuantile(thresholdQuantile)
                        .withValidationSplit(validationSplit),
                DEFAULTS.denoising(),
                DEFAULTS.sparsity(),
                DEFAULTS.contractive(),
                DEFAULTS.variational(),
                new VariantParams.Deep(pretrain));
    }

    /** {@code model.bundle} → {@code model.report.html} in the same directory. */
    static Path reportPath(Path bundle) {
        String name = bundle.getFileName().toString();
        String stem = name.endsWith(".bundle") ? name.substring(0, name.length() - ".bundle".length()) : name;
        return bundle.resolveSibling(stem + ".report.html");
    }
}
