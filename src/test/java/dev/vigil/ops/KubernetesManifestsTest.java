package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contract.SigningKeys;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kustomize manifests under {@code deploy/kubernetes} validate offline against the Kubernetes
 * and Prometheus Operator schemas ({@code validate/validate.mjs}, npm packages pinned by its
 * package-lock.json, installed with {@code npm ci} when missing), the validator rejects a broken
 * manifest, the PrometheusRule carries exactly the groups of {@code prometheus/rules/vigil-alerts.yml},
 * and the workloads keep their operational promises (probes, state volume, non-root uid). Without
 * node and npm these tests fail, unless {@code VIGIL_SKIP_NODE=true} skips them on purpose.
 */
class KubernetesManifestsTest {
    static final Path DIR = Path.of("deploy/kubernetes");
    static final Path VALIDATOR = DIR.resolve("validate");
    static final String SKIP_ENV = "VIGIL_SKIP_NODE";

    private record Result(int exit, String output) {}

    @BeforeAll
    static void installTheValidator() throws Exception {
        if ("true".equalsIgnoreCase(System.getenv(SKIP_ENV))) {
            Assumptions.abort(SKIP_ENV + "=true: Kubernetes schema checks skipped on request");
        }
        if (!Files.isDirectory(VALIDATOR.resolve("node_modules"))) {
            Result install = run(VALIDATOR.toFile(), "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, install.exit(), "npm ci failed in " + VALIDATOR + ":\n" + install.output());
        }
    }

    private static Result run(File dir, String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(
                    command[0] + " is missing: install Node.js 20+ and npm, or set " + SKIP_ENV + "=true", e);
        }
    }

    private static JsonNode manifest(String file) throws IOException {
        return AlertRules.YAML.readTree(DIR.resolve(file).toFile());
    }

    @Test
    void everyManifestValidatesAgainstTheKubernetesSchemas() throws Exception {
        Result result = run(VALIDATOR.toFile(), "node", "validate.mjs");
        assertEquals(0, result.exit(), result.output());
        for (String object : List.of(
                "StatefulSet/vigil-detector",
                "PodDisruptionBudget/vigil-detector",
                "Deployment/vigil-trainer",
                "ServiceMonitor/vigil",
                "PrometheusRule/vigil",
                "ConfigMap/vigil-detector-config",
                "Secret/vigil-signing-key")) {
            assertTrue(result.output().contains("OK " + object + "\n"), result.output());
        }
        assertTrue(result.output().contains("12 objects valid"), result.output());
    }

    @Test
    void theValidatorRejectsAStatefulSetWithTextReplicas() throws Exception {
        Result result = run(VALIDATOR.toFile(), "node", "validate.mjs", "fixtures/broken");
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("replicas must be integer"), result.output());
    }

    @Test
    void thePrometheusRuleCarriesExactlyTheComposeRules() throws IOException {
        assertEquals(
                AlertRules.file().get("groups"),
                manifest("prometheus-rule.yaml").at("/spec/groups"));
    }

    @Test
    void theDetectorIsAStatefulSetWithStateProbesAndANonRootUser() throws IOException {
        JsonNode detector = manifest("detector-statefulset.yaml");
        JsonNode pod = detector.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertEquals("/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/health", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(9400, container.at("/ports/0/containerPort").asInt());
        assertEquals(10001, pod.at("/securityContext/runAsUser").asInt());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals(
                "state",
                detector.at("/spec/volumeClaimTemplates/0/metadata/name").asText());
        assertTrue(container.path("volumeMounts").toString().contains("\"mountPath\":\"/app/state\""));
        assertTrue(container.at("/resources/limits/memory").isTextual());
        assertEquals(
                detector.at("/spec/selector"), manifest("detector-pdb.yaml").at("/spec/selector"));
        JsonNode trainer = manifest("trainer-deployment.yaml").at("/spec/template/spec");
        assertEquals(9401, trainer.at("/containers/0/ports/0/containerPort").asInt());
        assertEquals(10001, trainer.at("/securityContext/runAsUser").asInt());
    }

    @Test
    void theConfigMapsAreValidDetectorAndTrainerConfigs(@TempDir Path keys) throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), keys);
        var detector = DetectorConfig.load(
                DIR.resolve("config/detector.properties"),
                Map.of(
                        "VIGIL_MODEL_TRUSTED_KEYS",
                        keys.resolve(SigningKeys.PUBLIC_FILE).toString()));
        assertEquals("1", detector.kafkaOverrides().get("num.standby.replicas"));
        var trainer = TrainerServiceConfig.load(
                DIR.resolve("config/trainer.properties"),
                Map.of(
                        "VIGIL_SIGNING_KEY",
                        keys.resolve(SigningKeys.PRIVATE_FILE).toString()));
        assertEquals("pumps", trainer.getString(TrainerServiceConfig.MODEL_GROUP));
        String properties = Files.readString(DIR.resolve("config/detector.properties"));
        assertTrue(properties.contains("model.trusted.keys=/etc/vigil/keys/" + SigningKeys.PUBLIC_FILE));
    }
}
