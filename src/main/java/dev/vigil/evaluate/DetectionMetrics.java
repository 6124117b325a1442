package dev.vigil.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Point-wise detection metrics of one set of rows: the detector's own decisions ({@code flags}, at
 * the threshold fixed before streaming) and, for comparison with the literature only, threshold-free
 * figures computed from the scores and the labels.
 *
 * @param precision TP / (TP + FP) of the flags
 * @param recall TP / (TP + FN) of the flags
 * @param f1 TP / (TP + (FP + FN) / 2) of the flags
 * @param far false-alarm rate FP / (FP + TN) of the flags
 * @param mar missed-alarm rate FN / (FN + TP) of the flags
 * @param bestF1 the highest F1 of any threshold on the scores (uses the labels)
 * @param auroc area under the ROC curve, ties counted half (NaN when only one class is present)
 * @param auprc average precision, step-wise (NaN when no row is anomalous)
 * @param alwaysAlarmF1 F1 of flagging every row
 * @param rows number of rows
 * @param anomalies number of rows labelled anomalous
 */
public record DetectionMetrics(
        double precision,
        double recall,
        double f1,
        double far,
        double mar,
        double bestF1,
        double auroc,
        double auprc,
        double alwaysAlarmF1,
        long rows,
        long anomalies) {

    /**
     * Each figure of {@code all} combined by {@code statistic} over its finite values (undefined ones,
     * such as the AUROC of an entity without anomalies, are left out; NaN when none is finite), with
     * the given row and anomaly counts.
     */
    static DetectionMetrics combined(
            List<DetectionMetrics> all, ToDoubleFunction<double[]> statistic, long rows, long anomalies) {
        return new DetectionMetrics(
                combine(all, DetectionMetrics::precision, statistic),
                combine(all, DetectionMetrics::recall, statistic),
                combine(all, DetectionMetrics::f1, statistic),
                combine(all, DetectionMetrics::far, statistic),
                combine(all, DetectionMetrics::mar, statistic),
                combine(all, DetectionMetrics::bestF1, statistic),
                combine(all, DetectionMetrics::auroc, statistic),
                combine(all, DetectionMetrics::auprc, statistic),
                combine(all, DetectionMetrics::alwaysAlarmF1, statistic),
                rows,
                anomalies);
    }

    private static double combine(
            List<DetectionMetrics> all,
            ToDoubleFunction<DetectionMetrics> metric,
            ToDoubleFunction<double[]> statistic) {
        double[] finite =
                all.stream().mapToDouble(metric).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Double.NaN : statistic.applyAsDouble(finite);
    }

    /** One point of a precision-recall curve. */
    public record PrPoint(double threshold, double recall, double precision) {}

    /** Computes every metric from scores, labels and the detector's flags, all of the same length. */
    public static DetectionMetrics of(double[] scores, boolean[] labels, boolean[] flags) {
        Confusion atThreshold = Confusion.of(labels, flags);
        RankedScores ranked = RankedScores.of(scores, labels);
        return new DetectionMetrics(
                atThreshold.precision(),
                atThreshold.recall(),
                atThreshold.f1(),
                atThreshold.falseAlarmRate(),
                atThreshold.missedAlarmRate(),
                bestF1(ranked),
                auroc(ranked),
                averagePrecision(ranked),
                Confusion.ratio(2 * ranked.positives(), 2 * ranked.positives() + ranked.negatives()),
                labels.length,
                ranked.positives());
    }

    /** The precision-recall curve, one point per distinct score, from the highest threshold down. */
    public static List<PrPoint> precisionRecallCurve(double[] scores, boolean[] labels) {
        RankedScores ranked = RankedScores.of(scores, labels);
        List<PrPoint> curve = new ArrayList<>();
        for (RankedScores.Step step : ranked.steps()) {
            Confusion c = ranked.confusionAt(step);
            curve.add(new PrPoint(step.threshold(), c.recall(), c.precision()));
        }
        return curve;
    }

    private static double bestF1(RankedScores ranked) {
        double best = 0.0;
        for (RankedScores.Step step : ranked.steps()) {
            best = Math.max(best, ranked.confusionAt(step).f1());
        }
        return best;
    }

    /** Trapezoids between ROC steps: exactly the Mann-Whitney statistic with ties counted half. */
    private static double auroc(RankedScores ranked) {
        if (ranked.positives() == 0 || ranked.negatives() == 0) {
            return Double.NaN;
        }
        double area = 0.0;
        long previousTp = 0, previousFp = 0;
        for (RankedScores.Step step : ranked.steps()) {
            area += (step.fp() - previousFp) * (step.tp() + previousTp) / 2.0;
            previousTp = step.tp();
            previousFp = step.fp();
        }
        return area / ((double) ranked.positives() * ranked.negatives());
    }

    /** Sum over thresholds of (recall gained) × precision there, without interpolation. */
    private static double averagePrecision(RankedScores ranked) {
        if (ranked.positives() == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        long previousTp = 0;
        for (RankedScores.Step step : ranked.steps()) {
            Confusion c = ranked.confusionAt(step);
            sum += (step.tp() - previousTp) * c.precision();
            previousTp = step.tp();
        }
        return sum / ranked.positives();
    }
}
