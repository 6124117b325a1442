package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.trainer.HtmlReport;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil train}: learns a model from normal data and writes a bundle and an HTML report. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        defaultValueProvider = TrainDefaults.class,
        description = "Train an autoencoder on normal data; write a .bundle and an HTML report beside it.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV file, or dataset directory (all *_train.csv pooled).")
    Path data;

    @Option(names = "--out", required = true, description = "Bundle file to write, e.g. model.bundle.")
    Path out;

    @Mixin
    TrainFlags flags;

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

    /** The configuration the flags describe (defaults from {@link TrainerConfig#defaults()}). */
    TrainerConfig config() {
        return flags.config(spec.commandLine().getParseResult());
    }

    /** {@code model.bundle} → {@code model.report.html} in the same directory. */
    static Path reportPath(Path bundle) {
        String name = bundle.getFileName().toString();
        String stem = name.endsWith(".bundle") ? name.substring(0, name.length() - ".bundle".length()) : name;
        return bundle.resolveSibling(stem + ".report.html");
    }
}
