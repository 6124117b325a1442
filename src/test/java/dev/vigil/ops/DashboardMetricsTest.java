package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.ops.VigilMetrics.TrainingRun;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every metric a Grafana panel or annotation queries must exist in a real scrape, so no panel shows
 * "No data" because of a typo. The scrape comes from a running {@link VigilMetrics} (every kind of
 * event recorded once) bound to a Prometheus registry, with a real Kafka Streams application on a
 * real broker bound for the client metrics (consumer lag, process rate).
 */
class DashboardMetricsTest {
    private static final Path DASHBOARDS = DashboardQueries.DASHBOARDS;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static String scrape;

    @BeforeAll
    static void scrapeARunningRegistry() throws Exception {
        KAFKA.createTopic("in", 2);
        KAFKA.createTopic("out", 2);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (VigilMetrics metrics = new VigilMetrics();
                KafkaStreams streams = passThrough()) {
            metrics.bindTo(registry);
            recordOneOfEverything(metrics);
            metrics.bindKafkaStreams(streams);
            streams.start();
            produce(20);
            awaitRunning(streams);
            scrape = registry.scrape();
        }
    }

    private static KafkaStreams passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-metrics");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        return new KafkaStreams(builder.build(), props);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("vigil-dashboard-test").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void produce(int records) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("in", "k" + i, "v" + i));
            }
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(30)).holds(() -> streams.state() == KafkaStreams.State.RUNNING);
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    private static void recordOneOfEverything(VigilMetrics metrics) {
        metrics.recordScored(Verdict.ANOMALOUS, 2.5);
        metrics.recordWarmingUp();
        metrics.recordDeadLetter("NON_FINITE_VALUE");
        metrics.recordAlertOpened();
        metrics.recordAlertUpdated();
        metrics.recordAlertClosed();
        metrics.recordInference(150_000, 64);
        metrics.setThreshold(1.5);
        metrics.recordSwapApplied(3);
        metrics.recordSwapRefused("BAD_SIGNATURE");
        metrics.recordTrainingRun(TrainingRun.succeeded(Duration.ofSeconds(4), 10_000, 0.02, 0.03));
        metrics.recordTrainingRun(TrainingRun.failed(Duration.ofSeconds(1)));
        metrics.setDriftStatistic(0.12);
        metrics.recordGateDecision(true);
        metrics.recordGateDecision(false);
    }

    @Test
    void everyMetricADashboardQueriesExistsInARealScrape() throws IOException {
        assertEquals(
                Map.of(),
                DashboardQueries.missingFrom(scrape),
                "metrics queried by dashboards but absent from the scrape");
    }

    @Test
    void theDashboardsQueryEveryVigilMeterAndTheKafkaLag() throws IOException {
        Set<String> queried = DashboardQueries.expressions().values().stream()
                .flatMap(List::stream)
                .flatMap(expr -> PromQlMetricNames.of(expr).stream())
                .collect(Collectors.toSet());
        for (String meter : VigilMetrics.NAMES) {
            String prefix = meter.replace('.', '_');
            assertTrue(queried.stream().anyMatch(name -> name.startsWith(prefix)), "no panel shows " + meter);
        }
        assertTrue(queried.contains("kafka_consumer_fetch_manager_records_lag_max"), queried.toString());
    }

    @Test
    void everyDashboardHasAUniqueUidAndUsesTheProvisionedDatasource() throws IOException {
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                assertTrue(uids.add(dashboard.get("uid").asText()), "duplicate uid in " + file);
                dashboard.findValues("datasource").stream()
                        .filter(ds -> "prometheus".equals(ds.path("type").asText()))
                        .forEach(ds -> assertEquals("prometheus", ds.path("uid").asText(), file.toString()));
            }
        }
        assertEquals(Set.of("vigil-overview", "vigil-models"), uids);
    }
}
