package dev.vigil.detector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.SensorReading;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ModelGroupsConfigTest {
    private static final String PUMPS = DetectorConfig.groupKey("pumps", "entity.pattern");
    private static final String FANS = DetectorConfig.groupKey("fans", "entity.pattern");

    private static Map<String, Object> groups() {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.MODEL_GROUPS, "pumps,fans");
        values.put(PUMPS, "pump-.*");
        values.put(FANS, "fan-.*");
        return values;
    }

    private static String invalid(Map<String, Object> values, String key) {
        String message = assertThrows(ConfigException.class, () -> new DetectorConfig(values))
                .getMessage();
        assertTrue(message.contains(key), key + " not named in: " + message);
        return message;
    }

    private static SensorReading reading(String entity, Map<String, String> tags) {
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.EPOCH)
                .setValues(Map.of("x", 1.0))
                .setTags(tags)
                .build();
    }

    @Test
    void withoutModelGroupsTheDetectorServesTheOneModelGroupAndRoutesNothing() {
        DetectorConfig config = new DetectorConfig(Map.of(DetectorConfig.MODEL_GROUP, "pumps"));
        assertFalse(DetectorGroups.routed(config));
        assertEquals(List.of("pumps"), DetectorGroups.groups(config));
        assertEquals(Optional.empty(), DetectorGroups.router(config));
    }

    @Test
    void thePerGroupPatternKeysAreDefinedKeysAndRouteInConfigurationOrder() {
        Map<String, Object> values = groups();
        values.put(FANS, ".*-1");
        DetectorConfig config = new DetectorConfig(values);
        assertEquals("pump-.*", config.getString(PUMPS));
        var router = DetectorGroups.router(config).orElseThrow();
        assertEquals(Optional.of("pumps"), router.groupOf(reading("pump-1", Map.of())), "first match wins");
        assertEquals(Optional.of("fans"), router.groupOf(reading("fan-1", Map.of())));
        assertEquals(Optional.empty(), router.groupOf(reading("fan-2", Map.of())), "a pattern matches the whole id");
    }

    @Test
    void aGroupWithoutPatternFailsNamingItsKey() {
        Map<String, Object> values = groups();
        values.remove(FANS);
        invalid(values, FANS);
    }

    @Test
    void aPatternThatIsNoRegularExpressionFailsNamingItsKey() {
        Map<String, Object> values = groups();
        values.put(PUMPS, "pump-(");
        assertTrue(invalid(values, PUMPS).contains("regular expression"));
    }

    @Test
    void routingByFieldAndByPatternAtOnceFails() {
        Map<String, Object> values = groups();
        values.put(DetectorConfig.MODEL_GROUPS_BY_FIELD, "kind");
        invalid(values, PUMPS);
    }

    @Test
    void routingByFieldNeedsNoPatterns() {
        var config = new DetectorConfig(
                Map.of(DetectorConfig.MODEL_GROUPS, "pumps,fans", DetectorConfig.MODEL_GROUPS_BY_FIELD, "kind"));
        var router = DetectorGroups.router(config).orElseThrow();
        assertEquals(Optional.of("fans"), router.groupOf(reading("x", Map.of("kind", "fans"))));
        assertEquals(Optional.empty(), router.groupOf(reading("x", Map.of("kind", "valves"))));
        assertEquals(Optional.empty(), router.groupOf(reading("x", Map.of())));
    }

    @Test
    void theDefaultGroupMustBeOneOfTheGroupsAndCatchesTheRest() {
        Map<String, Object> values = groups();
        values.put(DetectorConfig.MODEL_GROUPS_DEFAULT, "valves");
        invalid(values, DetectorConfig.MODEL_GROUPS_DEFAULT);
        values.put(DetectorConfig.MODEL_GROUPS_DEFAULT, "fans");
        var router = DetectorGroups.router(new DetectorConfig(values)).orElseThrow();
        assertEquals(Optional.of("fans"), router.groupOf(reading("valve-1", Map.of())));
    }

    @Test
    void groupNamesAreCheckedBecauseTheyNameStoresAndKeys() {
        Map<String, Object> values = groups();
        values.put(DetectorConfig.MODEL_GROUPS, "pumps,fans,pumps");
        assertTrue(invalid(values, DetectorConfig.MODEL_GROUPS).contains("twice"));
        values.put(DetectorConfig.MODEL_GROUPS, "pumps,fans.big");
        invalid(values, DetectorConfig.MODEL_GROUPS);
    }

    @Test
    void groupKeysWithoutModelGroupsAndSingleGroupKeysWithItFail() {
        invalid(Map.of(DetectorConfig.MODEL_GROUPS_DEFAULT, "pumps"), DetectorConfig.MODEL_GROUPS_DEFAULT);
        invalid(Map.of(DetectorConfig.MODEL_GROUPS_BY_FIELD, "kind"), DetectorConfig.MODEL_GROUPS_BY_FIELD);
        Map<String, Object> values = groups();
        values.put(DetectorConfig.MODEL_GROUP, "pumps");
        invalid(values, DetectorConfig.MODEL_GROUP);
    }
}
