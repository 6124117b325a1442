package dev.vigil.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The machine-readable evaluation report: {@code {"pooled": {...}, "entities": {"E": {...}},
 * "config": {...}, "alert_level": {"pooled": {...}, "entities": {...}}}}, where each metrics block
 * has the keys precision, recall, f1, far, mar, best_f1, auroc, auprc, always_alarm_f1 (plus rows
 * and anomalies); {@code entity_mean} holds the per-entity metrics averaged. Undefined values (AUROC of an entity without anomalies) are written as null.
 *
 * <p>A report of runs with several seeds is the first run's report plus {@code "seeds": {"seeds":
 * [...], "pooled": {"mean": {...}, "sd": {...}, "min": {...}, "max": {...}}, "entity_mean": {...},
 * "alert_level": {...}, "runs": [{"seed": S, "pooled": {...}, "entity_mean": {...}}, ...]}}: the
 * spread of each figure over the seeds.
 *
 * <p>Rows the detector did not score are listed under {@code "unscored": [{"entity", "unscored_rows",
 * "dead_letters": {reason: count}, "examples": {reason: message}}]}. An online evaluation adds
 * {@code "online"}: the same report of the live loop plus {@code "retrains": {"E": [{"row", "time",
 * "trigger", "version", "swapped", "reason"}]}}, and, with seeds, its spread as
 * {@code "seeds"."online"}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** Writes the report of {@code result} to {@code file}. */
    public static void write(EvaluationResult result, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(result));
    }

    /** Writes the report of the first of {@code runs}, with the spread of every figure over all of them. */
    public static void write(SeedRuns runs, Path file) throws IOException {
        ObjectNode root = toJson(runs.results().get(0));
        root.set("seeds", seeds(runs));
        MAPPER.writeValue(file.toFile(), root);
    }

    /** The report of {@code result} as a JSON tree. */
    public static ObjectNode toJson(EvaluationResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("pooled", metrics(result.pooled()));
        root.set("entities", perEntity(result, EntityResult::pointwise));
        root.set("config", MAPPER.valueToTree(result.config()));
        root.set("entity_mean", metrics(result.entityMean()));
        ObjectNode alerts = root.putObject("alert_level");
        alerts.set("pooled", metrics(result.pooledAlertLevel()));
        alerts.set("entities", perEntity(result, EntityResult::alertLevel));
        root.set(
                "unscored",
                MAPPER.valueToTree(
                        result.unscored().stream().map(JsonReport::unscored).toList()));
        if (result.online() != null) {
            ObjectNode online = toJson(result.online());
            ObjectNode retrains = online.putObject("retrains");
            result.online().entities().forEach(e -> retrains.set(e.entity(), MAPPER.valueToTree(e.retrains())));
            root.set("online", online);
        }
        return root;
    }

    private static java.util.Map<String, Object> unscored(Unscored u) {
        var node = new java.util.LinkedHashMap<String, Object>();
        node.put("entity", u.entity());
        node.put("unscored_rows", u.unscoredRows());
        node.put("dead_letters", u.deadLetters());
        node.put("examples", u.examples());
        return node;
    }

    static ObjectNode seeds(SeedRuns runs) {
        ObjectNode node = MAPPER.createObjectNode();
        runs.seeds().forEach(node.putArray("seeds")::add);
        node.set("pooled", spread(runs, EvaluationResult::pooled));
        node.set("entity_mean", spread(runs, EvaluationResult::entityMean));
        node.set("alert_level", spread(runs, EvaluationResult::pooledAlertLevel));
        if (runs.results().get(0).online() != null) {
            ObjectNode online = node.putObject("online");
            online.set("pooled", spread(runs, r -> r.online().pooled()));
            online.set("entity_mean", spread(runs, r -> r.online().entityMean()));
            online.set("alert_level", spread(runs, r -> r.online().pooledAlertLevel()));
        }
        ArrayNode each = node.putArray("runs");
        for (int i = 0; i < runs.seeds().size(); i++) {
            EvaluationResult result = runs.results().get(i);
            ObjectNode run = each.addObject().put("seed", runs.seeds().get(i));
            run.set("pooled", metrics(result.pooled()));
            run.set("entity_mean", metrics(result.entityMean()));
        }
        return node;
    }

    private static ObjectNode spread(SeedRuns runs, Function<EvaluationResult, DetectionMetrics> level) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("mean", metrics(runs.mean(level)));
        node.set("sd", metrics(runs.sd(level)));
        node.set("min", metrics(runs.min(level)));
        node.set("max", metrics(runs.max(level)));
        return node;
    }

    private static ObjectNode perEntity(EvaluationResult result, Function<EntityResult, DetectionMetrics> level) {
        ObjectNode entities = MAPPER.createObjectNode();
        result.entities().forEach(e -> entities.set(e.entity(), metrics(level.apply(e))));
        return entities;
    }

    private static ObjectNode metrics(DetectionMetrics m) {
        ObjectNode node = MAPPER.createObjectNode();
        put(node, "precision", m.precision());
        put(node, "recall", m.recall());
        put(node, "f1", m.f1());
        put(node, "far", m.far());
        put(node, "mar", m.mar());
        put(node, "best_f1", m.bestF1());
        put(node, "auroc", m.auroc());
        put(node, "auprc", m.auprc());
        put(node, "always_alarm_f1", m.alwaysAlarmF1());
        node.put("rows", m.rows());
        node.put("anomalies", m.anomalies());
        return node;
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
