package dev.vigil.evaluate;

import dev.vigil.report.SvgPlot;
import java.util.List;

/** The pooled precision-recall curve, with the always-alarm precision (prevalence) as baseline. */
final class PrCurveChart {
    private static final int SIZE = 420, MAX_POINTS = 2000;

    private PrCurveChart() {}

    static String svg(EvaluationResult result) {
        List<DetectionMetrics.PrPoint> curve = result.pooledPrecisionRecallCurve();
        int stride = Math.max(1, curve.size() / MAX_POINTS);
        int points = (curve.size() + stride - 1) / stride;
        double[] recall = new double[points], precision = new double[points];
        for (int k = 0; k < points; k++) {
            DetectionMetrics.PrPoint p = curve.get(Math.min(curve.size() - 1, k * stride));
            recall[k] = p.recall();
            precision[k] = p.precision();
        }
        DetectionMetrics pooled = result.pooled();
        double prevalence = pooled.rows() == 0 ? 0 : (double) pooled.anomalies() / pooled.rows();
        SvgPlot plot = new SvgPlot(SIZE + 80, SIZE, 0, 1, 0, 1)
                .line(new double[] {0, 1}, new double[] {prevalence, prevalence}, "#999", 1)
                .line(recall, precision, "#1f5fa8", 1.5);
        for (int k = 0; k <= 5; k++) {
            plot.xTick(k / 5.0, HtmlReport.number(k / 5.0)).yTick(k / 5.0, HtmlReport.number(k / 5.0));
        }
        return plot.titles("recall", "precision")
                .legend(0, "#1f5fa8", "AUPRC " + HtmlReport.number(pooled.auprc()))
                .legend(1, "#999", "prevalence " + HtmlReport.number(prevalence))
                .toSvg();
    }
}
