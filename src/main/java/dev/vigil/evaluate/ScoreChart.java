package dev.vigil.evaluate;

import dev.vigil.report.SvgPlot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The score-over-time chart of one entity: score (log scale) as a line, the threshold as a line,
 * labelled anomalies shaded red, open alerts as an orange strip along the top. Long series are
 * reduced to the minimum and maximum of each pixel column so that spikes survive.
 */
final class ScoreChart {
    private static final int WIDTH = 1100, HEIGHT = 260, COLUMNS = 1000;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ScoreChart() {}

    static String svg(EntityResult e) {
        int n = e.labels().length;
        double[] logScores = log10(e.scores());
        double[] logThresholds = log10(e.thresholds());
        double[] range = range(logScores, logThresholds);
        SvgPlot plot = new SvgPlot(WIDTH, HEIGHT, 0, Math.max(1, n - 1), range[0], range[1]);
        shadeRuns(plot, e.labels(), false, "rgba(220,40,40,0.25)");
        shadeRuns(plot, e.alertFlags(), true, "#f39c12");
        Series scores = Series.minMax(logScores, COLUMNS);
        Series thresholds = Series.minMax(logThresholds, COLUMNS);
        plot.line(scores.xs(), scores.ys(), "#1f5fa8", 1.0).line(thresholds.xs(), thresholds.ys(), "#c0392b", 1.5);
        for (int p = (int) Math.floor(range[0]); p <= Math.ceil(range[1]); p++) {
            plot.yTick(p, "1e" + p);
        }
        for (int k = 0; k <= 4; k++) {
            int row = (int) Math.round(k * (n - 1) / 4.0);
            plot.xTick(row, n == 0 ? "" : DAY.format(Instant.ofEpochMilli(e.timestamps()[row])));
        }
        return plot.titles("time (test rows in order)", "score (log10)")
                .legend(0, "#1f5fa8", "score")
                .legend(1, "#c0392b", "threshold")
                .legend(2, "rgba(220,40,40,0.4)", "labelled anomaly")
                .legend(3, "#f39c12", "open alert")
                .toSvg();
    }

    private static void shadeRuns(SvgPlot plot, boolean[] marks, boolean strip, String colour) {
        int start = -1;
        for (int i = 0; i <= marks.length; i++) {
            boolean on = i < marks.length && marks[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                if (strip) {
                    plot.topStrip(start, i - 1, colour);
                } else {
                    plot.band(start, i - 1, colour);
                }
                start = -1;
            }
        }
    }

    private static double[] log10(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] > 0 ? Math.log10(values[i]) : Double.NaN;
        }
        return out;
    }

    /** [low, high] of the finite values, the low end clipped to 4 decades below the high end. */
    private static double[] range(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] values : new double[][] {a, b}) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        return new double[] {Math.max(lo, hi - 4), hi + 0.1};
    }
}
