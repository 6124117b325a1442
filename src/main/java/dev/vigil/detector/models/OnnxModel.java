package dev.vigil.detector.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.avro.ModelBundle;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bundle's ONNX Runtime session (intra- and inter-op threads 1, spinning off), shared by all
 * threads, with reference-counted closing after {@code ai.onnxruntime.NativeObject}: the creator
 * holds one reference; {@link #tryRetain()} adds one for each in-flight user; the session is closed
 * when the last reference is released, never while a {@code run} is in progress.
 */
public final class OnnxModel {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final OrtSession session;
    private final ModelInfo info;
    private final AtomicInteger references = new AtomicInteger(1);
    private final boolean statistics;

    private OnnxModel(OrtSession session, ModelInfo info) throws OrtException {
        this.session = session;
        this.info = info;
        this.statistics = session.getOutputNames().containsAll(java.util.List.of(ModelContract.T2, ModelContract.Q));
    }

    /** Loads the bundle's ONNX bytes into a new CPU session. */
    public static OnnxModel load(ModelBundle bundle) throws OrtException {
        return load(bundle, ExecutionProvider.CPU);
    }

    /** Loads the bundle's ONNX bytes into a new session on {@code provider}. */
    public static OnnxModel load(ModelBundle bundle, ExecutionProvider provider) throws OrtException {
        try (OrtSession.SessionOptions options = options(provider)) {
            byte[] onnx = new byte[bundle.getOnnx().remaining()];
            bundle.getOnnx().duplicate().get(onnx);
            return new OnnxModel(OrtEnvironment.getEnvironment().createSession(onnx, options), ModelInfo.of(bundle));
        }
    }

    private static OrtSession.SessionOptions options(ExecutionProvider provider) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        provider.addTo(options);
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    /** Model identity, thresholds and layout. */
    public ModelInfo info() {
        return info;
    }

    /** The session, for contract checks in {@link BundleValidator}. */
    OrtSession session() {
        return session;
    }

    /**
     * Whether the model also outputs {@value ModelContract#T2} and {@value ModelContract#Q} (a PCA
     * model): each statistic divided by its limit, which an alert reports as contributors.
     */
    public boolean hasStatistics() {
        return statistics;
    }

    /** Runs the model writing into pre-allocated outputs; the caller holds a reference. */
    public void run(Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs) throws OrtException {
        session.run(inputs, outputs).close();
    }

    /** Adds a reference unless the model is already closed; true if it was added. */
    boolean tryRetain() {
        int current;
        do {
            current = references.get();
            if (current <= 0) {
                return false;
            }
        } while (!references.compareAndSet(current, current + 1));
        return true;
    }

    /** Drops a reference; the last one closes the session. */
    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            closeSession();
        } else if (left < 0) {
            throw new IllegalStateException("model " + info.label() + " released more often than retained");
        }
    }

    /** Whether the session has been closed. */
    public boolean isClosed() {
        return references.get() <= 0;
    }

    private void closeSession() {
        try {
            session.close();
            LOG.info("Closed ONNX Runtime session of model {}", info.label());
        } catch (OrtException e) {
            LOG.warn("Closing the session of model {} failed", info.label(), e);
        }
    }

    /** Names of the outputs the detector reads, in contract order. */
    static String[] outputNames() {
        return new String[] {ModelContract.SCORE, ModelContract.FEATURE_ERROR, ModelContract.RECONSTRUCTION};
    }
}
