package dev.vigil.detector.decision;

import dev.vigil.contract.avro.FeatureContribution;
import java.util.List;
import java.util.function.Supplier;

/**
 * One scored reading as the alert tracker sees it.
 *
 * @param entity the entity
 * @param time event time, epoch millis
 * @param score the score
 * @param limits thresholds in force
 * @param contributors top features of this reading, computed only when needed
 * @param modelGroup group of the model that scored it
 * @param modelVersion version of the model that scored it
 */
public record Observation(
        String entity,
        long time,
        double score,
        Limits limits,
        Supplier<List<FeatureContribution>> contributors,
        String modelGroup,
        long modelVersion) {
    /** Whether the score is above the entry threshold. */
    public boolean anomalous() {
        return score > limits.entry();
    }
}
