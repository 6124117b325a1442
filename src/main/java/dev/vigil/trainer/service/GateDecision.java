package dev.vigil.trainer.service;

/**
 * Whether a candidate may replace the model in use, and the figures it was judged on.
 *
 * @param accepted true when the candidate may be published
 * @param reason why, in one sentence
 * @param windows held-out windows the current model calls normal (the comparison set)
 * @param candidateFalseAlarmRate share of those the candidate scores above its own threshold
 * @param currentFalseAlarmRate the same share for the model in use (0 by construction when its
 *     recorded verdicts define the set; NaN without a model in use)
 * @param candidateError mean candidate score on the comparison set
 * @param currentError mean score of the model in use on it (NaN without a model in use)
 * @param currentScoring how the model in use was scored: its imported Java forward pass, or the
 *     detector's recorded scores as the fallback
 */
public record GateDecision(
        boolean accepted,
        String reason,
        int windows,
        double candidateFalseAlarmRate,
        double currentFalseAlarmRate,
        double candidateError,
        double currentError,
        IncumbentScoring currentScoring) {}
