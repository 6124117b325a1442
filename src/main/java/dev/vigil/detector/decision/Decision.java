package dev.vigil.detector.decision;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Verdict;
import java.util.Optional;

/**
 * What the decision stage concluded about one scored reading.
 *
 * @param score the score compared with the limits: the model's score smoothed over the entity's
 *     recent readings as the model's bundle asks (the model's score itself when its span is 1)
 * @param verdict NORMAL or ANOMALOUS
 * @param limits thresholds it was compared with
 * @param percentile percentile of the score among the model's validation scores
 * @param alert the alert lifecycle event it caused, if any
 */
public record Decision(double score, Verdict verdict, Limits limits, double percentile, Optional<AnomalyAlert> alert) {}
