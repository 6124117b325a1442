package dev.vigil.trainer.service;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.trainer.TrainingData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training data for a group's first model, when no detector has scored anything yet: a CSV file or
 * dataset directory ({@code bootstrap.csv}), else the most recent readings on the readings topic
 * (all assumed normal, minus out-of-range values) of the group's entities ({@code entity.pattern}). Features come from {@code features}, the CSV
 * header, or the sorted value names of the first reading.
 */
final class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final TrainerServiceConfig config;

    /** Feature names and the runs of records to train on. */
    record Data(List<String> features, List<Segment> segments) {
        static Data of(RecentNormalData collection) {
            return new Data(collection.features(), collection.segments());
        }
    }

    Bootstrap(TrainerServiceConfig config) {
        this.config = config;
    }

    Data data() {
        Optional<Path> csv = config.bootstrapCsv();
        return csv.isPresent() ? fromCsv(csv.get()) : fromReadings();
    }

    private static Data fromCsv(Path csv) {
        TrainingData data = TrainingData.fromCsv(csv);
        List<Segment> segments = new ArrayList<>();
        for (double[][] sequence : data.sequences()) {
            segments.add(unscored("csv", sequence));
        }
        LOG.info("Bootstrapping from {}: {} rows of {}", csv, data.rows(), data.featureNames());
        return new Data(data.featureNames(), segments);
    }

    private Data fromReadings() {
        String topic = config.getString(TrainerServiceConfig.READINGS_TOPIC);
        List<SensorReading> readings = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : StreamTail.last(
                config.kafkaClient(), topic, config.getInt(TrainerServiceConfig.BOOTSTRAP_READINGS_MAX))) {
            StreamRecords.reading(record.value()).ifPresent(readings::add);
        }
        return fromReadings(topic, readings);
    }

    /** The data of the readings of this group's entities ({@link GroupMembership}) among {@code all}. */
    Data fromReadings(String topic, List<SensorReading> all) {
        GroupMembership members = GroupMembership.of(config);
        List<SensorReading> readings = all.stream().filter(members::accepts).toList();
        List<String> features = features(readings);
        RecentNormalData collection =
                new RecentNormalData(features, Integer.MAX_VALUE, Long.MAX_VALUE / 2, config.valueRanges());
        readings.forEach(collection::offer);
        LOG.info(
                "Bootstrapping {} from {}: {} of {} readings kept ({} of its entities), features {}",
                members.group(),
                topic,
                collection.size(),
                all.size(),
                readings.size(),
                features);
        return Data.of(collection);
    }

    private List<String> features(List<SensorReading> readings) {
        List<String> configured = config.getList(TrainerServiceConfig.FEATURES);
        if (!configured.isEmpty() || readings.isEmpty()) {
            return configured;
        }
        return List.copyOf(new TreeSet<>(readings.get(0).getValues().keySet()));
    }

    private static Segment unscored(String entity, double[][] rows) {
        double[] scores = new double[rows.length];
        long[] versions = new long[rows.length];
        java.util.Arrays.fill(scores, Double.NaN);
        java.util.Arrays.fill(versions, -1L);
        return new Segment(entity, rows, scores, versions);
    }
}
