package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.events.DetectorEvents;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model in service and its atomic, reference-counted hot swap. Scorers {@link #acquire()} a lease
 * per batch, so a record is scored wholly by one model; a swap publishes the new model at once and
 * drops the holder's reference to the old one, whose session closes when its last lease is closed.
 */
public final class ModelHolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);

    private final AtomicReference<OnnxModel> current = new AtomicReference<>();
    private final BundleValidator validator;
    private final DetectorEvents events;
    private final String role;

    public ModelHolder(BundleValidator validator, DetectorEvents events) {
        this(validator, events, "Model");
    }

    /** A holder whose log lines name what it holds as {@code role} (e.g. "Shadow candidate"). */
    public ModelHolder(BundleValidator validator, DetectorEvents events, String role) {
        this.validator = validator;
        this.events = events;
        this.role = role;
    }

    /** A lease on the model in service; close it when the batch is done. */
    public ModelLease acquire() {
        while (true) {
            OnnxModel model = current.get();
            if (model == null) {
                throw new IllegalStateException("no model is loaded");
            }
            if (model.tryRetain()) {
                return new ModelLease(model);
            }
        }
    }

    /** The model in service, if any. */
    public Optional<ModelInfo> current() {
        OnnxModel model = current.get();
        return model == null ? Optional.empty() : Optional.of(model.info());
    }

    /**
     * Validates {@code bundle} and swaps it in.
     *
     * @throws BundleRefusedException if it fails validation; the old model keeps serving
     */
    public synchronized ModelInfo apply(ModelBundle bundle) throws BundleRefusedException {
        try {
            OnnxModel model = validator.validate(bundle, current().orElse(null));
            OnnxModel old = current.getAndSet(model);
            if (old != null) {
                old.release();
            }
            LOG.info(
                    "{} {} now scores{}",
                    role,
                    model.info().label(),
                    old == null ? "" : " (replaced " + old.info().label() + ")");
            events.modelApplied(bundle.getGroup(), bundle.getVersion(), bundle.getCreatedAt());
            return model.info();
        } catch (BundleRefusedException e) {
            LOG.warn(
                    "Refused {} {}:{}: {}",
                    role.toLowerCase(java.util.Locale.ROOT),
                    bundle.getGroup(),
                    bundle.getVersion(),
                    e.getMessage());
            events.modelRefused(
                    bundle.getGroup(), bundle.getVersion(), e.reason().name(), e.getMessage());
            throw e;
        }
    }

    /** Like {@link #apply} but reports a refusal by returning false (it is logged and sent to events). */
    public boolean offer(ModelBundle bundle) {
        try {
            apply(bundle);
            return true;
        } catch (BundleRefusedException e) {
            return false;
        }
    }

    /**
     * Counts bytes a bundle source could not decode as a bundle as an {@link RefusalReason#UNREADABLE}
     * refusal (version -1: there is none). The source logs it, with where the bytes were; the model in
     * service keeps serving.
     *
     * @param group the group the bytes claim (a record key), or null
     */
    public void unreadable(String group, String problem) {
        events.modelRefused(group, -1, RefusalReason.UNREADABLE.name(), problem);
    }

    /** Drops the model in service; its session closes once in-flight leases are closed. */
    @Override
    public synchronized void close() {
        OnnxModel old = current.getAndSet(null);
        if (old != null) {
            old.release();
        }
    }
}
