package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import java.util.regex.Pattern;

/**
 * Which records a trainer trains its group on: readings of entities its {@code entity.pattern}
 * matches in full (any entity when it has none) and, for a group of {@code trainer.groups}, only
 * scored readings its own group's model scored. A single-group trainer takes every scored reading,
 * as it always did.
 *
 * @param group the group trained
 * @param entities the entity pattern, or null for every entity
 * @param ownScoresOnly whether scored readings of other groups' models are left out
 */
record GroupMembership(String group, Pattern entities, boolean ownScoresOnly) {
    /** The membership {@code config} describes. */
    static GroupMembership of(TrainerServiceConfig config) {
        String pattern = config.getString(TrainerServiceConfig.ENTITY_PATTERN);
        return new GroupMembership(
                config.getString(TrainerServiceConfig.MODEL_GROUP),
                pattern.isEmpty() ? null : Pattern.compile(pattern),
                config.isGroupOfMany());
    }

    boolean accepts(SensorReading reading) {
        return entities == null || entities.matcher(reading.getEntity()).matches();
    }

    boolean accepts(ScoredReading scored) {
        if (ownScoresOnly && scored.getModelGroup() != null && !group.equals(scored.getModelGroup())) {
            return false;
        }
        return accepts(scored.getReading());
    }
}
