package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The declaration table of model groups: {@code model.groups}, {@code model.groups.by.field},
 * {@code model.groups.default}, and one {@code model.group.<group>.entity.pattern} per group named in
 * {@code model.groups} (defined for the groups the originals name, so they are known keys like any
 * other), with the checks across them.
 */
final class ModelGroupsDefinition {
    /** Suffix of a group's entity pattern key. */
    static final String ENTITY_PATTERN = "entity.pattern";
    /** What a group name may be: it names state stores and changelog topics, and sits inside keys. */
    static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ModelGroupsDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        MODEL_GROUPS,
                        Type.LIST,
                        "",
                        Importance.MEDIUM,
                        "Model groups this detector serves, each with its own bundle, feature layout and"
                                + " version; entities are routed by model.group.<group>.entity.pattern or by"
                                + " model.groups.by.field. Empty = one group, model.group, as before.")
                .define(
                        MODEL_GROUPS_BY_FIELD,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Route each reading to the group named by this tag of the reading (e.g. kind)"
                                + " instead of by entity pattern. Empty = route by entity pattern.")
                .define(
                        MODEL_GROUPS_DEFAULT,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Group of the readings that match no group; empty = dead-letter them as NO_MODEL_GROUP.");
    }

    /** {@code model.group.<group>.<suffix>}. */
    static String groupKey(String group, String suffix) {
        return MODEL_GROUP + "." + group + "." + suffix;
    }

    /** A copy of {@code base} that also defines the per-group keys of the groups {@code originals} names. */
    static ConfigDef withGroupKeys(ConfigDef base, Map<?, ?> originals) {
        ConfigDef def = new ConfigDef(base);
        for (String group : new java.util.LinkedHashSet<>(namedGroups(originals))) {
            def.define(
                    groupKey(group, ENTITY_PATTERN),
                    Type.STRING,
                    "",
                    ModelGroupsDefinition::ensureRegex,
                    Importance.MEDIUM,
                    "Regular expression an entity id must match in full to belong to group " + group
                            + "; groups are tried in model.groups order.");
        }
        return def;
    }

    @SuppressWarnings("unchecked")
    private static List<String> namedGroups(Map<?, ?> originals) {
        Object raw = originals.get(MODEL_GROUPS);
        if (raw == null) {
            return List.of();
        }
        return (List<String>) ConfigDef.parseType(MODEL_GROUPS, raw, Type.LIST);
    }

    private static void ensureRegex(String key, Object value) {
        try {
            Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key, value, "is not a regular expression: " + e.getDescription());
        }
    }

    /** The checks across keys: names, the routing rule, the default group and the single-bundle source. */
    static void check(DetectorConfig config) {
        List<String> groups = config.list(MODEL_GROUPS);
        if (groups.isEmpty()) {
            requireGroups(config, MODEL_GROUPS_BY_FIELD);
            requireGroups(config, MODEL_GROUPS_DEFAULT);
            return;
        }
        checkNames(groups);
        checkRouting(config, groups);
        String fallback = config.getString(MODEL_GROUPS_DEFAULT);
        if (!fallback.isEmpty() && !groups.contains(fallback)) {
            throw new ConfigException(MODEL_GROUPS_DEFAULT, fallback, "is not one of " + MODEL_GROUPS + "=" + groups);
        }
        conflicts(config, MODEL_GROUP, "names the one group of a single-group detector; with " + MODEL_GROUPS);
        conflicts(config, MODEL_PATH, "is one bundle of one group; with " + MODEL_GROUPS + " use model.dir or");
    }

    private static void requireGroups(DetectorConfig config, String key) {
        String value = config.getString(key);
        if (!value.isEmpty()) {
            throw new ConfigException(key, value, "needs " + MODEL_GROUPS);
        }
    }

    private static void checkNames(List<String> groups) {
        Set<String> seen = new HashSet<>();
        for (String group : groups) {
            if (!GROUP_NAME.matcher(group).matches()) {
                throw new ConfigException(
                        MODEL_GROUPS, group, "a group name is 1-64 letters, digits, '_' or '-' (no dots)");
            }
            if (!seen.add(group)) {
                throw new ConfigException(MODEL_GROUPS, group, "is listed twice");
            }
        }
    }

    /** Either every group has an entity pattern, or routing is by field and none has one. */
    private static void checkRouting(DetectorConfig config, List<String> groups) {
        boolean byField = !config.getString(MODEL_GROUPS_BY_FIELD).isEmpty();
        for (String group : groups) {
            String key = groupKey(group, ENTITY_PATTERN);
            String pattern = config.getString(key);
            if (byField && !pattern.isEmpty()) {
                throw new ConfigException(key, pattern, "conflicts with " + MODEL_GROUPS_BY_FIELD + ": route one way");
            }
            if (!byField && pattern.isEmpty()) {
                throw new ConfigException(
                        key, "", "is required for each group unless " + MODEL_GROUPS_BY_FIELD + " is set");
            }
        }
    }

    private static void conflicts(DetectorConfig config, String key, String why) {
        String value = config.getString(key);
        if (!value.isEmpty()) {
            throw new ConfigException(key, value, why + " the models topic");
        }
    }
}
