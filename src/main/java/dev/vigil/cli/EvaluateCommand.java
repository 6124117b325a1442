package dev.vigil.cli;

import dev.vigil.evaluate.Dataset;
import dev.vigil.evaluate.DetectionMetrics;
import dev.vigil.evaluate.EntityResult;
import dev.vigil.evaluate.EvaluationResult;
import dev.vigil.evaluate.EvaluationSettings;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.HtmlReport;
import dev.vigil.evaluate.JsonReport;
import dev.vigil.evaluate.Scope;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.TrainerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil evaluate}: detection quality on a labelled dataset through the real detector topology. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Trains on each entity's E_train.csv (threshold calibrated on training data only), streams",
            "E_test.csv through the detector topology in time order, and scores the verdicts against the labels."
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "Dataset directory (E_train.csv, E_test.csv).")
    Path dataset;

    @Option(names = "--entities", split = ",", paramLabel = "E", description = "Only these entities (default: all).")
    List<String> entities;

    @Option(names = "--variant", description = "Autoencoder variant (default: the trainer's).")
    String variant;

    @Option(names = "--window", description = "Window length W in rows (default: the trainer's).")
    Integer window;

    @Option(
            names = "--scope",
            defaultValue = "per-entity",
            description = "per-entity or global (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--epochs", description = "Training epochs (default: the trainer's).")
    Integer epochs;

    @Option(names = "--scaler", description = "${COMPLETION-CANDIDATES} (default: the trainer's).")
    ScalerChoice scaler;

    @Option(names = "--threshold-quantile", description = "Quantile of validation scores used as threshold.")
    Double thresholdQuantile;

    @Option(
            names = "--error-normalisation",
            arity = "1",
            paramLabel = "BOOL",
            description = "Divide each feature's error by its validation mean (default: the trainer's, true).")
    Boolean errorNormalisation;

    @Option(
            names = "--score-smoothing",
            paramLabel = "K",
            description = "Span of the per-entity moving average of scores; 1 = none (default: the trainer's, 3).")
    Integer scoreSmoothing;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Detector setting, e.g. --set alert.k=3 (repeatable).")
    Map<String, String> detector = new LinkedHashMap<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the metrics as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path report;

    @Override
    public Integer call() throws Exception {
        EvaluationSettings settings = new EvaluationSettings(trainerConfig(), scope(), detector);
        Dataset data = entities == null ? Dataset.load(dataset) : Dataset.load(dataset, entities);
        EvaluationResult result = new Evaluator(settings).evaluate(data);
        if (json != null) {
            JsonReport.write(result, json);
        }
        if (report != null) {
            HtmlReport.write(result, report);
        }
        print(result, spec.commandLine().getOut());
        return 0;
    }

    private Scope scope() {
        try {
            return Scope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    private TrainerConfig trainerConfig() {
        TrainerConfig.Builder b = TrainerConfig.builder().seed(seed);
        if (variant != null) {
            b.variant(variant);
        }
        if (window != null) {
            b.window(window);
        }
        if (epochs != null) {
            b.epochs(epochs);
        }
        if (scaler != null) {
            b.scaler(scaler);
        }
        if (thresholdQuantile != null) {
            b.thresholdQuantile(thresholdQuantile);
        }
        if (scoreSmoothing != null) {
            b.scoreSmoothing(scoreSmoothing);
        }
        if (errorNormalisation != null) {
            b.errorNormalisation(errorNormalisation);
        }
        return b.build();
    }

    private static void print(EvaluationResult result, PrintWriter out) {
        out.printf(
                "%-40s %6s %5s %6s %6s %6s %6s %7s %6s %6s %6s%n",
                "entity", "rows", "anom", "prec", "recall", "F1", "FAR", "bestF1", "AUROC", "AUPRC", "alarmF1");
        for (EntityResult e : result.entities()) {
            row(out, e.entity(), e.pointwise());
        }
        row(out, "pooled", result.pooled());
        row(out, "pooled (alert level)", result.pooledAlertLevel());
        row(out, "mean of entities", result.entityMean());
        out.flush();
    }

    private static void row(PrintWriter out, String name, DetectionMetrics m) {
        out.printf(
                Locale.ROOT,
                "%-40s %6d %5d %6.3f %6.3f %6.3f %6.3f %7.3f %6.3f %6.3f %6.3f%n",
                name,
                m.rows(),
                m.anomalies(),
                m.precision(),
                m.recall(),
                m.f1(),
                m.far(),
                m.bestF1(),
                m.auroc(),
                m.auprc(),
                m.alwaysAlarmF1());
    }
}
