package dev.vigil.evaluate;

import static dev.vigil.report.Html.escape;

import dev.vigil.report.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable evaluation report: one self-contained HTML file (inline SVG and CSS, no scripts,
 * no external resources) with the metrics table, the pooled precision-recall curve and, per entity,
 * the score over time with its threshold, the labelled anomalies and the open alerts.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:20px;max-width:1140px}"
            + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:right}th:first-child,td:first-child{text-align:left}tr.pooled{font-weight:bold}"
            + "h2{margin-top:28px}code{background:#f4f4f4}";
    private static final List<String> HEADERS = List.of(
            "entity",
            "rows",
            "anomalies",
            "precision",
            "recall",
            "F1",
            "FAR",
            "MAR",
            "best F1",
            "AUROC",
            "AUPRC",
            "always-alarm F1",
            "alert-level F1");

    private HtmlReport() {}

    /** Writes the report of {@code result} to {@code file}. */
    public static void write(EvaluationResult result, Path file) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    /** The report of {@code result} as one HTML document. */
    public static String render(EvaluationResult result) {
        StringBuilder body = new StringBuilder("<h1>Vigil evaluation</h1>")
                .append(config(result.config()))
                .append("<h2>Metrics</h2>")
                .append(table(result))
                .append("<p>Point-wise at the threshold fixed from training data: precision, recall, F1, FAR, MAR. ")
                .append("Best F1, AUROC and AUPRC use the labels (for comparison with the literature only). ")
                .append("Alert-level F1 counts rows inside open alerts as flagged.</p>")
                .append(unscored(result))
                .append(online(result))
                .append("<h2>Pooled precision-recall curve</h2>")
                .append(PrCurveChart.svg(result))
                .append("<h2>Score over time per entity</h2>");
        for (EntityResult e : result.entities()) {
            body.append("<h3>").append(escape(e.entity())).append("</h3>").append(ScoreChart.svg(e));
        }
        return Html.page("Vigil evaluation", STYLE, body.toString());
    }

    private static String unscored(EvaluationResult result) {
        if (result.lost() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Not scored</h2><table>")
                .append(Html.headerRow(
                        List.of("entity", "loop", "unscored test rows", "dead letters by reason", "first message")));
        for (EvaluationResult r : result.loops()) {
            for (Unscored u : r.unscored()) {
                out.append(
                        Html.row(u.entity(), r.config().get("loop"), u.unscoredRows(), u.deadLetters(), u.examples()));
            }
        }
        return out.append("</table>").toString();
    }

    private static String online(EvaluationResult result) {
        EvaluationResult online = result.online();
        if (online == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Frozen and online</h2><p>Online: the same first models, ")
                .append("retrained by the trainer service's logic from what the detector judged normal and ")
                .append("hot-swapped into the replay; no label is read until the metrics.</p><table>")
                .append(Html.headerRow(HEADERS))
                .append(row("pooled", "frozen", result.pooled(), result.pooledAlertLevel()))
                .append(row("pooled", "online", online.pooled(), online.pooledAlertLevel()))
                .append("</table><h3>Retrainings</h3><table>")
                .append(Html.headerRow(List.of("entity", "after row", "trigger", "version", "swapped", "reason")));
        for (EntityResult e : online.entities()) {
            for (Retrain r : e.retrains()) {
                out.append(Html.row(
                        e.entity(), r.row(), r.trigger(), "v" + r.version(), r.swapped() ? "yes" : "no", r.reason()));
            }
        }
        return out.append("</table>").toString();
    }

    private static String config(Map<String, Object> config) {
        StringBuilder out = new StringBuilder("<p>");
        config.forEach((k, v) -> out.append("<code>")
                .append(escape(k))
                .append(" = ")
                .append(escape(String.valueOf(v)))
                .append("</code> "));
        return out.append("</p>").toString();
    }

    private static String table(EvaluationResult result) {
        StringBuilder out = new StringBuilder("<table>").append(Html.headerRow(HEADERS));
        for (EntityResult e : result.entities()) {
            out.append(row("", e.entity(), e.pointwise(), e.alertLevel()));
        }
        return out.append(row("pooled", "pooled", result.pooled(), result.pooledAlertLevel()))
                .append(row("pooled", "mean of entities", result.entityMean(), null))
                .append("</table>")
                .toString();
    }

    private static String row(String cssClass, String name, DetectionMetrics m, DetectionMetrics alerts) {
        List<Object> cells = new ArrayList<>(List.of(name, m.rows(), m.anomalies()));
        List.of(
                        m.precision(),
                        m.recall(),
                        m.f1(),
                        m.far(),
                        m.mar(),
                        m.bestF1(),
                        m.auroc(),
                        m.auprc(),
                        m.alwaysAlarmF1(),
                        alerts == null ? Double.NaN : alerts.f1())
                .forEach(v -> cells.add(number(v)));
        return Html.classedRow(cssClass, cells);
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
