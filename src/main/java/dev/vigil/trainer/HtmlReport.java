package dev.vigil.trainer;

import static dev.vigil.report.Html.escape;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.report.Html;
import dev.vigil.report.SvgPlot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A self-contained HTML training report: the loss curves (training and validation per epoch) and
 * the histogram of validation scores with the anomaly and exit thresholds marked, as inline SVG.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em}td{padding:2px 12px}";
    private static final int W = 640;
    private static final int H = 260;
    private static final int BINS = 40;
    private static final String TRAINING = "#1f77b4";
    private static final String VALIDATION = "#d62728";
    private static final String ANOMALY = "#d62728";
    private static final String EXIT = "#ff7f0e";

    private HtmlReport() {}

    /** Renders the report of one training run. */
    public static String render(TrainingOutcome outcome) {
        ModelBundle b = outcome.bundle();
        return Html.page(
                "Vigil training report",
                STYLE,
                "<h1>Training report: " + escape(b.getGroup()) + " v" + b.getVersion() + " ("
                        + escape(b.getVariant()) + ")</h1>" + summary(b) + "<h2>Loss per epoch</h2>"
                        + lossChart(outcome.history())
                        + "<h2>Validation scores</h2><p>Rows per score bin (scaled mean squared error); the last"
                        + " bin also holds every higher score.</p>" + histogram(outcome.validationScores(), b));
    }

    private static String summary(ModelBundle b) {
        return "<table>" + Html.row("features", b.getFeatureNames().size())
                + Html.row("window", b.getWindowLength())
                + Html.row("training windows", b.getTraining().getSamples())
                + Html.row("epochs", b.getTraining().getEpochs())
                + Html.row("final training loss", fmt(b.getTraining().getTrainLoss()))
                + Html.row("best validation loss", fmt(b.getTraining().getValidationLoss()))
                + Html.row(
                        "anomaly threshold",
                        fmt(b.getThresholds().getAnomaly()) + " ("
                                + b.getThresholds().getRule() + ")")
                + Html.row("exit threshold", fmt(b.getThresholds().getExit()))
                + Html.row("duration ms", b.getTraining().getDurationMs())
                + Html.row("sha256", b.getSha256()) + feedback(b) + "</table>";
    }

    /** Rows operators' feedback changed, when the trainer service recorded them ({@link FeedbackRows}). */
    private static String feedback(ModelBundle b) {
        return FeedbackRows.of(b)
                .map(rows -> Html.row("rows added from false alarms (feedback)", rows.falseAlarmRowsAdded())
                        + Html.row("rows removed as confirmed anomalies (feedback)", rows.confirmedRowsRemoved()))
                .orElse("");
    }

    private static String lossChart(LossHistory history) {
        List<Double> train = history.train();
        List<Double> validation = history.validation();
        int epochs = Math.max(train.size(), validation.size());
        double max = Math.max(max(train), max(validation));
        return new SvgPlot(W, H, 1, epochs, 0, max)
                .line(epochNumbers(train), values(train), TRAINING, 2)
                .line(epochNumbers(validation), values(validation), VALIDATION, 2)
                .xTick(1, "1")
                .xTick(epochs, String.valueOf(epochs))
                .yTick(0, fmt(0))
                .yTick(max, fmt(max))
                .titles("epoch", "loss")
                .legend(0, TRAINING, "training")
                .legend(1, VALIDATION, "validation")
                .toSvg();
    }

    private static String histogram(double[] scores, ModelBundle b) {
        double hi = Math.max(b.getThresholds().getAnomaly() * 1.5, scores[(int) (0.99 * (scores.length - 1))]);
        int[] counts = new int[BINS];
        for (double s : scores) {
            counts[Math.min(BINS - 1, (int) (s / hi * BINS))]++; // the last bin also holds scores above hi
        }
        int top = Arrays.stream(counts).max().orElse(1);
        SvgPlot plot = new SvgPlot(W, H, 0, hi, 0, top);
        for (int i = 0; i < BINS; i++) {
            plot.bar(i * hi / BINS, (i + 1) * hi / BINS, counts[i], "#7f7f7f");
        }
        return plot.marker(b.getThresholds().getAnomaly(), ANOMALY)
                .marker(b.getThresholds().getExit(), EXIT)
                .xTick(0, "0")
                .xTick(hi, fmt(hi))
                .yTick(0, "0")
                .yTick(top, String.valueOf(top))
                .titles("score", "rows")
                .legend(0, ANOMALY, "anomaly threshold")
                .legend(1, EXIT, "exit threshold")
                .toSvg();
    }

    private static double[] epochNumbers(List<Double> values) {
        return IntStream.rangeClosed(1, values.size()).asDoubleStream().toArray();
    }

    private static double[] values(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
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
}
