package dev.vigil.detector.decision;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.scoring.Scored;

/**
 * Stage 4 as a pure function of an entity's state and one scored reading: score smoothing (as the
 * model's bundle asks), thresholds, verdict, percentile, alert lifecycle, all on the smoothed score.
 * What the thresholds learn leaves out readings inside open alerts (see {@link ThresholdPolicy});
 * what they did not learn, and what exceeded the exit threshold, is kept in the entity's {@link
 * ScoreHistory} for operators' feedback ({@link FeedbackLearning}).
 */
public final class Decider {
    private final ThresholdPolicy thresholds;
    private final AlertTracker alerts;
    private final int topK;
    private ModelInfo percentilesOf;
    private Percentiles percentiles;

    public Decider(ThresholdPolicy thresholds, AlertRules rules) {
        this.thresholds = thresholds;
        this.alerts = new AlertTracker(rules);
        this.topK = rules.topK();
    }

    /** Decides about {@code scored}, updating {@code state}. */
    public Decision decide(EntityState state, Scored scored) {
        ModelInfo model = scored.model();
        double score = state.smoothed().update(scored.score(), model.group(), model.version(), model.smoothing());
        Limits limits = thresholds.limits(state.thresholds(), model);
        Observation observation = observation(scored, score, limits);
        boolean quiet = state.alert().isQuiet();
        var alert = alerts.step(state.alert(), observation);
        boolean learned = thresholds.observe(
                state.thresholds(), score, limits, state.alert().isOpen(), quiet);
        state.history().scoredBy(model.group(), model.version());
        state.history().record(observation.time(), score, learned, limits.exit());
        Verdict verdict = observation.anomalous() ? Verdict.ANOMALOUS : Verdict.NORMAL;
        return new Decision(score, verdict, limits, percentiles(model).percentile(score), alert);
    }

    private Observation observation(Scored scored, double score, Limits limits) {
        ModelInfo model = scored.model();
        return new Observation(
                scored.reading().entity(),
                scored.reading().timeMs(),
                score,
                limits,
                () -> Contributors.withStatistics(
                        scored.statistics(),
                        Contributors.top(
                                model.layout().names(),
                                scored.actual(),
                                scored.expected(),
                                scored.featureErrors(),
                                topK)),
                model.group(),
                model.version());
    }

    private Percentiles percentiles(ModelInfo model) {
        if (model != percentilesOf) {
            percentiles = new Percentiles(model.validationQuantiles());
            percentilesOf = model;
        }
        return percentiles;
    }
}
