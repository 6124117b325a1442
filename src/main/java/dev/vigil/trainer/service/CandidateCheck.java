package dev.vigil.trainer.service;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.UnsafeOnnxException;
import dev.vigil.contract.avro.ModelBundle;
import java.util.List;
import java.util.Optional;

/**
 * Validates a freshly trained bundle before it may be gated or published: SHA-256, the ONNX safety
 * checks the detector runs before loading ({@link OnnxSafety}, default limits), features and window as expected, thresholds and validation quantiles finite and ordered, and the probe batch
 * reproduced by the candidate's Java forward pass (the same check the detector runs with ONNX Runtime).
 */
final class CandidateCheck {
    private static final double PROBE_TOLERANCE = 1e-4;

    private CandidateCheck() {}

    /** Empty when the candidate is sound, else the first problem found. */
    static Optional<String> problem(CandidateTrainer.Trained candidate, List<String> features, int window) {
        ModelBundle bundle = candidate.bundle();
        if (!BundleSigning.sha256Hex(bundle.getOnnx()).equalsIgnoreCase(bundle.getSha256())) {
            return Optional.of("sha256 does not match the ONNX bytes");
        }
        Optional<String> unsafe = onnxProblem(bundle);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        if (!bundle.getFeatureNames().equals(features) || bundle.getWindowLength() != window) {
            return Optional.of("layout " + bundle.getFeatureNames() + " x" + bundle.getWindowLength() + " differs from "
                    + features + " x" + window);
        }
        var thresholds = bundle.getThresholds();
        if (!(Double.isFinite(thresholds.getAnomaly())
                && thresholds.getAnomaly() > 0
                && thresholds.getExit() <= thresholds.getAnomaly())) {
            return Optional.of("thresholds " + thresholds + " are not finite, positive and ordered");
        }
        if (!ordered(bundle.getValidationQuantiles())
                || !Double.isFinite(bundle.getTraining().getValidationLoss())) {
            return Optional.of("validation quantiles or loss are not finite and ordered");
        }
        return probeProblem(bundle, candidate.scorer());
    }

    /** Empty when the ONNX bytes pass {@link OnnxSafety} with the detector's default limits. */
    static Optional<String> onnxProblem(ModelBundle bundle) {
        try {
            OnnxSafety.check(bundle.getOnnx(), OnnxSafety.Limits.DEFAULT);
            return Optional.empty();
        } catch (UnsafeOnnxException e) {
            return Optional.of("the ONNX model would be refused (" + e.hazard() + "): " + e.getMessage());
        }
    }

    private static boolean ordered(List<Double> quantiles) {
        for (int i = 0; i < quantiles.size(); i++) {
            if (!Double.isFinite(quantiles.get(i)) || (i > 0 && quantiles.get(i) < quantiles.get(i - 1))) {
                return false;
            }
        }
        return quantiles.size() >= 2;
    }

    /** Empty when {@code scorer} reproduces the probe batch of {@code bundle}, else the first mismatch. */
    static Optional<String> probeProblem(ModelBundle bundle, ShadowScorer scorer) {
        var probe = bundle.getProbe();
        float[] inputs = new float[probe.getInputs().size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = probe.getInputs().get(i);
        }
        double[] scores = scorer.score(inputs, probe.getRows());
        for (int row = 0; row < probe.getRows(); row++) {
            double want = probe.getScores().get(row);
            if (!Double.isFinite(scores[row]) || Math.abs(scores[row] - want) > PROBE_TOLERANCE * Math.max(1, want)) {
                return Optional.of("probe row " + row + " scores " + scores[row] + ", bundle records " + want);
            }
        }
        return Optional.empty();
    }
}
