package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ModelHolder} per model group: each group's model is validated against, and swapped
 * independently of, the others, so a bundle for one group never disturbs another. The groups are
 * fixed when the registry is built (by configuration); a single-group detector has one.
 */
public final class GroupModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupModels.class);

    private final Map<String, ModelHolder> holders;
    private final boolean single;

    /** A registry of {@code holders}, in the order given (the first is the primary group). */
    public GroupModels(Map<String, ModelHolder> holders) {
        this(holders, false);
    }

    private GroupModels(Map<String, ModelHolder> holders, boolean single) {
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("a detector serves at least one group");
        }
        this.holders = new LinkedHashMap<>(holders);
        this.single = single;
    }

    /** A holder, made by {@code newHolder}, for each of {@code groups}. */
    public static GroupModels of(List<String> groups, Function<String, ModelHolder> newHolder) {
        Map<String, ModelHolder> holders = new LinkedHashMap<>();
        groups.forEach(group -> holders.put(group, newHolder.apply(group)));
        return new GroupModels(holders);
    }

    /**
     * The registry of a single-group detector: {@code holder} serves {@code group} (may be empty) and
     * is offered every bundle, whatever its group, exactly as before groups existed.
     */
    public static GroupModels single(String group, ModelHolder holder) {
        return new GroupModels(Map.of(group, holder), true);
    }

    /** Whether this is the registry of a single-group detector. */
    public boolean isSingle() {
        return single;
    }

    /** The groups, in configuration order. */
    public List<String> groups() {
        return List.copyOf(holders.keySet());
    }

    /** The holder of {@code group}. */
    public ModelHolder holder(String group) {
        ModelHolder holder = holders.get(group);
        if (holder == null) {
            throw new IllegalArgumentException("no model group " + group + "; the groups are " + groups());
        }
        return holder;
    }

    /** The holder of the first group: the only one of a single-group detector. */
    public ModelHolder primary() {
        return holders.values().iterator().next();
    }

    /** The groups no model serves yet. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        holders.forEach((group, holder) -> {
            if (holder.current().isEmpty()) {
                missing.add(group);
            }
        });
        return missing;
    }

    /**
     * Offers {@code bundle} to the holder of its group, which validates it against that group's model
     * only; a bundle of a group this detector does not serve is ignored (false). A single-group
     * registry offers every bundle to its one holder.
     */
    public boolean offer(ModelBundle bundle) {
        ModelHolder holder = single ? primary() : holders.get(bundle.getGroup());
        if (holder == null) {
            LOG.warn("Ignored model {}:{}: not one of the groups {}", bundle.getGroup(), bundle.getVersion(), groups());
            return false;
        }
        return holder.offer(bundle);
    }

    /** Closes every holder; sessions close once their in-flight leases are closed. */
    @Override
    public void close() {
        holders.values().forEach(ModelHolder::close);
    }
}
