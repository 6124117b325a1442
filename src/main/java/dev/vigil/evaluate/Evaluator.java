package dev.vigil.evaluate;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainingData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the detector on a labelled dataset: trains on the training rows (per entity or pooled),
 * with the threshold calibrated on training data only, then streams each entity's test rows through
 * the real detector topology and compares its verdicts with the labels.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final EvaluationSettings settings;
    private final ModelTrainer trainer = new ModelTrainer();

    /** An evaluator with {@code settings}. */
    public Evaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the evaluation.
     *
     * @throws IOException if the detector's state directory cannot be created
     * @throws BundleRefusedException if the detector refuses a freshly trained bundle (a bug)
     */
    public EvaluationResult evaluate(Dataset dataset) throws IOException, BundleRefusedException {
        Map<String, ModelBundle> bundles = train(dataset);
        EvaluationResult frozen =
                replayAll(dataset, bundles, new DetectorReplay(settings.detectorOverrides()), "frozen");
        if (settings.online() == null) {
            return frozen;
        }
        var online = new OnlineReplay(settings.detectorOverrides(), settings.online(), settings.trainer());
        return frozen.withOnline(replayAll(dataset, bundles, online, "online"));
    }

    private EvaluationResult replayAll(
            Dataset dataset, Map<String, ModelBundle> bundles, DetectorReplay replay, String loop)
            throws IOException, BundleRefusedException {
        List<EntityResult> results = new ArrayList<>();
        List<Unscored> unscored = new ArrayList<>();
        long deadLetters = 0, missing = 0;
        for (EntityData entity : dataset.entities()) {
            ReplayOutput output = replay.replay(bundles.get(entity.name()), entity);
            deadLetters += output.deadLetters();
            missing += output.missingRows();
            java.util.Optional.ofNullable(output.unscored(entity.name())).ifPresent(unscored::add);
            EntityResult result = output.toResult(entity);
            LOG.info(
                    "{} ({}): point-wise F1 {}, best F1 {}, {} retrainings",
                    entity.name(),
                    loop,
                    fmt(result.pointwise().f1()),
                    fmt(result.pointwise().bestF1()),
                    result.retrains().size());
            results.add(result);
        }
        Map<String, Object> config = new LinkedHashMap<>(settings.describe());
        config.put("dataset", dataset.directory().toString());
        config.put("loop", loop);
        config.put("dead_letters", deadLetters);
        config.put("unscored_test_rows", missing);
        return new EvaluationResult(results, config, unscored, null);
    }

    private Map<String, ModelBundle> train(Dataset dataset) {
        Map<String, ModelBundle> bundles = new LinkedHashMap<>();
        if (settings.scope() == Scope.GLOBAL) {
            List<double[][]> sequences =
                    dataset.entities().stream().map(EntityData::train).toList();
            ModelBundle global = trainOne("global", dataset.entities().get(0).featureNames(), sequences);
            dataset.entities().forEach(e -> bundles.put(e.name(), global));
        } else {
            dataset.entities()
                    .forEach(e -> bundles.put(
                            e.name(), trainOne(e.name(), e.featureNames(), List.<double[][]>of(e.train()))));
        }
        return bundles;
    }

    private ModelBundle trainOne(String group, List<String> features, List<double[][]> sequences) {
        long start = System.nanoTime();
        ModelBundle bundle =
                trainer.train(TrainingData.of(features, sequences), settings.trainer(), "eval-" + group, 1);
        LOG.info(
                "trained {} ({}) in {} s, threshold {}",
                group,
                settings.trainer().variant().cliName(),
                (System.nanoTime() - start) / 1_000_000_000,
                bundle.getThresholds().getAnomaly());
        return bundle;
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
