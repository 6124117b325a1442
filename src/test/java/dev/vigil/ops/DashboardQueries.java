package dev.vigil.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The PromQL of the Grafana dashboards, and what of it a Prometheus scrape lacks. For tests. */
public final class DashboardQueries {
    static final Path DASHBOARDS = Path.of("grafana/dashboards");

    private DashboardQueries() {}

    /** Every {@code expr} in every dashboard (panels, nested panels, annotations), by dashboard file. */
    public static Map<String, List<String>> expressions() throws IOException {
        Map<String, List<String>> byFile = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                List<String> exprs = new ArrayList<>();
                collectExprs(new ObjectMapper().readTree(file.toFile()), exprs);
                byFile.put(file.getFileName().toString(), exprs);
            }
        }
        return byFile;
    }

    /** Series names in a Prometheus text-format scrape. */
    public static Set<String> seriesNames(String scrape) {
        return scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** For each dashboard expression reading a metric absent from {@code scrape}: the absent names. */
    public static Map<String, Set<String>> missingFrom(String scrape) throws IOException {
        Set<String> scraped = seriesNames(scrape);
        Map<String, Set<String>> missing = new TreeMap<>();
        expressions()
                .forEach((file, exprs) -> exprs.forEach(expr -> PromQlMetricNames.of(expr).stream()
                        .filter(name -> !scraped.contains(name))
                        .forEach(name -> missing.computeIfAbsent(file + ": " + expr, k -> new TreeSet<>())
                                .add(name))));
        return missing;
    }

    private static void collectExprs(JsonNode node, List<String> exprs) {
        if (node.isObject() && node.path("expr").isTextual()) {
            exprs.add(node.get("expr").asText());
        }
        node.forEach(child -> collectExprs(child, exprs));
    }
}
