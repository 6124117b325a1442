package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.IncumbentScoring;
import dev.vigil.trainer.service.RetrainSchedule;
import dev.vigil.trainer.service.RollbackRule;
import dev.vigil.trainer.service.ShadowGate;
import dev.vigil.trainer.service.ShadowTally;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * "No data" because of a typo. The scrape comes from a running detector, trainer and platform metrics (every kind of
 * event recorded once) bound to a Prometheus registry, with a real Kafka Streams application on a
 * real broker bound for the client metrics (consumer lag, process rate).
 */
class DashboardMetricsTest {
    private static final Path DASHBOARDS = DashboardQueries.DASHBOARDS;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /** The matchers of the dashboards' variables, in every selector. */
    private static final String INSTANCE_AND_GROUP = "instance=~\"$instance\", group=~\"$group\"";

    private static String scrape;

    @BeforeAll
    static void scrapeARunningRegistry() throws Exception {
        KAFKA.createTopic("in", 2);
        KAFKA.createTopic("out", 2);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DetectorMetrics detector = new DetectorMetrics();
        detector.bindTo(registry);
        TrainerMetrics trainer = new TrainerMetrics();
        trainer.bindTo(registry);
        try (PlatformMetrics platform = new PlatformMetrics();
                KafkaStreams streams = passThrough()) {
            platform.bindTo(registry);
            recordOneOfEverything(detector, trainer);
            platform.bindKafkaStreams(streams);
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

    private static void recordOneOfEverything(DetectorMetrics detector, TrainerMetrics trainer) {
        detector.scored(Verdict.ANOMALOUS, 2.5, 1.5);
        detector.scored(Verdict.WARMING_UP, Double.NaN, Double.NaN);
        detector.deadLettered(RejectReason.NON_FINITE_VALUE);
        detector.misrouted();
        detector.alert(AlertEvent.OPENED);
        detector.alert(AlertEvent.UPDATED);
        detector.alert(AlertEvent.CLOSED);
        detector.inferred(64, 150_000);
        detector.modelApplied("pumps", 3, java.time.Instant.parse("2026-01-02T03:04:05Z"));
        detector.modelRefused("pumps", 4, "BAD_SIGNATURE", "signature does not verify");
        ModelBundle bundle = new ModelBundle();
        bundle.setTraining(new TrainingSummary(10_000L, 30, 0.02, 0.03, 4_000L, 7L, Map.of()));
        trainer.trainingStarted(RetrainSchedule.Reason.BOOTSTRAP, 10_000);
        trainer.gateDecided("dense", gate(true));
        trainer.published(bundle);
        trainer.trainingStarted(RetrainSchedule.Reason.SCHEDULE, 10_000);
        trainer.gateDecided("dense", gate(false));
        trainer.trainingFailed("too little data");
        trainer.driftChecked(0.12, false);
        trainer.feedbackApplied(new dev.vigil.trainer.FeedbackRows(12, 3));
        detector.feedbackReceived(dev.vigil.contract.avro.FeedbackLabel.FALSE_ALARM);
        detector.feedbackApplied(dev.vigil.contract.avro.FeedbackLabel.FALSE_ALARM);
        detector.feedbackDropped(dev.vigil.detector.events.FeedbackDrop.EXPIRED);
        recordTheLiveStages(detector, trainer);
    }

    private static void recordTheLiveStages(DetectorMetrics detector, TrainerMetrics trainer) {
        detector.shadowApplied("pumps", 4);
        detector.shadowScored("pumps", 4, 256, 3, 2);
        detector.shadowSkipped("pumps", "busy", 256);
        ShadowTally tally = new ShadowTally(2000, 30, 20);
        trainer.shadowProgress(4, tally);
        trainer.shadowDecided(4, new ShadowGate(2000, 2.0, 0.01).judge(tally));
        trainer.rolledBack(4, new ModelBundle(), new RollbackRule.Decision(true, "because", 0.9, 0.02));
    }

    private static GateDecision gate(boolean accepted) {
        return new GateDecision(accepted, "because", 100, 0.01, 0.0, 0.2, 0.2, IncumbentScoring.JAVA_FORWARD_PASS);
    }

    @Test
    void everyMetricADashboardQueriesExistsInARealScrape() throws IOException {
        assertEquals(
                Map.of(),
                DashboardQueries.missingFrom(scrape),
                "metrics queried by dashboards but absent from the scrape");
    }

    @Test
    void everyMetricAnAlertRuleReadsExistsInARealScrape() throws IOException {
        Set<String> scraped = DashboardQueries.seriesNames(scrape);
        Map<String, Set<String>> missing = new TreeMap<>();
        AlertRules.expressions().forEach((alert, expr) -> PromQlMetricNames.of(expr).stream()
                .filter(name -> !PROMETHEUS_OWN.contains(name) && !scraped.contains(name))
                .forEach(name ->
                        missing.computeIfAbsent(alert, k -> new TreeSet<>()).add(name)));
        assertEquals(Map.of(), missing, "metrics read by alert rules but absent from the scrape");
    }

    @Test
    void theScrapeCarriesTheModelCreationTimeAndTheBuildInfo() {
        assertTrue(scrape.contains("vigil_model_created_timestamp_seconds 1.767323045E9"), scrape);
        String java = Runtime.version().toString();
        assertTrue(scrape.contains("vigil_build_info{java_version=\"" + java + "\",version=\"dev\"} 1\n"), scrape);
    }

    @Test
    void theDashboardsQueryEveryVigilMeterAndTheKafkaLag() throws IOException {
        Set<String> queried = DashboardQueries.expressions().values().stream()
                .flatMap(List::stream)
                .flatMap(expr -> PromQlMetricNames.of(expr).stream())
                .collect(Collectors.toSet());
        for (String meter : MetricNames.NAMES) {
            String prefix = meter.replace('.', '_');
            assertTrue(queried.stream().anyMatch(name -> name.startsWith(prefix)), "no panel shows " + meter);
        }
        assertTrue(queried.contains("kafka_consumer_fetch_manager_records_lag_max"), queried.toString());
    }

    @Test
    void everyDashboardHasAUniqueUidAndUsesTheDatasourceVariable() throws IOException {
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                assertTrue(uids.add(dashboard.get("uid").asText()), "duplicate uid in " + file);
                dashboard.findValues("datasource").stream()
                        .filter(ds -> "prometheus".equals(ds.path("type").asText()))
                        .forEach(ds ->
                                assertEquals("${datasource}", ds.path("uid").asText(), file.toString()));
                assertEquals(List.of("datasource", "group", "instance"), variables(dashboard), file.toString());
            }
        }
        assertEquals(Set.of("vigil-overview", "vigil-models"), uids);
    }

    @Test
    void everySelectorOfEveryPanelFiltersByInstanceAndGroup() throws IOException {
        DashboardQueries.expressions()
                .forEach((file, exprs) -> exprs.forEach(expr -> {
                    for (String name : PromQlMetricNames.of(expr)) {
                        Matcher selector =
                                Pattern.compile("\\b" + name + "\\{([^}]*)}").matcher(expr);
                        assertTrue(selector.find(), file + ": " + name + " without matchers in " + expr);
                        do {
                            assertTrue(selector.group(1).contains(INSTANCE_AND_GROUP), file + ": " + expr);
                        } while (selector.find());
                    }
                }));
    }

    private static List<String> variables(JsonNode dashboard) {
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            names.add(variable.path("name").asText());
            if (!"datasource".equals(variable.path("type").asText())) {
                assertTrue(variable.path("definition").asText().startsWith("label_values("), variable.toString());
            } else {
                assertEquals("prometheus", variable.path("query").asText());
            }
        }
        return names;
    }
}
