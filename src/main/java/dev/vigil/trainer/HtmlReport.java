package dev.vigil.trainer;

import dev.vigil.contract.avro.ModelBundle;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML training report: the loss curves (training and validation per epoch) and
 * the histogram of validation scores with the anomaly and exit thresholds marked, as inline SVG.
 */
public final class HtmlReport {
    private static final int W = 640;
    private static final int H = 260;
    private static final int PAD = 40;
    private static final int BINS = 40;

    private HtmlReport() {}

    /** Renders the report of one training run. */
    public static String render(TrainingOutcome outcome) {
        ModelBundle b = outcome.bundle();
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Vigil training report</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td{padding:2px 12px}</style></head><body>"
                + "<h1>Training report: " + escape(b.getGroup()) + " v" + b.getVersion() + " (" + escape(b.getVariant())
                + ")</h1>" + summary(b) + "<h2>Loss per epoch</h2>" + lossChart(outcome.history())
                + "<h2>Validation scores</h2><p>Rows per score bin (scaled mean squared error); the last bin also"
                + " holds every higher score.</p>" + histogram(outcome.validationScores(), b) + "</body></html>\n";
    }

    private static String summary(ModelBundle b) {
        return "<table>" + row("features", b.getFeatureNames().size()) + row("window", b.getWindowLength())
                + row("training windows", b.getTraining().getSamples())
                + row("epochs", b.getTraining().getEpochs())
                + row("final training loss", fmt(b.getTraining().getTrainLoss()))
                + row("best validation loss", fmt(b.getTraining().getValidationLoss()))
                + row(
                        "anomaly threshold",
                        fmt(b.getThresholds().getAnomaly()) + " ("
                                + b.getThresholds().getRule() + ")")
                + row("exit threshold", fmt(b.getThresholds().getExit()))
                + row("duration ms", b.getTraining().getDurationMs())
                + row("sha256", b.getSha256()) + "</table>";
    }

    private static String row(String name, Object value) {
        return "<tr><td>" + name + "</td><td>" + escape(String.valueOf(value)) + "</td></tr>";
    }

    private static String lossChart(LossHistory history) {
        List<Double> train = history.train();
        List<Double> validation = history.validation();
        double max = Math.max(max(train), max(validation));
        return svg(axes(0, max)
                + captions("1", String.valueOf(train.size()), "epoch", "loss")
                + polyline(train, max, "#1f77b4")
                + polyline(validation, max, "#d62728")
                + label(PAD + 10, PAD - 10, "training", "#1f77b4")
                + label(PAD + 110, PAD - 10, "validation", "#d62728"));
    }

    private static String polyline(List<Double> values, double max, String colour) {
        StringBuilder points = new StringBuilder();
        int n = Math.max(1, values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            points.append(fmt(x(i / (double) n)))
                    .append(',')
                    .append(fmt(y(values.get(i) / max)))
                    .append(' ');
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points + "\"/>";
    }

    private static String histogram(double[] scores, ModelBundle b) {
        double hi = Math.max(b.getThresholds().getAnomaly() * 1.5, scores[(int) (0.99 * (scores.length - 1))]);
        int[] counts = new int[BINS];
        for (double s : scores) {
            counts[Math.min(BINS - 1, (int) (s / hi * BINS))]++; // the last bin also holds scores above hi
        }
        int top = java.util.Arrays.stream(counts).max().orElse(1);
        StringBuilder bars = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            double x0 = x(i / (double) BINS);
            double height = (H - 2 * PAD) * counts[i] / (double) top;
            bars.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#7f7f7f\"/>",
                    x0,
                    H - PAD - height,
                    (W - 2.0 * PAD) / BINS - 1,
                    height));
        }
        return svg(axes(0, top)
                + captions("0", fmt(hi), "score", "rows")
                + bars
                + marker(b.getThresholds().getAnomaly() / hi, "anomaly", "#d62728")
                + marker(b.getThresholds().getExit() / hi, "exit", "#ff7f0e"));
    }

    private static String marker(double fraction, String name, String colour) {
        double x = x(fraction);
        return String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                        x,
                        PAD,
                        x,
                        H - PAD,
                        colour)
                + label(x + 3, PAD + ("exit".equals(name) ? 14 : 0), name, colour);
    }

    private static String axes(double lo, double hi) {
        return String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>",
                        PAD,
                        H - PAD,
                        W - PAD,
                        H - PAD,
                        PAD,
                        PAD,
                        PAD,
                        H - PAD)
                + label(2, H - PAD, fmt(lo), "black")
                + label(2, PAD, fmt(hi), "black");
    }

    /** Axis captions: the x range under the x axis, the quantity names at the ends. */
    private static String captions(String xLo, String xHi, String xName, String yName) {
        return label(PAD, H - PAD + 15, xLo, "black")
                + label(W - PAD - 30, H - PAD + 15, xHi, "black")
                + label(W / 2.0 - 20, H - 5, xName, "black")
                + label(2, PAD - 25, yName, "black");
    }

    private static String label(double x, double y, String text, String colour) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>",
                x,
                y,
                colour,
                escape(text));
    }

    private static String svg(String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H + "\">" + body + "</svg>";
    }

    private static double x(double fraction) {
        return PAD + fraction * (W - 2 * PAD);
    }

    private static double y(double fraction) {
        return H - PAD - fraction * (H - 2 * PAD);
    }

    private static double max(List<Double> values) {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
