package dev.vigil.detector.scoring;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.vigil.contract.ModelContract;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.models.ModelLease;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores up to {@code capacity} feature vectors per ONNX Runtime call over tensors allocated once:
 * the input tensor wraps a reused direct buffer (no copy) and the outputs are pre-allocated and
 * pinned, so the hot path creates no tensors. Every call runs the full capacity (unused rows keep
 * stale, finite values) so the shapes never change. One instance per thread; not thread-safe.
 */
public final class BatchScorer implements AutoCloseable {
    private final FeatureLayout layout;
    private final int capacity;
    private final FloatBuffer input;
    private final FloatBuffer scores;
    private final FloatBuffer errors;
    private final FloatBuffer reconstructions;
    private final FloatBuffer t2;
    private final FloatBuffer q;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    /** {@link #outputs} plus the statistics of a model that has them. */
    private final Map<String, OnnxTensor> outputsWithStatistics;

    public BatchScorer(FeatureLayout layout, int capacity) throws OrtException {
        this.layout = layout;
        this.capacity = capacity;
        int f = layout.features();
        this.input = direct(capacity * layout.inputWidth());
        this.scores = direct(capacity);
        this.errors = direct(capacity * f);
        this.reconstructions = direct(capacity * f);
        this.t2 = direct(capacity);
        this.q = direct(capacity);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        this.inputs = Map.of(
                ModelContract.INPUT, OnnxTensor.createTensor(env, input, new long[] {capacity, layout.inputWidth()}));
        this.outputs = Map.of(
                ModelContract.SCORE, OnnxTensor.createTensor(env, scores, new long[] {capacity}),
                ModelContract.FEATURE_ERROR, OnnxTensor.createTensor(env, errors, new long[] {capacity, f}),
                ModelContract.RECONSTRUCTION, OnnxTensor.createTensor(env, reconstructions, new long[] {capacity, f}));
        Map<String, OnnxTensor> withStatistics = new java.util.HashMap<>(outputs);
        withStatistics.put(ModelContract.T2, OnnxTensor.createTensor(env, t2, new long[] {capacity}));
        withStatistics.put(ModelContract.Q, OnnxTensor.createTensor(env, q, new long[] {capacity}));
        this.outputsWithStatistics = Map.copyOf(withStatistics);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** Rows per call. */
    public int capacity() {
        return capacity;
    }

    /** Scores {@code batch} (at most {@link #capacity()} vectors) with the leased model, in order. */
    public List<Scored> score(ModelLease lease, List<FeatureVector> batch) throws OrtException {
        if (batch.size() > capacity) {
            throw new IllegalArgumentException(batch.size() + " vectors exceed the batch capacity " + capacity);
        }
        for (int row = 0; row < batch.size(); row++) {
            input.put(row * layout.inputWidth(), batch.get(row).input());
        }
        boolean statistics = lease.model().hasStatistics();
        lease.model().run(inputs, statistics ? outputsWithStatistics : outputs);
        Scored.BatchOutputs perFeature = new Scored.BatchOutputs(
                copy(errors, batch.size() * layout.features()),
                copy(reconstructions, batch.size() * layout.features()),
                layout.features(),
                statistics ? new Scored.Statistics(copy(t2, batch.size()), copy(q, batch.size())) : null);
        List<Scored> out = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            FeatureVector vector = batch.get(row);
            out.add(new Scored(vector.reading(), vector.input(), scores.get(row), perFeature, row, lease.info()));
        }
        return out;
    }

    /** The first {@code floats} values of an output buffer, copied in one go (the buffer is reused). */
    private static float[] copy(FloatBuffer buffer, int floats) {
        float[] out = new float[floats];
        buffer.get(0, out);
        return out;
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        outputsWithStatistics.values().forEach(OnnxTensor::close);
    }
}
