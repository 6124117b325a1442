package dev.vigil.detector.ingest;

import dev.vigil.contract.avro.SensorReading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which model group a reading belongs to: the first group whose entity pattern matches the whole
 * entity id, or the group named by one of the reading's tags; a reading of no group goes to the
 * default group when there is one, else it has none (the detector dead-letters it as
 * {@code NO_MODEL_GROUP}). Pure and thread-safe.
 */
public final class GroupRouter {
    private final List<String> groups;
    private final Map<String, Pattern> patterns;
    private final String field;
    private final Optional<String> fallback;

    private GroupRouter(List<String> groups, Map<String, Pattern> patterns, String field, Optional<String> fallback) {
        this.groups = List.copyOf(groups);
        this.patterns = patterns;
        this.field = field;
        this.fallback = fallback;
    }

    /** Routes by entity id: {@code patterns} in the order they are tried. */
    public static GroupRouter byPattern(Map<String, Pattern> patterns, Optional<String> fallback) {
        var ordered = new LinkedHashMap<>(patterns);
        return new GroupRouter(List.copyOf(ordered.keySet()), ordered, null, fallback);
    }

    /** Routes by the value of tag {@code field}, which must be one of {@code groups}. */
    public static GroupRouter byField(String field, List<String> groups, Optional<String> fallback) {
        return new GroupRouter(groups, Map.of(), field, fallback);
    }

    /** The groups a reading can be routed to, in configuration order. */
    public List<String> groups() {
        return groups;
    }

    /** The group of {@code reading}, or empty when it belongs to none and there is no default group. */
    public Optional<String> groupOf(SensorReading reading) {
        Optional<String> matched = field == null ? byEntity(reading.getEntity()) : byTag(reading);
        return matched.or(() -> fallback);
    }

    private Optional<String> byEntity(String entity) {
        for (var entry : patterns.entrySet()) {
            if (entry.getValue().matcher(entity).matches()) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    private Optional<String> byTag(SensorReading reading) {
        Map<String, String> tags = reading.getTags();
        String value = tags == null ? null : tags.get(field);
        return value != null && groups.contains(value) ? Optional.of(value) : Optional.empty();
    }

    /** Why {@code reading} has no group, for its dead letter. */
    public String noGroupMessage(SensorReading reading) {
        if (field == null) {
            return "entity " + reading.getEntity() + " matches the entity pattern of none of the groups " + groups;
        }
        Map<String, String> tags = reading.getTags();
        String value = tags == null ? null : tags.get(field);
        return value == null
                ? "reading has no tag " + field + " naming its model group"
                : "tag " + field + "=" + value + " names none of the groups " + groups;
    }
}
