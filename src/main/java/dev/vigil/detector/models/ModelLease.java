package dev.vigil.detector.models;

/** One user's hold on a model: the session stays open until every lease is closed. */
public final class ModelLease implements AutoCloseable {
    private final OnnxModel model;
    private boolean closed;

    ModelLease(OnnxModel model) {
        this.model = model;
    }

    /** The model held. */
    public OnnxModel model() {
        return model;
    }

    /** Model identity and thresholds. */
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            model.release();
        }
    }
}
