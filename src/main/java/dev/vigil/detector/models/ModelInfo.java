package dev.vigil.detector.models;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.ScoreTail;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.features.FeatureLayout;

/**
 * What later stages need to know about the model that scored a record: plain data, no ONNX Runtime.
 *
 * @param group model group
 * @param version bundle version
 * @param layout feature names and window
 * @param anomalyThreshold the bundle's global entry threshold
 * @param exitThreshold the bundle's global exit threshold
 * @param validationQuantiles validation score quantiles at evenly spaced levels 0..1
 * @param featureMeans training mean of each feature (may be empty)
 * @param smoothing the score smoothing the thresholds were calibrated for (span 1 = none)
 * @param tails the validation score tails the bundle carries (EVT thresholds), at most one per depth
 */
public record ModelInfo(
        String group,
        long version,
        FeatureLayout layout,
        double anomalyThreshold,
        double exitThreshold,
        double[] validationQuantiles,
        java.util.List<Double> featureMeans,
        ScoreSmoothing smoothing,
        java.util.List<ScoreTail> tails) {
    /** The information carried by {@code bundle}. */
    public static ModelInfo of(ModelBundle bundle) {
        return new ModelInfo(
                bundle.getGroup(),
                bundle.getVersion(),
                new FeatureLayout(bundle.getFeatureNames(), bundle.getWindowLength()),
                bundle.getThresholds().getAnomaly(),
                bundle.getThresholds().getExit(),
                bundle.getValidationQuantiles().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray(),
                java.util.List.copyOf(bundle.getFeatureMeans()),
                ScoreSmoothing.of(bundle),
                bundle.getTails().stream().map(ScoreTail::of).toList());
    }

    /** The bundle's tail over the scores themselves ({@code drift} false) or over their moving mean. */
    public java.util.Optional<ScoreTail> tail(boolean drift) {
        return tails.stream().filter(t -> (t.depth() > 0) == drift).findFirst();
    }

    /** {@code group:version}, for logs. */
    public String label() {
        return group + ":" + version;
    }
}
