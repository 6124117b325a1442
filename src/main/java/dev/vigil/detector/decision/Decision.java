package dev.vigil.detector.decision;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Verdict;
import java.util.Optional;

/**
 * What the decision stage concluded about one scored reading.
 *
 * @param verdict NORMAL or ANOMALOUS
 * @param limits thresholds it was compared with
 * @param percentile percentile of the score among the model's validation scores
 * @param alert the alert lifecycle event it caused, if any
 */
public record Decision(Verdict verdict, Limits limits, double percentile, Optional<AnomalyAlert> alert) {}
