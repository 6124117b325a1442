package dev.vigil.detector.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.UnsafeOnnxException;
import dev.vigil.contract.avro.ModelBundle;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a bundle may score: trust, SHA-256, version, layout, the ONNX safety checks of
 * {@link OnnxSafety} (parse, size limits, no external data, standard operator domains: before any
 * byte reaches ONNX Runtime), ONNX Runtime loading, the tensor contract, and the probe batch (which
 * catches models that load but compute garbage, such as flipped weight bytes). Cheap checks run
 * first; a refused model's session is closed.
 */
public final class BundleValidator {
    private final BundleTrust trust;
    private final Set<String> availableFeatures;
    private final double tolerance;
    private final OnnxSafety.Limits limits;
    private final ExecutionProvider provider;

    /** A validator with the default {@link OnnxSafety.Limits}. */
    public BundleValidator(BundleTrust trust, Set<String> availableFeatures, double tolerance) {
        this(trust, availableFeatures, tolerance, OnnxSafety.Limits.DEFAULT);
    }

    /**
     * @param availableFeatures feature names the input mapping can supply; empty = any name
     * @param tolerance relative tolerance of probe scores
     * @param limits size limits of the ONNX model
     */
    public BundleValidator(
            BundleTrust trust, Set<String> availableFeatures, double tolerance, OnnxSafety.Limits limits) {
        this(trust, availableFeatures, tolerance, limits, ExecutionProvider.CPU);
    }

    /** As above, with sessions created on {@code provider}. */
    public BundleValidator(
            BundleTrust trust,
            Set<String> availableFeatures,
            double tolerance,
            OnnxSafety.Limits limits,
            ExecutionProvider provider) {
        this.trust = trust;
        this.availableFeatures = Set.copyOf(availableFeatures);
        this.tolerance = tolerance;
        this.limits = limits;
        this.provider = provider;
    }

    /**
     * Validates {@code bundle} against the model in use ({@code current}, null if none) and returns
     * its loaded model, which the caller owns.
     */
    public OnnxModel validate(ModelBundle bundle, ModelInfo current) throws BundleRefusedException {
        checkTrust(bundle);
        checkDigest(bundle);
        checkVersion(bundle, current);
        checkLayout(bundle, current);
        checkProbeShape(bundle);
        checkSmoothing(bundle);
        checkOnnxSafety(bundle);
        OnnxModel model = load(bundle);
        try {
            checkContract(model, bundle);
            checkProbe(model, bundle);
            return model;
        } catch (BundleRefusedException e) {
            model.release();
            throw e;
        }
    }

    private void checkTrust(ModelBundle bundle) throws BundleRefusedException {
        var problem = trust.distrust(bundle);
        if (problem.isPresent()) {
            throw new BundleRefusedException(RefusalReason.UNTRUSTED, problem.get());
        }
    }

    private static void checkDigest(ModelBundle bundle) throws BundleRefusedException {
        String actual = sha256(bundle);
        if (!actual.equalsIgnoreCase(bundle.getSha256())) {
            throw new BundleRefusedException(
                    RefusalReason.SHA256_MISMATCH,
                    "onnx bytes hash to " + actual + ", bundle says " + bundle.getSha256());
        }
    }

    /** Hex SHA-256 of the bundle's ONNX bytes. */
    public static String sha256(ModelBundle bundle) {
        return BundleSigning.sha256Hex(bundle.getOnnx());
    }

    private static void checkVersion(ModelBundle bundle, ModelInfo current) throws BundleRefusedException {
        if (current != null && bundle.getVersion() <= current.version() && !bundle.getRollback()) {
            throw new BundleRefusedException(
                    RefusalReason.STALE_VERSION,
                    "version " + bundle.getVersion() + " is not newer than " + current.version() + " in use");
        }
    }

    private void checkLayout(ModelBundle bundle, ModelInfo current) throws BundleRefusedException {
        var names = bundle.getFeatureNames();
        if (current != null
                && (!names.equals(current.layout().names())
                        || bundle.getWindowLength() != current.layout().window())) {
            throw new BundleRefusedException(
                    RefusalReason.LAYOUT_MISMATCH,
                    "features " + names + " window " + bundle.getWindowLength() + " differ from the running "
                            + current.layout());
        }
        if (!availableFeatures.isEmpty() && !availableFeatures.containsAll(names)) {
            throw new BundleRefusedException(
                    RefusalReason.LAYOUT_MISMATCH,
                    "features " + names + " are not all in the mapping " + availableFeatures);
        }
    }

    private static void checkSmoothing(ModelBundle bundle) throws BundleRefusedException {
        try {
            ScoreSmoothing.of(bundle);
        } catch (IllegalArgumentException e) {
            throw new BundleRefusedException(RefusalReason.MALFORMED, e.getMessage());
        }
    }

    private static void checkProbeShape(ModelBundle bundle) throws BundleRefusedException {
        var probe = bundle.getProbe();
        int width = bundle.getFeatureNames().size() * bundle.getWindowLength();
        if (probe.getRows() < 1
                || probe.getInputs().size() != probe.getRows() * width
                || probe.getScores().size() != probe.getRows()) {
            throw new BundleRefusedException(
                    RefusalReason.MALFORMED, "probe needs rows >= 1, rows*" + width + " inputs and rows scores");
        }
    }

    private void checkOnnxSafety(ModelBundle bundle) throws BundleRefusedException {
        try {
            OnnxSafety.check(bundle.getOnnx(), limits);
        } catch (UnsafeOnnxException e) {
            throw new BundleRefusedException(reasonFor(e.hazard()), e.getMessage(), e);
        }
    }

    private static RefusalReason reasonFor(UnsafeOnnxException.Hazard hazard) {
        return switch (hazard) {
            case MALFORMED -> RefusalReason.ONNX_MALFORMED;
            case TOO_LARGE -> RefusalReason.ONNX_TOO_LARGE;
            case EXTERNAL_DATA -> RefusalReason.ONNX_EXTERNAL_DATA;
            case CUSTOM_DOMAIN -> RefusalReason.ONNX_CUSTOM_DOMAIN;
        };
    }

    private OnnxModel load(ModelBundle bundle) throws BundleRefusedException {
        try {
            return OnnxModel.load(bundle, provider);
        } catch (OrtException | RuntimeException e) {
            throw new BundleRefusedException(
                    RefusalReason.LOAD_FAILED, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    private static void checkContract(OnnxModel model, ModelBundle bundle) throws BundleRefusedException {
        int features = bundle.getFeatureNames().size();
        try {
            OrtSession session = model.session();
            expect(session.getInputInfo(), ModelContract.INPUT, 2, features * bundle.getWindowLength());
            expect(session.getOutputInfo(), ModelContract.SCORE, 1, -1);
            expect(session.getOutputInfo(), ModelContract.FEATURE_ERROR, 2, features);
            expect(session.getOutputInfo(), ModelContract.RECONSTRUCTION, 2, features);
        } catch (OrtException e) {
            throw new BundleRefusedException(RefusalReason.CONTRACT_MISMATCH, e.getMessage(), e);
        }
    }

    private static void expect(Map<String, NodeInfo> nodes, String name, int rank, long width)
            throws BundleRefusedException {
        NodeInfo node = nodes.get(name);
        if (node == null || !(node.getInfo() instanceof TensorInfo info)) {
            throw new BundleRefusedException(RefusalReason.CONTRACT_MISMATCH, "no tensor named " + name);
        }
        long[] shape = info.getShape();
        boolean widthOk = rank < 2 || shape.length < 2 || shape[1] == width || shape[1] < 0;
        if (info.type != OnnxJavaType.FLOAT || shape.length != rank || !widthOk) {
            throw new BundleRefusedException(
                    RefusalReason.CONTRACT_MISMATCH,
                    name + " is " + info + ", expected float rank " + rank + (rank == 2 ? " width " + width : ""));
        }
    }

    private void checkProbe(OnnxModel model, ModelBundle bundle) throws BundleRefusedException {
        float[] scores = probeScores(model, bundle);
        var expected = bundle.getProbe().getScores();
        for (int row = 0; row < scores.length; row++) {
            double want = expected.get(row);
            if (!Float.isFinite(scores[row])) {
                throw new BundleRefusedException(
                        RefusalReason.PROBE_NON_FINITE, "probe row " + row + " scored " + scores[row]);
            }
            if (Math.abs(scores[row] - want) > tolerance * Math.max(1.0, Math.abs(want))) {
                throw new BundleRefusedException(
                        RefusalReason.PROBE_MISMATCH,
                        "probe row " + row + " scored " + scores[row] + ", expected " + want);
            }
        }
    }

    private static float[] probeScores(OnnxModel model, ModelBundle bundle) throws BundleRefusedException {
        var probe = bundle.getProbe();
        float[] inputs = new float[probe.getInputs().size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = probe.getInputs().get(i);
        }
        long[] shape = {probe.getRows(), inputs.length / probe.getRows()};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs), shape);
                OrtSession.Result result = model.session().run(Map.of(ModelContract.INPUT, input))) {
            var score = (OnnxTensor) result.get(ModelContract.SCORE).orElseThrow();
            float[] out = new float[probe.getRows()];
            score.getFloatBuffer().get(out);
            return out;
        } catch (OrtException | RuntimeException e) {
            throw new BundleRefusedException(
                    RefusalReason.PROBE_NON_FINITE, "probe failed to run: " + e.getMessage(), e);
        }
    }
}
