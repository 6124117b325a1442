package dev.vigil.detector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.events.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stage 1 on the inputs a hostile producer sends: event times that are no whole number of epoch
 * milliseconds (or no number at all), trailing content after the JSON document, and over-long
 * entities. Each is refused with its reason and a message naming the problem, in the native JSON
 * decoder and in the field-mapping decoder alike.
 */
class TimestampsAndStrictJsonTest {
    private static final long T0 = 1_732_270_000_000L;
    private static final long RECORD_TIME = T0 - 5_000L;
    private static final long DAY = 86_400_000L;
    private static final String VALUES = "\"values\":{\"temp\":50}";

    private static final Ingest NATIVE =
            new Ingest(new NativeReadingDecoder(WireFormat.AUTO), new ReadingValidator(DAY, 256), 1 << 20);
    private static final Ingest MAPPED = new Ingest(
            new MappedReadingDecoder(FieldMapping.of("$.id", "$.at", List.of("temp=t")), WireFormat.JSON, null),
            new ReadingValidator(DAY, 256),
            1 << 20);

    private static InputReading read(Ingest ingest, String key, String value) throws RejectedException {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return ingest.read(keyBytes, value.getBytes(StandardCharsets.UTF_8), RECORD_TIME, T0);
    }

    private static String nativeJson(String ts) {
        return "{\"entity\":\"pump-1\",\"ts\":" + ts + "," + VALUES + "}";
    }

    private static String mappedJson(String at) {
        return "{\"id\":\"pump-1\",\"at\":" + at + ",\"t\":50}";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("native ts 1e40", NATIVE, nativeJson("1e40"), RejectReason.BAD_TIMESTAMP, "beyond"),
                Arguments.of(
                        "native ts of 41 digits",
                        NATIVE,
                        nativeJson("1" + "0".repeat(40)),
                        RejectReason.BAD_TIMESTAMP,
                        "beyond"),
                Arguments.of(
                        "native ts as a string",
                        NATIVE,
                        nativeJson("\"2026-01-01\""),
                        RejectReason.BAD_TIMESTAMP,
                        "\"2026-01-01\""),
                Arguments.of(
                        "native fractional ts", NATIVE, nativeJson(T0 + ".5"), RejectReason.BAD_TIMESTAMP, "whole"),
                Arguments.of("native ts NaN", NATIVE, nativeJson("NaN"), RejectReason.BAD_TIMESTAMP, "NaN"),
                Arguments.of("native ts true", NATIVE, nativeJson("true"), RejectReason.BAD_TIMESTAMP, "not a time"),
                Arguments.of("native ts object", NATIVE, nativeJson("{}"), RejectReason.BAD_TIMESTAMP, "not a time"),
                Arguments.of("mapped ts 1e40", MAPPED, mappedJson("1e40"), RejectReason.BAD_TIMESTAMP, "beyond"),
                Arguments.of(
                        "mapped fractional ts", MAPPED, mappedJson(T0 + ".5"), RejectReason.BAD_TIMESTAMP, "whole"),
                Arguments.of(
                        "mapped ts a date, not an instant",
                        MAPPED,
                        mappedJson("\"2026-01-01\""),
                        RejectReason.BAD_TIMESTAMP,
                        "2026-01-01"),
                Arguments.of(
                        "mapped ts an instant beyond long range",
                        MAPPED,
                        mappedJson("\"+1000000000-01-01T00:00:00Z\""),
                        RejectReason.BAD_TIMESTAMP,
                        "beyond"),
                Arguments.of(
                        "native trailing garbage",
                        NATIVE,
                        nativeJson(Long.toString(T0)) + " garbage",
                        RejectReason.UNREADABLE,
                        "after the end of the JSON object"),
                Arguments.of(
                        "two concatenated documents",
                        NATIVE,
                        nativeJson(Long.toString(T0)) + nativeJson(Long.toString(T0)),
                        RejectReason.UNREADABLE,
                        "exactly one JSON document"),
                Arguments.of(
                        "mapped trailing garbage",
                        MAPPED,
                        mappedJson(Long.toString(T0)) + "]",
                        RejectReason.UNREADABLE,
                        "after the end of the JSON object"),
                Arguments.of(
                        "10 KB entity",
                        NATIVE,
                        "{\"entity\":\"" + "e".repeat(10_240) + "\",\"ts\":" + T0 + "," + VALUES + "}",
                        RejectReason.ENTITY_TOO_LONG,
                        "10240 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithItsReasonAndAMessageNamingTheProblem(
            String name, Ingest ingest, String value, RejectReason reason, String word) {
        var refusal = assertThrows(RejectedException.class, () -> read(ingest, "pump-1", value))
                .rejection();
        assertEquals(reason, refusal.reason(), refusal.message());
        assertTrue(refusal.message().contains(word), refusal.message());
    }

    @Test
    void aTenKilobyteKeyIsRefusedWhenItBecomesTheEntity() {
        String value = "{\"ts\":" + T0 + "," + VALUES + "}";
        var refusal = assertThrows(RejectedException.class, () -> read(NATIVE, "k".repeat(10_240), value))
                .rejection();
        assertEquals(RejectReason.ENTITY_TOO_LONG, refusal.reason());
    }

    @Test
    void theEntityLimitCountsUtf8Bytes() throws RejectedException {
        String ascii = "{\"entity\":\"" + "a".repeat(256) + "\",\"ts\":" + T0 + "," + VALUES + "}";
        assertEquals(256, read(NATIVE, null, ascii).entity().length());
        String threeByteChars = "{\"entity\":\"" + "水".repeat(86) + "\",\"ts\":" + T0 + "," + VALUES + "}";
        var refusal = assertThrows(RejectedException.class, () -> read(NATIVE, null, threeByteChars))
                .rejection();
        assertEquals(RejectReason.ENTITY_TOO_LONG, refusal.reason());
        assertTrue(refusal.message().contains("258 bytes"), refusal.message());
        assertEquals(4, ReadingValidator.utf8Length("\uD83D\uDE00"), "a surrogate pair is one 4-byte code point");
    }

    @Test
    void wholeMillisecondsAreAcceptedAsIntegersOrInExponentForm() throws RejectedException {
        assertEquals(T0, read(NATIVE, null, nativeJson(Long.toString(T0))).timeMs());
        assertEquals(
                1_732_270_000_000L, read(NATIVE, null, nativeJson("1.73227e12")).timeMs());
        assertEquals(T0, read(MAPPED, null, mappedJson(Long.toString(T0))).timeMs());
        assertEquals(
                java.time.Instant.parse("2024-11-22T10:00:00Z").toEpochMilli(),
                read(MAPPED, null, mappedJson("\"2024-11-22T10:00:00Z\"")).timeMs());
    }

    @Test
    void anAbsentOrNullTsTakesTheRecordTimestamp() throws RejectedException {
        assertEquals(
                RECORD_TIME,
                read(NATIVE, null, "{\"entity\":\"pump-1\"," + VALUES + "}").timeMs());
        assertEquals(RECORD_TIME, read(NATIVE, null, nativeJson("null")).timeMs());
    }

    @Test
    void whitespaceAfterTheDocumentIsNotTrailingContent() throws RejectedException {
        var reading = read(NATIVE, null, nativeJson(Long.toString(T0)) + " \n\t");
        assertEquals(Map.of("temp", 50.0), reading.value().getValues());
    }
}
