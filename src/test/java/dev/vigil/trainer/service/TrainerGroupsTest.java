package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * One trainer configuration for two groups, pumps (5 features) and fans (8 features): each group's
 * configuration is the global one with its own overrides, and each group trains, with the real
 * trainer, on its own entities' readings only and produces a bundle of its group and layout.
 */
class TrainerGroupsTest {
    private static final List<String> PUMP_FEATURES = List.of("temp", "pressure", "flow", "rpm", "vibration");
    private static final List<String> FAN_FEATURES =
            IntStream.rangeClosed(1, 8).mapToObj(i -> "f" + i).toList();

    private static Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("bootstrap.servers", "unused:9092");
        values.put("trainer.groups", "pumps,fans");
        values.put("model.group.pumps.entity.pattern", "pump-\\d+");
        values.put("model.group.fans.entity.pattern", "fan-\\d+");
        values.put("train.interval", "1h");
        values.put("train.pumps.interval", "5m");
        values.put("train.pumps.min.gap", "1m");
        values.put("train.pumps.features", String.join(",", PUMP_FEATURES));
        values.put("train.fans.features", String.join(",", FAN_FEATURES));
        values.put("train.fans.window.length", "2");
        values.put("train.epochs", "3");
        values.put("train.variants", "undercomplete");
        values.put("train.min.records", "100");
        values.put("gate.min.windows", "20");
        return values;
    }

    @Test
    void eachGroupsConfigurationIsTheGlobalOneWithItsOwnOverrides() {
        TrainerServiceConfig config = new TrainerServiceConfig(values());
        assertEquals(List.of("pumps", "fans"), config.groups());
        TrainerServiceConfig pumps = config.forGroup("pumps");
        TrainerServiceConfig fans = config.forGroup("fans");
        assertEquals("pumps", pumps.getString(TrainerServiceConfig.MODEL_GROUP));
        assertEquals(Duration.ofMinutes(5), pumps.duration(TrainerServiceConfig.TRAIN_INTERVAL));
        assertEquals(Duration.ofHours(1), fans.duration(TrainerServiceConfig.TRAIN_INTERVAL), "falls back");
        assertEquals(FAN_FEATURES, fans.getList(TrainerServiceConfig.FEATURES));
        assertEquals(2, fans.getInt(TrainerServiceConfig.WINDOW));
        assertEquals(1, pumps.getInt(TrainerServiceConfig.WINDOW), "the global default");
        assertEquals("fan-\\d+", fans.getString(TrainerServiceConfig.ENTITY_PATTERN));
        assertTrue(fans.isGroupOfMany());
        assertTrue(fans.groups().isEmpty());
    }

    @Test
    void aSingleGroupConfigurationIsUnchanged() {
        var config = new TrainerServiceConfig(Map.of("bootstrap.servers", "x:9092", "model.group", "pumps"));
        assertTrue(config.groups().isEmpty());
        assertFalse(config.isGroupOfMany());
        assertEquals("", config.getString(TrainerServiceConfig.ENTITY_PATTERN));
    }

    @Test
    void eachGroupTrainsOnItsOwnEntitiesAndPublishesABundleOfItsGroupAndLayout() {
        TrainerServiceConfig config = new TrainerServiceConfig(values());
        List<SensorReading> readings = mixedReadings();
        for (String group : config.groups()) {
            TrainerServiceConfig own = config.forGroup(group);
            Bootstrap.Data data = new Bootstrap(own).fromReadings("vigil.readings", readings);
            String prefix = group.equals("pumps") ? "pump-" : "fan-";
            Set<String> entities = data.segments().stream().map(Segment::entity).collect(Collectors.toSet());
            assertEquals(Set.of(prefix + 0, prefix + 1, prefix + 2), entities, group + " trains on its own entities");
            var attempt = new Retraining(own, ModelTrainerCandidates.from(own), TrainerEvents.NONE)
                    .attempt(data.features(), data.segments(), null, group, 1, RetrainSchedule.Reason.BOOTSTRAP);
            ModelBundle bundle = attempt.publishable().orElseThrow(() -> new AssertionError(attempt.reason()));
            assertEquals(group, bundle.getGroup());
            assertEquals(own.getList(TrainerServiceConfig.FEATURES), bundle.getFeatureNames());
            assertEquals(own.getInt(TrainerServiceConfig.WINDOW), bundle.getWindowLength());
        }
    }

    @Test
    void aGroupOfSeveralCollectsOnlyTheScoresOfItsOwnModel() {
        var fans = GroupMembership.of(new TrainerServiceConfig(values()).forGroup("fans"));
        assertTrue(fans.accepts(scored("fan-1", "fans")));
        assertFalse(fans.accepts(scored("fan-1", "pumps")), "scored by another group's model");
        assertFalse(fans.accepts(scored("pump-1", "fans")), "not a fan");
        var single = GroupMembership.of(
                new TrainerServiceConfig(Map.of("bootstrap.servers", "x:9092", "model.group", "fans")));
        assertTrue(single.accepts(scored("pump-1", "pumps")), "a single-group trainer takes every scored reading");
    }

    @Test
    void aGroupWithoutEntityPatternOrOwnBootstrapFailsNamingTheKey() {
        Map<String, Object> values = values();
        values.remove("model.group.fans.entity.pattern");
        String message = assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values))
                .getMessage();
        assertTrue(message.contains("model.group.fans.entity.pattern"), message);
    }

    @Test
    void aBadOverrideFailsNamingTheGroup() {
        Map<String, Object> values = values();
        values.put("train.fans.epochs", "0");
        String message = assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values))
                .getMessage();
        assertTrue(message.contains("fans") && message.contains("train.epochs"), message);
    }

    @Test
    void modelGroupAndTrainerGroupsTogetherFail() {
        Map<String, Object> values = values();
        values.put("model.group", "pumps");
        String message = assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values))
                .getMessage();
        assertTrue(message.contains("model.group"), message);
    }

    @Test
    void aGroupNameThatWouldShadowAKeyIsRefused() {
        Map<String, Object> values = values();
        values.put("trainer.groups", "pumps,min");
        String message = assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values))
                .getMessage();
        assertTrue(message.contains("trainer.groups") && message.contains("train.min."), message);
    }

    /** 3 pumps and 3 fans, 300 readings each, interleaved; each kind with its own features. */
    private static List<SensorReading> mixedReadings() {
        Random random = new Random(7);
        List<SensorReading> readings = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            for (int e = 0; e < 3; e++) {
                readings.add(reading("pump-" + e, step, PUMP_FEATURES, random));
                readings.add(reading("fan-" + e, step, FAN_FEATURES, random));
            }
        }
        return readings;
    }

    private static SensorReading reading(String entity, int step, List<String> features, Random random) {
        Map<String, Double> values = new HashMap<>();
        double latent = Math.sin(step / 10.0);
        features.forEach(f -> values.put(f, 50 + 10 * latent + random.nextGaussian()));
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_000L + step * 1000L))
                .setValues(values)
                .build();
    }

    private static ScoredReading scored(String entity, String group) {
        return ScoredReading.newBuilder()
                .setReading(SensorReading.newBuilder()
                        .setEntity(entity)
                        .setTimestamp(Instant.EPOCH)
                        .setValues(Map.of("f1", 1.0))
                        .build())
                .setVerdict(Verdict.NORMAL)
                .setScore(0.1)
                .setModelGroup(group)
                .setModelVersion(1L)
                .build();
    }
}
