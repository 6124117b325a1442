package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.ForwardingDetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shadow candidate of every model group, beside its live model in {@link GroupModels}: one more
 * {@link ModelHolder} per group, validated like a live bundle (signature, SHA-256, ONNX Runtime load,
 * probe) and also required to match the live model's features and window and to be newer than it.
 * A candidate is scored only while it is newer than the live model: once promoted (the same version
 * goes live) or withdrawn (a tombstone on the shadow topic) it stops. Nothing here affects the live
 * holders.
 */
public final class ShadowModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowModels.class);

    /** No shadow scoring at all. */
    public static final ShadowModels NONE = new ShadowModels(null, Map.of(), DetectorEvents.NOOP);

    private final GroupModels live;
    private final Map<String, ModelHolder> shadows;
    private final DetectorEvents events;

    private ShadowModels(GroupModels live, Map<String, ModelHolder> shadows, DetectorEvents events) {
        this.live = live;
        this.shadows = shadows;
        this.events = events;
    }

    /**
     * An empty shadow holder per group of {@code live}, made by {@code newHolder} from the listener it
     * must report to (which turns its swaps into {@link DetectorEvents#shadowApplied} events).
     */
    public static ShadowModels of(
            GroupModels live, Function<DetectorEvents, ModelHolder> newHolder, DetectorEvents events) {
        Map<String, ModelHolder> shadows = new LinkedHashMap<>();
        for (String group : live.groups()) {
            shadows.put(group, newHolder.apply(shadowEvents(events)));
        }
        return new ShadowModels(live, shadows, events);
    }

    /** Whether any group may have a shadow candidate. */
    public boolean enabled() {
        return !shadows.isEmpty();
    }

    /**
     * Offers a shadow candidate to the holder of its group (the one holder of a single-group
     * detector); false when it is not for a group served here, not newer than the live model, laid
     * out differently, or refused by validation.
     */
    public boolean offer(ModelBundle bundle) {
        String group = groupOf(bundle.getGroup());
        ModelHolder holder = group == null ? null : shadows.get(group);
        Optional<ModelInfo> current =
                holder == null ? Optional.empty() : live.holder(group).current();
        if (current.isEmpty()) {
            LOG.info(
                    "Ignored shadow candidate {}:{}: no live model of that group here",
                    bundle.getGroup(),
                    bundle.getVersion());
            return false;
        }
        Optional<String> problem = mismatch(bundle, current.get());
        if (problem.isPresent()) {
            LOG.warn("Ignored shadow candidate {}:{}: {}", bundle.getGroup(), bundle.getVersion(), problem.get());
            return false;
        }
        return holder.offer(bundle);
    }

    private static Optional<String> mismatch(ModelBundle bundle, ModelInfo live) {
        if (bundle.getVersion() <= live.version()) {
            return Optional.of("not newer than the live v" + live.version());
        }
        var layout = new FeatureLayout(bundle.getFeatureNames(), bundle.getWindowLength());
        if (!layout.equals(live.layout())) {
            return Optional.of("its features/window " + layout + " differ from the live model's " + live.layout());
        }
        return Optional.empty();
    }

    /** Withdraws the shadow candidate of {@code key}'s group (a tombstone on the shadow topic). */
    public void withdraw(String key) {
        String group = groupOf(key);
        ModelHolder holder = group == null ? null : shadows.get(group);
        if (holder != null && holder.current().isPresent()) {
            LOG.info("Shadow candidate {} withdrawn", holder.current().get().label());
            holder.close();
            events.shadowCleared(group);
        }
    }

    /**
     * A lease on the shadow candidate of {@code group} when there is one newer than {@code liveVersion};
     * the caller closes it.
     */
    public Optional<ModelLease> lease(String group, long liveVersion) {
        ModelHolder holder = shadows.get(group);
        if (holder == null) {
            return Optional.empty();
        }
        Optional<ModelInfo> shadow = holder.current();
        if (shadow.isEmpty() || shadow.get().version() <= liveVersion) {
            return Optional.empty();
        }
        try {
            return Optional.of(holder.acquire());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The shadow candidate of {@code group}, if any. */
    public Optional<ModelInfo> current(String group) {
        ModelHolder holder = shadows.get(group);
        return holder == null ? Optional.empty() : holder.current();
    }

    /** The group a bundle or record key of {@code group} belongs to here, or null. */
    private String groupOf(String group) {
        if (live.isSingle()) {
            return live.groups().get(0);
        }
        return shadows.containsKey(group) ? group : null;
    }

    private static DetectorEvents shadowEvents(DetectorEvents events) {
        return new ForwardingDetectorEvents(DetectorEvents.NOOP) {
            @Override
            public void modelApplied(String group, long version, Instant createdAt) {
                events.shadowApplied(group, version);
            }
        };
    }

    @Override
    public void close() {
        shadows.values().forEach(ModelHolder::close);
    }
}
