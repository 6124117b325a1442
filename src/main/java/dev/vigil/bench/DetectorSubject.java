package dev.vigil.bench;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.Topology;

/**
 * The full detector topology ({@link DetectorTopology}) as a benchmark subject: it reads the
 * harness's input topic, writes scored readings to the harness's output topic, and alerts and dead
 * letters beside it. Every topology built gets its own model holder, closed with the subject.
 */
public final class DetectorSubject implements BenchSubject, AutoCloseable {
    private final ModelBundle bundle;
    private final Map<String, String> overrides;
    private final List<ModelHolder> holders = new ArrayList<>();

    /** A detector scoring with {@code bundle}, with detector settings {@code overrides}. */
    public DetectorSubject(ModelBundle bundle, Map<String, String> overrides) {
        this.bundle = bundle;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The default model: the trainer's default configuration trained on {@code rows} seeded synthetic
     * readings over {@code featureNames}, the same distribution {@link BenchReadings} produces.
     */
    public static ModelBundle defaultModel(List<String> featureNames, int rows, long seed) {
        BenchReadings readings = new BenchReadings(featureNames, 1, seed);
        double[][] data = new double[rows][];
        for (int i = 0; i < rows; i++) {
            Map<String, Double> values = readings.reading(i, i).getValues();
            data[i] = featureNames.stream().mapToDouble(values::get).toArray();
        }
        TrainerConfig config = TrainerConfig.defaults().withSeed(seed);
        return new ModelTrainer().train(TrainingData.of(featureNames, List.<double[][]>of(data)), config, "bench", 1);
    }

    @Override
    public String name() {
        return "detector";
    }

    @Override
    public synchronized Topology build(String input, String output) {
        DetectorConfig config = config(input, output);
        ModelHolder models = new ModelHolder(
                new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), config.getDouble(DetectorConfig.PROBE_TOLERANCE)),
                DetectorEvents.NOOP);
        holders.add(models);
        try {
            models.apply(bundle);
        } catch (BundleRefusedException e) {
            throw new IllegalStateException("the detector refused the benchmark model: " + e.getMessage(), e);
        }
        return DetectorTopology.build(config, models, DetectorEvents.NOOP);
    }

    @Override
    public List<String> extraTopics(String output) {
        return List.of(alerts(output), deadLetters(output));
    }

    @Override
    public Optional<String> deadLetterTopic(String output) {
        return Optional.of(deadLetters(output));
    }

    /**
     * The settings given ({@code --set}), plus the values in force of those that set the work and the
     * output per record: batch size, punctuation interval, background scoring, per-feature detail on
     * scored records.
     */
    @Override
    public Map<String, String> settings() {
        DetectorConfig config = config("input", "output");
        Map<String, String> settings = new java.util.TreeMap<>(overrides);
        for (String key : List.of(
                DetectorConfig.SCORING_BATCH_SIZE,
                DetectorConfig.PUNCTUATION_INTERVAL_MS,
                DetectorConfig.SCORED_FEATURE_DETAIL)) {
            settings.put(key, String.valueOf(config.values().get(key)));
        }
        settings.put(DetectorConfig.SCORING_BACKGROUND, backgroundInForce(config));
        return settings;
    }

    /** {@code true} or {@code false}, or {@code auto} with what it resolved to on this machine. */
    private static String backgroundInForce(DetectorConfig config) {
        String value = config.getString(DetectorConfig.SCORING_BACKGROUND);
        return value.equals("auto") ? "auto: " + config.scoringInBackground() : value;
    }

    private DetectorConfig config(String input, String output) {
        Map<String, Object> props = new HashMap<>();
        props.put(DetectorConfig.INPUT_TOPIC, input);
        props.put(DetectorConfig.SCORED_TOPIC, output);
        props.put(DetectorConfig.ALERTS_TOPIC, alerts(output));
        props.put(DetectorConfig.DLQ_TOPIC, deadLetters(output));
        // the benchmark scores a bundle it built itself, unsigned (TRUST_ALL): say so in the configuration
        props.put(DetectorConfig.MODEL_TRUST, "any");
        props.putAll(overrides);
        return new DetectorConfig(props);
    }

    private static String alerts(String output) {
        return output + ".alerts";
    }

    private static String deadLetters(String output) {
        return output + ".dlq";
    }

    @Override
    public synchronized void close() {
        holders.forEach(ModelHolder::close);
        holders.clear();
    }
}
