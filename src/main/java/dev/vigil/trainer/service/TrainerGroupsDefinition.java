package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.TrainerServiceConfig.*;

import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * The declaration table of one trainer service keeping several model groups fresh: {@code
 * trainer.groups}, {@code entity.pattern}, and for each group named in {@code trainer.groups} its
 * entity pattern {@code model.group.<group>.entity.pattern} (the detector's key, so one file can
 * serve both) and an override {@code train.<group>.<key>} of every per-group key (a {@code train.*}
 * key loses its {@code train.} prefix: {@code train.pumps.interval}, {@code train.pumps.features}).
 * A group's configuration is the global one with its overrides applied ({@link #groupOriginals}).
 */
final class TrainerGroupsDefinition {
    private static final String TRAIN = "train.";
    /** Keys every group shares: where to connect, what to read and write, how to sign. */
    private static final Set<String> SHARED = Set.of(
            BOOTSTRAP_SERVERS,
            MODEL_GROUP,
            SCORED_TOPIC,
            ALERTS_TOPIC,
            FEEDBACK_TOPIC,
            READINGS_TOPIC,
            MODELS_TOPIC,
            MODELS_HISTORY_TOPIC,
            MODELS_SHADOW_TOPIC,
            SHADOW_STATS_TOPIC,
            MODELS_REPLICATION,
            SIGNING_KEY,
            TRAINER_GROUPS,
            ENTITY_PATTERN);

    static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private TrainerGroupsDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        TRAINER_GROUPS,
                        Type.LIST,
                        "",
                        Importance.HIGH,
                        "Model groups this service keeps fresh, each with its own schedule, data and gate"
                                + " (train.<group>.* overrides the global keys). Empty = the one model.group.")
                .define(
                        ENTITY_PATTERN,
                        Type.STRING,
                        "",
                        TrainerGroupsDefinition::ensureRegex,
                        Importance.MEDIUM,
                        "Regular expression an entity id must match in full for its readings to be trained"
                                + " on; empty = every entity.");
    }

    /** The per-group key overriding {@code key} for {@code group}. */
    static String groupKey(String group, String key) {
        return TRAIN + group + "." + (key.startsWith(TRAIN) ? key.substring(TRAIN.length()) : key);
    }

    /** The detector's entity pattern key of {@code group}, read by the trainer too. */
    static String patternKey(String group) {
        return MODEL_GROUP + "." + group + "." + ENTITY_PATTERN;
    }

    /** The keys a group may override: every key of {@code base} but the shared ones. */
    static List<String> overridable(ConfigDef base) {
        return base.names().stream().filter(k -> !SHARED.contains(k)).sorted().toList();
    }

    /** A copy of {@code base} that also defines the per-group keys of the groups {@code originals} names. */
    static ConfigDef withGroupKeys(ConfigDef base, Map<?, ?> originals) {
        ConfigDef def = new ConfigDef(base);
        for (String group : namedGroups(originals)) {
            checkName(base, group);
            def.define(
                    patternKey(group),
                    Type.STRING,
                    "",
                    TrainerGroupsDefinition::ensureRegex,
                    Importance.MEDIUM,
                    "Entities whose readings group " + group + " trains on (full match).");
            for (String key : overridable(base)) {
                def.define(
                        groupKey(group, key),
                        base.configKeys().get(key).type,
                        null,
                        Importance.LOW,
                        "Group " + group + "'s " + key + "; unset = " + key + ".");
            }
        }
        return def;
    }

    /** {@code originals} with {@code model.group} set to the first of {@code trainer.groups} when groups are used. */
    static Map<Object, Object> withPrimaryGroup(Map<?, ?> originals) {
        Map<Object, Object> values = new HashMap<>(originals);
        List<String> groups = namedGroups(originals);
        if (!groups.isEmpty()) {
            if (originals.containsKey(MODEL_GROUP)) {
                throw new ConfigException(
                        MODEL_GROUP,
                        originals.get(MODEL_GROUP),
                        "names the one group of a single-group trainer; with " + TRAINER_GROUPS + " leave it unset");
            }
            values.put(MODEL_GROUP, groups.get(0));
        }
        return values;
    }

    /**
     * The originals of {@code group}'s own configuration: the global keys, its {@code train.<group>.*}
     * overrides applied, {@code model.group} and {@code entity.pattern} set to the group's, no groups.
     */
    static Map<String, Object> groupOriginals(
            Map<String, Object> originals, ConfigDef base, List<String> groups, String group) {
        Map<String, Object> values = new HashMap<>(originals);
        values.remove(TRAINER_GROUPS);
        for (String other : groups) {
            values.remove(patternKey(other));
            overridable(base).forEach(key -> values.remove(groupKey(other, key)));
        }
        for (String key : overridable(base)) {
            Object value = originals.get(groupKey(group, key));
            if (value != null) {
                values.put(key, value);
            }
        }
        values.put(MODEL_GROUP, group);
        Object pattern = originals.get(patternKey(group));
        if (pattern != null && !pattern.toString().isEmpty()) {
            values.put(ENTITY_PATTERN, pattern);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    static List<String> namedGroups(Map<?, ?> originals) {
        Object raw = originals.get(TRAINER_GROUPS);
        if (raw == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>((List<String>) ConfigDef.parseType(TRAINER_GROUPS, raw, Type.LIST)));
    }

    /** A group name must be a plain word, and no {@code train.<group>.} may begin an existing key. */
    private static void checkName(ConfigDef base, String group) {
        if (!GROUP_NAME.matcher(group).matches()) {
            throw new ConfigException(TRAINER_GROUPS, group, "a group name is 1-64 letters, digits, '_' or '-'");
        }
        String prefix = TRAIN + group + ".";
        base.names().stream().filter(k -> k.startsWith(prefix)).findFirst().ifPresent(k -> {
            throw new ConfigException(TRAINER_GROUPS, group, "clashes with the key " + k);
        });
    }

    private static void ensureRegex(String key, Object value) {
        try {
            Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key, value, "is not a regular expression: " + e.getDescription());
        }
    }
}
