package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Stage;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.contract.avro.Verdict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRoundTripTest {

    static SensorReading reading() {
        return SensorReading.newBuilder()
                .setEntity("pump-7")
                .setTimestamp(java.time.Instant.ofEpochMilli(1_732_270_000_000L))
                .setValues(Map.of("temp", 71.2, "pressure", 1.31))
                .setTags(Map.of("site", "north"))
                .setId("r-1")
                .build();
    }

    static ModelBundle bundle() {
        return ModelBundle.newBuilder()
                .setGroup("pumps")
                .setVersion(3)
                .setVariant("undercomplete")
                .setCreatedAt(java.time.Instant.ofEpochMilli(1_732_270_000_000L))
                .setFeatureNames(List.of("temp", "pressure"))
                .setWindowLength(1)
                .setScaler(new ScalerParams(ScalerKind.ZSCORE, List.of(70.0, 1.3), List.of(2.0, 0.1)))
                .setFeatureMeans(List.of(70.0, 1.3))
                .setThresholds(new Thresholds(0.9, 0.7, "quantile:0.995"))
                .setValidationQuantiles(List.of(0.0, 0.1, 0.5, 1.0))
                .setTraining(new TrainingSummary(1000L, 10, 0.1, 0.12, 1500L, 42L, Map.of("layers", "8,2")))
                .setProbe(new Probe(1, List.of(70.0f, 1.3f), List.of(0.01)))
                .setOnnx(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setSha256("ab")
                .build();
    }

    private static <T extends SpecificRecord> void assertRoundTrip(T record) throws IOException {
        @SuppressWarnings("unchecked")
        AvroCodec<T> codec = AvroCodec.of((Class<T>) record.getClass());
        byte[] bytes = codec.encode(record);
        assertEquals(record, codec.decode(bytes));
    }

    @Test
    void everySchemaRoundTripsThroughSingleObjectEncoding() throws IOException {
        assertRoundTrip(reading());
        assertRoundTrip(ScoredReading.newBuilder()
                .setReading(reading())
                .setVerdict(Verdict.ANOMALOUS)
                .setScore(3.2)
                .setThreshold(1.0)
                .setPercentile(99.9)
                .setFeatureErrors(Map.of("temp", 3.0))
                .setExpected(Map.of("temp", 70.1))
                .setModelGroup("pumps")
                .setModelVersion(3L)
                .build());
        assertRoundTrip(AnomalyAlert.newBuilder()
                .setAlertId("pump-7-1")
                .setEntity("pump-7")
                .setEvent(AlertEvent.OPENED)
                .setStartTime(java.time.Instant.ofEpochMilli(1))
                .setPeakScore(3.2)
                .setContributors(List.of(new FeatureContribution("temp", 80.0, 70.0, 3.0, Direction.ABOVE)))
                .build());
        assertRoundTrip(DeadLetter.newBuilder()
                .setSourceTopic("vigil.readings")
                .setPartition(0)
                .setOffset(12)
                .setStage(Stage.DESERIALIZE)
                .setReason("BAD_BYTES")
                .setErrorClass("java.io.IOException")
                .setErrorMessage("truncated")
                .setValue(ByteBuffer.wrap(new byte[] {9}))
                .build());
        assertRoundTrip(bundle());
        assertRoundTrip(Feedback.newBuilder()
                .setEntity("pump-7")
                .setFrom(java.time.Instant.ofEpochMilli(1))
                .setTo(java.time.Instant.ofEpochMilli(2))
                .setLabel(FeedbackLabel.FALSE_ALARM)
                .setNote("maintenance window")
                .build());
    }

    @Test
    void encodingIsByteForByteAvrosSingleObjectEncoding() throws IOException {
        ByteBuffer expected = new org.apache.avro.message.BinaryMessageEncoder<SensorReading>(
                        org.apache.avro.specific.SpecificData.get(), SensorReading.getClassSchema())
                .encode(reading());
        byte[] avros = new byte[expected.remaining()];
        expected.get(avros);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                avros, AvroCodec.of(SensorReading.class).encode(reading()));
    }

    @Test
    void bundleFilesRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.bundle");
        BundleFiles.write(bundle(), file);
        assertEquals(bundle(), BundleFiles.read(file));
    }

    @Test
    void bytesOfAnotherSchemaAreRefused() {
        byte[] readingBytes = AvroCodec.of(SensorReading.class).encode(reading());
        assertThrows(Exception.class, () -> AvroCodec.of(ModelBundle.class).decode(readingBytes));
    }

    @Test
    void bytesAfterTheRecordAreRefused() {
        byte[] bytes = AvroCodec.of(SensorReading.class).encode(reading());
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 3);
        var e = assertThrows(
                IOException.class, () -> AvroCodec.of(SensorReading.class).decode(trailing));
        assertTrue(e.getMessage().contains("bytes left after the SensorReading record"), e.getMessage());
    }

    @Test
    void onlyBytesWithTheCodecsOwnHeaderClaimItsSchema() {
        var codec = AvroCodec.of(SensorReading.class);
        assertTrue(codec.isOwnSchema(codec.encode(reading())));
        assertFalse(codec.isOwnSchema(AvroCodec.of(ModelBundle.class).encode(bundle())));
        assertFalse(codec.isOwnSchema(new byte[] {(byte) 0xC3, 0x01}));
    }

    @Test
    void truncatedBytesAreRefused() {
        byte[] bytes = AvroCodec.of(SensorReading.class).encode(reading());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertThrows(Exception.class, () -> AvroCodec.of(SensorReading.class).decode(truncated));
    }
}
