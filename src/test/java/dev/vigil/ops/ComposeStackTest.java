package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.trainer.publish.ModelTopics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml keeps its data, its logs and its secrets: named volumes, restart policies, log
 * rotation and memory limits on every service, ports on loopback only, signed models by default,
 * Grafana without a default password, alerts evaluated and routed. Parsed with SnakeYAML, which
 * resolves the file's {@code <<} merge keys as docker-compose does.
 */
class ComposeStackTest {
    private static final Set<String> ONE_SHOT = Set.of("topics", "keys", "grafana-password");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        compose = load(Path.of("docker-compose.yml"));
    }

    private static JsonNode load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return JSON.valueToTree(new Yaml().load(reader));
        }
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertFalse(service.isMissingNode(), "no service " + name);
        return service;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> services() {
        List<String> names = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void kafkaPrometheusGrafanaAndTheDetectorsStateLiveInNamedVolumes() {
        assertTrue(texts(service("kafka").path("volumes")).contains("kafka-data:/var/lib/kafka/data"));
        assertEquals(
                "/var/lib/kafka/data",
                service("kafka").path("environment").path("KAFKA_LOG_DIRS").asText());
        assertTrue(texts(service("prometheus").path("volumes")).contains("prometheus-data:/prometheus"));
        assertTrue(texts(service("grafana").path("volumes")).contains("grafana-data:/var/lib/grafana"));
        assertTrue(texts(service("detector").path("volumes")).contains("detector-state:/app/state"));
        for (String volume : List.of("kafka-data", "prometheus-data", "grafana-data", "detector-state")) {
            assertTrue(compose.path("volumes").has(volume), "volume " + volume + " not declared");
        }
    }

    @Test
    void theModelTopicsAreCreatedForTheLargestBundle() {
        String script = texts(service("topics").path("command")).get(0);
        String maxBytes = "--config max.message.bytes=" + ModelTopics.MAX_BUNDLE_BYTES;
        for (String topic : List.of("vigil.models ", "vigil.models.history ")) {
            String line = script.lines()
                    .filter(l -> l.contains("--topic " + topic))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no topic " + topic));
            assertTrue(line.contains(maxBytes), line);
        }
    }

    @Test
    void everyServiceRestartsRotatesItsLogsAndHasAMemoryLimit() {
        for (String name : services()) {
            JsonNode service = service(name);
            String restart = service.path("restart").asText();
            if (ONE_SHOT.contains(name)) {
                assertEquals("no", restart, name + " is a one-shot");
            } else {
                assertTrue(Set.of("unless-stopped", "always").contains(restart), name + " restart: " + restart);
            }
            JsonNode logging = service.path("logging");
            assertEquals("json-file", logging.path("driver").asText(), name);
            assertTrue(logging.path("options").has("max-size"), name);
            assertTrue(logging.path("options").has("max-file"), name);
            assertTrue(service.path("mem_limit").asText().matches("\\d+[mg]"), name + " mem_limit");
        }
    }

    @Test
    void theJavaServicesLeaveAQuarterOfTheirLimitOutsideTheHeap() {
        for (String name : List.of("detector", "trainer", "simulator", "keys")) {
            String limit = service(name).path("mem_limit").asText();
            long mib = Long.parseLong(limit.substring(0, limit.length() - 1)) * (limit.endsWith("g") ? 1024 : 1);
            assertTrue(mib * 3 / 4 >= 192, name + ": a heap of 75 % of " + limit + " is too small");
        }
        String kafkaHeap =
                service("kafka").path("environment").path("KAFKA_HEAP_OPTS").asText();
        assertEquals("-Xms512m -Xmx512m", kafkaHeap, "kafka's heap must fit in its 1g limit");
        assertEquals("1g", service("kafka").path("mem_limit").asText());
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        int published = 0;
        for (String name : services()) {
            for (String port : texts(service(name).path("ports"))) {
                assertTrue(port.startsWith("127.0.0.1:"), name + " publishes " + port + " on every interface");
                published++;
            }
        }
        assertTrue(texts(service("kafka").path("ports")).contains("127.0.0.1:9094:9094"));
        assertEquals(6, published, "kafka, detector, trainer, prometheus, alertmanager, grafana");
    }

    @Test
    void modelsAreSignedByDefaultWithAKeyOnlyTheTrainerReads() {
        String keygen = texts(service("keys").path("command")).get(0);
        assertTrue(keygen.contains("models keygen --out /keys/signing"), keygen);
        assertTrue(keygen.contains("if [ ! -f /keys/signing/vigil-signing.key ]"), "keygen must keep an existing key");
        assertTrue(texts(service("trainer").path("volumes")).contains("vigil-signing-key:/app/keys/signing:ro"));
        assertTrue(texts(service("detector").path("volumes")).contains("vigil-trusted-keys:/app/keys/trusted:ro"));
        assertFalse(service("detector").path("volumes").toString().contains("vigil-signing-key"));
        for (String app : List.of("detector", "trainer")) {
            assertEquals(
                    "service_completed_successfully",
                    service(app)
                            .path("depends_on")
                            .path("keys")
                            .path("condition")
                            .asText(),
                    app + " must start after the keys exist");
        }
    }

    @Test
    void grafanaHasNoAnonymousEditingAndNoDefaultAdminPassword() {
        JsonNode env = service("grafana").path("environment");
        boolean anonymous = env.path("GF_AUTH_ANONYMOUS_ENABLED").asBoolean(false);
        assertTrue(!anonymous
                || "Viewer".equals(env.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()));
        assertFalse(env.has("GF_SECURITY_ADMIN_PASSWORD"), "a literal admin password would be a shipped default");
        String passwordFile = env.path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText();
        assertTrue(passwordFile.startsWith("/run/secrets/grafana/"), passwordFile);
        assertTrue(texts(service("grafana").path("volumes")).contains("grafana-secrets:/run/secrets/grafana:ro"));
        String generator = texts(service("grafana-password").path("command")).get(0);
        assertTrue(generator.contains("/dev/urandom"), "without GRAFANA_ADMIN_PASSWORD the password is random");
        assertEquals("false", env.path("GF_USERS_ALLOW_SIGN_UP").asText());
    }

    @Test
    void prometheusEvaluatesTheAlertRulesAndAlertmanagerReceivesThem() throws IOException {
        JsonNode prometheus = load(Path.of("prometheus/prometheus.yml"));
        assertEquals(List.of("rules/*.yml"), texts(prometheus.path("rule_files")));
        assertTrue(
                texts(service("prometheus").path("volumes")).contains("./prometheus/rules:/etc/prometheus/rules:ro"));
        assertEquals(
                "alertmanager:9093",
                prometheus
                        .at("/alerting/alertmanagers/0/static_configs/0/targets/0")
                        .asText());
        String image = service("alertmanager").path("image").asText();
        assertTrue(image.matches("prom/alertmanager:v\\d+\\.\\d+\\.\\d+"), image);
        JsonNode alertmanager = load(Path.of("prometheus/alertmanager.yml"));
        String receiver = alertmanager.at("/route/receiver").asText();
        JsonNode defaultReceiver = null;
        for (JsonNode candidate : alertmanager.path("receivers")) {
            if (receiver.equals(candidate.path("name").asText())) {
                defaultReceiver = candidate;
            }
        }
        assertEquals(
                Map.of("name", "null"),
                JSON.convertValue(defaultReceiver, Map.class),
                "safe to ship: delivers nowhere");
    }

    @Test
    void everyVigilTargetCarriesTheLabelsTheRulesAndDashboardsUse() throws IOException {
        JsonNode prometheus = load(Path.of("prometheus/prometheus.yml"));
        int vigilJobs = 0;
        for (JsonNode job : prometheus.path("scrape_configs")) {
            if (job.path("job_name").asText().startsWith("vigil-")) {
                JsonNode labels = job.at("/static_configs/0/labels");
                assertTrue(
                        Set.of("detector", "trainer")
                                .contains(labels.path("component").asText()),
                        job.toString());
                assertFalse(labels.path("group").asText().isEmpty(), job.toString());
                vigilJobs++;
            }
        }
        assertEquals(2, vigilJobs);
    }

    @Test
    void everyImageIsPinned() {
        for (String name : services()) {
            String image = service(name).path("image").asText();
            assertTrue(image.equals("vigil:latest") || image.matches("[a-z/]+:v?\\d+(\\.\\d+)+"), name + ": " + image);
        }
    }
}
