package dev.vigil.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Prometheus alerting rules of {@code prometheus/rules/vigil-alerts.yml}, parsed. For tests. */
final class AlertRules {
    static final Path RULES = Path.of("prometheus/rules/vigil-alerts.yml");
    static final Path UNIT_TESTS = Path.of("prometheus/tests/vigil-alerts-test.yml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AlertRules() {}

    /** The whole rules file. */
    static JsonNode file() throws IOException {
        return YAML.readTree(RULES.toFile());
    }

    /** Every alerting rule, by alert name. */
    static Map<String, JsonNode> alerts() throws IOException {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (JsonNode group : file().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.put(rule.get("alert").asText(), rule);
                }
            }
        }
        return alerts;
    }

    /** The expression of every alert, by alert name. */
    static Map<String, String> expressions() throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        alerts().forEach((name, rule) -> exprs.put(name, rule.path("expr").asText()));
        return exprs;
    }
}
