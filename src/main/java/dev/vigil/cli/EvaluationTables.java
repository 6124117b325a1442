package dev.vigil.cli;

import dev.vigil.evaluate.DetectionMetrics;
import dev.vigil.evaluate.EntityResult;
import dev.vigil.evaluate.EvaluationResult;
import dev.vigil.evaluate.SeedRuns;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

/** The console tables of {@code vigil evaluate}: per entity, frozen beside online, and the spread over seeds. */
final class EvaluationTables {
    private EvaluationTables() {}

    static void print(EvaluationResult result, PrintWriter out) {
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

    static void printOnline(EvaluationResult frozen, PrintWriter out) {
        EvaluationResult online = frozen.online();
        out.printf("%nonline (retrained and hot-swapped as the stream goes)%n");
        print(online, out);
        out.printf("%nfrozen and online, pooled%n");
        row(out, "frozen", frozen.pooled());
        row(out, "online", online.pooled());
        row(out, "frozen (alert level)", frozen.pooledAlertLevel());
        row(out, "online (alert level)", online.pooledAlertLevel());
        out.printf("%nretrainings (entity: after row -> version, swapped or why not)%n");
        for (EntityResult e : online.entities()) {
            StringBuilder line = new StringBuilder(e.entity()).append(':');
            e.retrains()
                    .forEach(r -> line.append(String.format(
                            Locale.ROOT,
                            " %d %s->v%d %s;",
                            r.row(),
                            r.trigger(),
                            r.version(),
                            r.swapped() ? "swapped" : r.reason())));
            out.println(e.retrains().isEmpty() ? line.append(" none") : line);
        }
        out.flush();
    }

    static void printSpread(
            SeedRuns runs, String title, Function<EvaluationResult, EvaluationResult> loop, PrintWriter out) {
        int n = runs.seeds().size();
        out.printf("%n%s over %d seeds%n", title, n);
        for (int i = 0; i < n; i++) {
            row(
                    out,
                    "seed " + runs.seeds().get(i),
                    loop.apply(runs.results().get(i)).pooled());
        }
        row(out, "mean", runs.mean(r -> loop.apply(r).pooled()));
        row(out, "sd", runs.sd(r -> loop.apply(r).pooled()));
        row(out, "min", runs.min(r -> loop.apply(r).pooled()));
        row(out, "max", runs.max(r -> loop.apply(r).pooled()));
        row(out, "mean of entity means", runs.mean(r -> loop.apply(r).entityMean()));
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
