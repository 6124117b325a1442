package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.Stage;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad input goes to the dead-letter topic with its reason and stage; the stream goes on. */
class BadInputTest {
    private static final long T0 = DetectorHarness.T0;

    @TempDir
    Path stateDir;

    static Stream<Arguments> badInputs() {
        String ok = "\"temp\":50,\"pressure\":50,\"flow\":50";
        return Stream.of(
                Arguments.of("pump-1", "\u0000\u0001garbage", "UNREADABLE", Stage.DESERIALIZE),
                Arguments.of("pump-1", "[1,2,3]", "UNREADABLE", Stage.DESERIALIZE),
                Arguments.of("pump-1", "{\"entity\":\"pump-1\",\"ts\":" + T0 + "}", "UNREADABLE", Stage.DESERIALIZE),
                Arguments.of("pump-1", "x".repeat(2000), "OVERSIZED", Stage.DESERIALIZE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0, "\"temp\":\"hot\",\"pressure\":50,\"flow\":50"),
                        "MAPPING_FAILED",
                        Stage.MAP),
                Arguments.of(null, reading("", T0, ok), "MISSING_ENTITY", Stage.VALIDATE),
                Arguments.of("pump-1", reading("pump-1", T0, ""), "NO_VALUES", Stage.VALIDATE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0, "\"temp\":NaN,\"pressure\":50,\"flow\":50"),
                        "NON_FINITE_VALUE",
                        Stage.VALIDATE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0, "\"temp\":Infinity,\"pressure\":50,\"flow\":50"),
                        "NON_FINITE_VALUE",
                        Stage.VALIDATE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0 + 400L * 86_400_000L, ok),
                        "TIMESTAMP_IN_FUTURE",
                        Stage.VALIDATE),
                Arguments.of("pump-1", reading("pump-1", 631_152_000_000L, ok), "TIMESTAMP_TOO_OLD", Stage.VALIDATE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0, "\"temp\":50,\"pressure\":50"),
                        "MISSING_FEATURE",
                        Stage.FEATURES),
                Arguments.of("pump-1", withTs("1e40", ok), "BAD_TIMESTAMP", Stage.VALIDATE),
                Arguments.of("pump-1", withTs("\"2026-01-01\"", ok), "BAD_TIMESTAMP", Stage.VALIDATE),
                Arguments.of("pump-1", withTs(T0 + ".25", ok), "BAD_TIMESTAMP", Stage.VALIDATE),
                Arguments.of("pump-1", reading("pump-1", T0, ok) + " garbage", "UNREADABLE", Stage.DESERIALIZE),
                Arguments.of(
                        "pump-1",
                        reading("pump-1", T0, ok) + reading("pump-1", T0, ok),
                        "UNREADABLE",
                        Stage.DESERIALIZE),
                Arguments.of("p".repeat(10_240), reading("", T0, ok), "ENTITY_TOO_LONG", Stage.VALIDATE));
    }

    private static String withTs(String ts, String values) {
        return "{\"entity\":\"pump-1\",\"ts\":" + ts + ",\"values\":{" + values + "}}";
    }

    private static String reading(String entity, long ts, String values) {
        return "{\"entity\":\"" + entity + "\",\"ts\":" + ts + ",\"values\":{" + values + "}}";
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("badInputs")
    void badInputGoesToTheDeadLetterTopicWithItsReason(String key, String value, String reason, Stage stage) {
        try (var h =
                new DetectorHarness(Map.of(DetectorConfig.MAX_RECORD_BYTES, 1000), TestBundles.linear(1), stateDir)) {
            h.pipe(key, value);
            h.normal("pump-2", 1);
            DeadLetter letter = h.dlq.readValue();
            assertEquals(reason, letter.getReason(), letter.getErrorMessage());
            assertEquals(stage, letter.getStage());
            assertEquals("vigil.readings", letter.getSourceTopic());
            assertEquals(0L, letter.getOffset());
            assertTrue(letter.getValue().remaining() > 0);
            assertEquals(1, h.scoredValues().size(), "the stream keeps going");
        }
    }
}
