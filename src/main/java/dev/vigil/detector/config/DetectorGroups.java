package dev.vigil.detector.config;

import dev.vigil.detector.ingest.GroupRouter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the model-group keys into the groups a detector serves and the router that picks one per reading. */
public final class DetectorGroups {
    private DetectorGroups() {}

    /** Whether {@code model.groups} is set: readings are routed to one of several groups. */
    public static boolean routed(DetectorConfig config) {
        return !config.list(DetectorConfig.MODEL_GROUPS).isEmpty();
    }

    /** The groups served, in configuration order: {@code model.groups}, or the one {@code model.group} (may be empty). */
    public static List<String> groups(DetectorConfig config) {
        return routed(config)
                ? List.copyOf(config.list(DetectorConfig.MODEL_GROUPS))
                : List.of(config.getString(DetectorConfig.MODEL_GROUP));
    }

    /** The router of {@code model.groups}, or empty for a single-group detector. */
    public static Optional<GroupRouter> router(DetectorConfig config) {
        if (!routed(config)) {
            return Optional.empty();
        }
        String fallback = config.getString(DetectorConfig.MODEL_GROUPS_DEFAULT);
        Optional<String> defaultGroup = fallback.isEmpty() ? Optional.empty() : Optional.of(fallback);
        String field = config.getString(DetectorConfig.MODEL_GROUPS_BY_FIELD);
        if (!field.isEmpty()) {
            return Optional.of(GroupRouter.byField(field, groups(config), defaultGroup));
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String group : groups(config)) {
            String key = DetectorConfig.groupKey(group, ModelGroupsDefinition.ENTITY_PATTERN);
            patterns.put(group, Pattern.compile(config.getString(key)));
        }
        return Optional.of(GroupRouter.byPattern(patterns, defaultGroup));
    }
}
