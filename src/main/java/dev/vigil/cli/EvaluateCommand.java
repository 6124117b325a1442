package dev.vigil.cli;

import dev.vigil.evaluate.Dataset;
import dev.vigil.evaluate.EvaluationResult;
import dev.vigil.evaluate.EvaluationSettings;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.HtmlReport;
import dev.vigil.evaluate.JsonReport;
import dev.vigil.evaluate.OnlineSettings;
import dev.vigil.evaluate.Scope;
import dev.vigil.evaluate.SeedRuns;
import dev.vigil.evaluate.Unscored;
import dev.vigil.trainer.TrainerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil evaluate}: detection quality on a labelled dataset through the real detector topology. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Trains on each entity's E_train.csv (threshold calibrated on training data only), streams "
                + "E_test.csv through the detector topology in time order, and scores the verdicts against the labels. "
                + "--online also replays the live loop: the trainer service retrains from what the detector judged "
                + "normal and the detector hot-swaps each accepted model. Exits 3 when test rows went unscored or "
                + "to the dead-letter topic (listed on stderr), unless --allow-dead-letters.")
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

    @Mixin
    TrainerOptions trainer;

    @Option(
            names = "--scope",
            defaultValue = "per-entity",
            description = "per-entity or global (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--seed", description = "Seed of every random choice (default: the trainer's, 42).")
    Long seed;

    @Option(
            names = "--seeds",
            split = ",",
            paramLabel = "S",
            description = "Repeat the whole evaluation once per seed and print the spread of the pooled figures"
                    + " (mean, sd, min, max); --json adds it as \"seeds\", the reports show the first seed's run.")
    List<Long> seeds;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Detector setting, e.g. --set alert.k=3 (repeatable).")
    Map<String, String> detector = new LinkedHashMap<>();

    @Option(
            names = "--online",
            description = "Also evaluate the live loop (retraining and hot swaps) beside the frozen models.")
    boolean online;

    @Option(
            names = "--online-retrains",
            paramLabel = "N",
            defaultValue = "4",
            description = "Scheduled retrainings over each entity's test span (default: ${DEFAULT-VALUE}).")
    int onlineRetrains;

    @Option(
            names = "--online-set",
            paramLabel = "KEY=VALUE",
            description = "Trainer-service setting for --online, e.g. --online-set gate.error.tolerance=0.2.")
    Map<String, String> onlineService = new LinkedHashMap<>();

    @Option(
            names = "--allow-dead-letters",
            description = "Exit 0 even when test rows went unscored or were dead-lettered.")
    boolean allowDeadLetters;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the metrics as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (!FullBuild.TEST_DRIVER.check("evaluate", spec.commandLine().getErr())) {
            return FullBuild.EXIT_CODE;
        }
        SeedRuns runs = evaluateEach(runSeeds());
        if (json != null) {
            writeJson(runs);
        }
        if (report != null) {
            HtmlReport.write(runs.results().get(0), report);
        }
        PrintWriter out = spec.commandLine().getOut();
        EvaluationResult first = runs.results().get(0);
        EvaluationTables.print(first, out);
        if (first.online() != null) {
            EvaluationTables.printOnline(first, out);
        }
        if (runs.seeds().size() > 1) {
            EvaluationTables.printSpread(runs, "pooled", r -> r, out);
            if (first.online() != null) {
                EvaluationTables.printSpread(runs, "online, pooled", EvaluationResult::online, out);
            }
        }
        return warnAboutUnscored(runs);
    }

    /** Lists what went unscored on stderr; exit code 3 for it unless allowed. */
    private int warnAboutUnscored(SeedRuns runs) {
        PrintWriter err = spec.commandLine().getErr();
        long lost = 0;
        for (int i = 0; i < runs.seeds().size(); i++) {
            EvaluationResult r = runs.results().get(i);
            for (EvaluationResult loop : r.loops()) {
                for (Unscored u : loop.unscored()) {
                    err.printf(
                            "warning: seed %d, %s, %s: %d test rows unscored; dead letters %s; e.g. %s%n",
                            runs.seeds().get(i),
                            loop.config().get("loop"),
                            u.entity(),
                            u.unscoredRows(),
                            u.deadLetters(),
                            u.examples());
                }
            }
            lost += r.lost();
        }
        err.flush();
        if (lost > 0 && !allowDeadLetters) {
            err.println("evaluate: " + lost + " rows went unscored or to the dead-letter topic (above); the figures"
                    + " count them as misses. Fix the data, or pass --allow-dead-letters.");
            err.flush();
            return ExitCodes.UNSCORED;
        }
        return 0;
    }

    /** One whole evaluation (training included) per seed, on the same data and settings otherwise. */
    private SeedRuns evaluateEach(List<Long> runSeeds) throws Exception {
        Scope scope = scope();
        Dataset data = entities == null ? Dataset.load(dataset) : Dataset.load(dataset, entities);
        List<EvaluationResult> results = new ArrayList<>();
        for (long runSeed : runSeeds) {
            EvaluationSettings settings =
                    new EvaluationSettings(trainer.config(runSeed), scope, detector, onlineSettings());
            results.add(new Evaluator(settings).evaluate(data));
        }
        return new SeedRuns(runSeeds, results);
    }

    private OnlineSettings onlineSettings() {
        if (!online) {
            if (!onlineService.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--online-set needs --online");
            }
            return null;
        }
        if (onlineRetrains < 0) {
            throw new ParameterException(spec.commandLine(), "--online-retrains: must be >= 0, got " + onlineRetrains);
        }
        return new OnlineSettings(onlineRetrains, onlineService);
    }

    private List<Long> runSeeds() {
        if (seeds == null) {
            return List.of(seed == null ? TrainerConfig.defaults().seed() : seed);
        }
        if (seed != null) {
            throw new ParameterException(spec.commandLine(), "--seed and --seeds: give one or the other");
        }
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new ParameterException(spec.commandLine(), "--seeds: give distinct seeds, got " + seeds);
        }
        return seeds;
    }

    private void writeJson(SeedRuns runs) throws IOException {
        if (runs.seeds().size() > 1) {
            JsonReport.write(runs, json);
        } else {
            JsonReport.write(runs.results().get(0), json);
        }
    }

    private Scope scope() {
        try {
            return Scope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }
}
