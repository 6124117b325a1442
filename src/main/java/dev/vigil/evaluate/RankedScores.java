package dev.vigil.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scores sorted from highest to lowest with their labels, grouped into distinct score values: the
 * basis of every threshold-free metric. A NaN score (a row that was never scored) ranks lowest.
 */
final class RankedScores {
    /** One distinct threshold t, with counts of rows scoring at least t. */
    record Step(double threshold, long tp, long fp) {}

    private final List<Step> steps;
    private final long positives;
    private final long negatives;

    private RankedScores(List<Step> steps, long positives, long negatives) {
        this.steps = steps;
        this.positives = positives;
        this.negatives = negatives;
    }

    static RankedScores of(double[] scores, boolean[] labels) {
        Confusion.requireSameLength(labels.length, scores.length);
        Integer[] order = descendingOrder(scores);
        List<Step> steps = new ArrayList<>();
        long tp = 0, fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            tp += labels[i] ? 1 : 0;
            fp += labels[i] ? 0 : 1;
            boolean lastOfGroup = k + 1 == order.length || key(scores[order[k + 1]]) != key(scores[i]);
            if (lastOfGroup) {
                steps.add(new Step(key(scores[i]), tp, fp));
            }
        }
        return new RankedScores(List.copyOf(steps), tp, fp);
    }

    List<Step> steps() {
        return steps;
    }

    long positives() {
        return positives;
    }

    long negatives() {
        return negatives;
    }

    /** The confusion counts when every row scoring at least {@code step.threshold()} is flagged. */
    Confusion confusionAt(Step step) {
        return new Confusion(step.tp(), step.fp(), negatives - step.fp(), positives - step.tp());
    }

    private static Integer[] descendingOrder(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> key(scores[i])).reversed());
        return order;
    }

    private static double key(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }
}
