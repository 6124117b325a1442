package dev.vigil.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome of evaluating a detector on a dataset: one result per entity and the configuration
 * that produced it. Pooled metrics treat all entities' test rows as one set, scores normalised by
 * their thresholds.
 *
 * @param entities per-entity results, in dataset order
 * @param config the settings used, as written into reports
 */
public record EvaluationResult(List<EntityResult> entities, Map<String, Object> config) {

    /** Point-wise metrics over all test rows of all entities. */
    public DetectionMetrics pooled() {
        return pool(EntityResult::flags);
    }

    /** Alert-level metrics over all test rows of all entities. */
    public DetectionMetrics pooledAlertLevel() {
        return pool(EntityResult::alertFlags);
    }

    /**
     * Point-wise metrics averaged over entities (each entity weighs the same; undefined values such
     * as the AUROC of an entity without anomalies are left out of their mean).
     */
    public DetectionMetrics entityMean() {
        List<DetectionMetrics> all =
                entities.stream().map(EntityResult::pointwise).toList();
        return DetectionMetrics.combined(
                all,
                values -> Arrays.stream(values).average().orElseThrow(),
                all.stream().mapToLong(DetectionMetrics::rows).sum(),
                all.stream().mapToLong(DetectionMetrics::anomalies).sum());
    }

    /** The precision-recall curve of the pooled normalised scores. */
    public List<DetectionMetrics.PrPoint> pooledPrecisionRecallCurve() {
        return DetectionMetrics.precisionRecallCurve(concatScores(), concat(EntityResult::labels));
    }

    private DetectionMetrics pool(Function<EntityResult, boolean[]> flags) {
        return DetectionMetrics.of(concatScores(), concat(EntityResult::labels), concat(flags));
    }

    private double[] concatScores() {
        double[] all = new double[totalRows()];
        int at = 0;
        for (EntityResult e : entities) {
            double[] part = e.normalizedScores();
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private boolean[] concat(Function<EntityResult, boolean[]> field) {
        boolean[] all = new boolean[totalRows()];
        int at = 0;
        for (EntityResult e : entities) {
            boolean[] part = field.apply(e);
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private int totalRows() {
        return entities.stream().mapToInt(e -> e.labels().length).sum();
    }
}
