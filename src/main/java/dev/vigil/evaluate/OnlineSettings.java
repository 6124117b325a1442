package dev.vigil.evaluate;

import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code evaluate --online} configures the trainer service for one entity. The service's own
 * defaults are wall-clock figures for live streams (train every hour, keep 24 h of normal data);
 * datasets are sampled from seconds to hours apart, so the replay states them in the entity's rows:
 * the schedule trains {@code retrains} times over the test span (interval = span / (retrains + 1),
 * least gap half of it), the collection keeps as many records as the entity has training rows (of
 * any age), a run needs half of that, an alert's entity is not collected for 50 rows (in the
 * median row spacing) after it closes, the drift monitor watches a tenth of the test rows (50 to
 * 2000), and the gate wants a tenth of the training rows as comparison windows (20 to 200). The
 * variant is the evaluation's. {@code overrides} (trainer-service keys) replace any of these.
 *
 * @param retrains scheduled retrainings over each entity's test span
 * @param overrides trainer-service configuration keys and values
 */
public record OnlineSettings(int retrains, Map<String, String> overrides) {
    /** Copies the overrides and rejects a negative count. */
    public OnlineSettings {
        if (retrains < 0) {
            throw new IllegalArgumentException("retrains must be >= 0, got " + retrains);
        }
        overrides = Map.copyOf(overrides);
    }

    /** The trainer service's configuration for {@code entity}, trained like {@code trainer}. */
    TrainerServiceConfig serviceConfig(EntityData entity, TrainerConfig trainer) {
        long[] times = entity.testTimestamps();
        long interval = Math.max(1, (times[times.length - 1] - times[0]) / (retrains + 1));
        int trainRows = entity.train().length;
        Map<String, String> values = new HashMap<>();
        values.put(TrainerServiceConfig.BOOTSTRAP_SERVERS, "evaluate.invalid:9092");
        values.put(TrainerServiceConfig.MODEL_GROUP, "eval-" + entity.name());
        values.put(TrainerServiceConfig.TRAIN_INTERVAL, interval + "ms");
        values.put(TrainerServiceConfig.TRAIN_MIN_GAP, interval / 2 + "ms");
        values.put(TrainerServiceConfig.COLLECT_MAX_RECORDS, Integer.toString(Math.max(100, trainRows)));
        values.put(TrainerServiceConfig.COLLECT_MAX_AGE, "36500d");
        values.put(TrainerServiceConfig.COLLECT_QUARANTINE, 50 * medianSpacing(times) + "ms");
        values.put(TrainerServiceConfig.TRAIN_MIN_RECORDS, Integer.toString(Math.max(10, trainRows / 2)));
        values.put(TrainerServiceConfig.TRAIN_VARIANTS, trainer.variant().cliName());
        values.put(TrainerServiceConfig.DRIFT_WINDOW, Integer.toString(clamp(times.length / 10, 50, 2000)));
        values.put(TrainerServiceConfig.GATE_MIN_WINDOWS, Integer.toString(clamp(trainRows / 10, 20, 200)));
        values.putAll(overrides);
        return new TrainerServiceConfig(values);
    }

    /** What shaped the online run, for reports. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduled_retrains", retrains);
        out.put("trainer_service", new LinkedHashMap<>(overrides));
        return out;
    }

    private static long medianSpacing(long[] times) {
        long[] gaps = new long[Math.max(1, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        java.util.Arrays.sort(gaps);
        return Math.max(0, gaps[gaps.length / 2]);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
