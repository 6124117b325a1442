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
 * @param unscored per entity, what the detector did not score (entities that lost nothing are left out)
 * @param online the same models evaluated in the live loop (retrained and hot-swapped as the stream
 *     goes), or null when only the frozen models were evaluated
 */
public record EvaluationResult(
        List<EntityResult> entities, Map<String, Object> config, List<Unscored> unscored, EvaluationResult online) {

    /** A result of frozen models that scored everything. */
    public EvaluationResult(List<EntityResult> entities, Map<String, Object> config) {
        this(entities, config, List.of(), null);
    }

    /** Copies the lists. */
    public EvaluationResult {
        entities = List.copyOf(entities);
        unscored = List.copyOf(unscored);
    }

    /** This result with {@code online} as its live-loop counterpart. */
    public EvaluationResult withOnline(EvaluationResult online) {
        return new EvaluationResult(entities, config, unscored, online);
    }

    /** This result, then its online counterpart if there is one. */
    public List<EvaluationResult> loops() {
        return online == null ? List.of(this) : List.of(this, online);
    }

    /** Test rows the detector did not score plus dead letters, over all entities (and the online run). */
    public long lost() {
        return loops().stream()
                .flatMap(loop -> loop.unscored().stream())
                .mapToLong(u -> u.unscoredRows()
                        + u.deadLetters().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .sum();
    }

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
