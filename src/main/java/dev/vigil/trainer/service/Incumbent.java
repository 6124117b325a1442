package dev.vigil.trainer.service;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.BundleModels;
import dev.vigil.trainer.InferenceModel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model in use as the gate's contender. Its Java forward pass is rebuilt from the bundle
 * ({@link BundleModels#inferenceModel}) and must reproduce the bundle's probe batch; when the
 * importer refuses the graph (a model not exported by this trainer) or the probe disagrees, the
 * scores the detector recorded for the held-out windows stand in (for the false-alarm rate only:
 * recorded scores are normalised and smoothed, so the error comparison is then skipped).
 */
final class Incumbent {
    private static final Logger LOG = LoggerFactory.getLogger(Incumbent.class);

    private Incumbent() {}

    /** The contender for {@code bundle} on {@code holdout}; null when {@code bundle} is null. */
    static CandidateGate.Contender contender(ModelBundle bundle, HoldoutWindows holdout) {
        if (bundle == null) {
            return null;
        }
        double threshold = bundle.getThresholds().getAnomaly();
        Optional<InferenceModel> java = javaForwardPass(bundle);
        if (java.isPresent()) {
            LOG.info("Gate scores the model in use v{} with its Java forward pass (imported)", bundle.getVersion());
            return new CandidateGate.Contender(
                    ShadowScorer.of(java.get()),
                    ShadowScorer.of(java.get().unweighted()),
                    threshold,
                    IncumbentScoring.JAVA_FORWARD_PASS,
                    ScoreSmoothing.of(bundle));
        }
        ShadowScorer recorded = (raw, count) -> holdout.currentScores();
        return new CandidateGate.Contender(
                recorded, null, threshold, IncumbentScoring.RECORDED_SCORES, new ScoreSmoothing(1));
    }

    private static Optional<InferenceModel> javaForwardPass(ModelBundle bundle) {
        InferenceModel model;
        try {
            model = BundleModels.inferenceModel(bundle);
        } catch (IllegalArgumentException e) {
            fallingBack(bundle, "the importer refuses its graph: " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> problem = probeProblem(bundle, ShadowScorer.of(model));
        problem.ifPresent(p -> fallingBack(bundle, "its imported forward pass misses the probe: " + p));
        return problem.isPresent() ? Optional.empty() : Optional.of(model);
    }

    private static Optional<String> probeProblem(ModelBundle bundle, ShadowScorer scorer) {
        try {
            return CandidateCheck.probeProblem(bundle, scorer);
        } catch (RuntimeException e) {
            return Optional.of(e.toString());
        }
    }

    private static void fallingBack(ModelBundle bundle, String why) {
        LOG.warn(
                "Gate scores the model in use v{} with the detector's recorded scores, since {}",
                bundle.getVersion(),
                why);
    }
}
