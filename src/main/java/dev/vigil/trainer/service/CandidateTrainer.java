package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import java.util.List;

/** Trains one candidate model of a variant; the service trains one per configured variant. */
@FunctionalInterface
public interface CandidateTrainer {
    /**
     * A trained candidate: its unsigned bundle, its Java forward pass (anomaly score) and its error
     * without per-feature error weights (comparable with another model's; see {@link
     * CandidateGate.Contender}).
     */
    record Trained(ModelBundle bundle, ShadowScorer scorer, ShadowScorer error) {
        /** A candidate whose score is its comparable error (no error weights). */
        public Trained(ModelBundle bundle, ShadowScorer scorer) {
            this(bundle, scorer, scorer);
        }
    }

    /**
     * @param features feature names in model order
     * @param window window length W
     * @param sequences one sequence per entity run, rows in time order
     * @param variant autoencoder variant name (undercomplete, denoising, ...)
     * @param group model group of the bundle
     * @param version version of the bundle
     */
    Trained train(
            List<String> features, int window, List<double[][]> sequences, String variant, String group, long version);
}
