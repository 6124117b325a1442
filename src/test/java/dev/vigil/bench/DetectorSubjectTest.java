package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.config.DetectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorSubjectTest {
    @Test
    void theReportNamesTheSettingsGivenAndTheDefaultsThatShapeTheOutput() {
        ModelBundle model = DetectorSubject.defaultModel(BenchReadings.featureNames(2), 200, 5L);
        try (DetectorSubject subject = new DetectorSubject(model, Map.of(DetectorConfig.SCORING_BATCH_SIZE, "64"))) {
            assertEquals(
                    Map.of(
                            DetectorConfig.SCORING_BATCH_SIZE, "64",
                            DetectorConfig.PUNCTUATION_INTERVAL_MS, "50",
                            DetectorConfig.SCORING_BACKGROUND,
                                    "auto: " + (Runtime.getRuntime().availableProcessors() > 2),
                            DetectorConfig.SCORED_FEATURE_DETAIL, "anomalous"),
                    subject.settings());
        }
    }

    @Test
    void theDefaultModelScoresEveryBenchmarkReadingOntoTheHarnessOutputTopic(@TempDir Path dir) throws Exception {
        List<String> names = BenchReadings.featureNames(4);
        ModelBundle model = DetectorSubject.defaultModel(names, 1000, 5L);
        BenchReadings readings = new BenchReadings(names, 3, 9L);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-subject-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(dir.resolve("state")).toString());
        try (DetectorSubject subject = new DetectorSubject(model, Map.of(DetectorConfig.STATE_DIR, dir.toString()));
                TopologyTestDriver driver = new TopologyTestDriver(subject.build("in", "out"), props)) {
            var input = driver.createInputTopic(
                    "in", Serdes.String().serializer(), Serdes.ByteArray().serializer());
            long now = System.currentTimeMillis();
            for (int i = 0; i < 30; i++) {
                input.pipeInput(readings.entityOf(i), readings.encoded(i, now - 60_000 + i * 1000L), now);
            }
            driver.advanceWallClockTime(Duration.ofSeconds(5));
            List<byte[]> out = driver.createOutputTopic(
                            "out",
                            Serdes.String().deserializer(),
                            Serdes.ByteArray().deserializer())
                    .readValuesToList();
            assertEquals(30, out.size());
            AvroCodec<ScoredReading> codec = AvroCodec.of(ScoredReading.class);
            assertEquals(model.getVersion(), codec.decode(out.get(29)).getModelVersion());
        }
    }
}
