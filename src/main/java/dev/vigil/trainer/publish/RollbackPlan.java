package dev.vigil.trainer.publish;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.avro.ModelBundle;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Chooses what a rollback republishes: the requested version, or by default the highest version
 * older than the one in use. The chosen bundle comes back with {@code rollback=true} and without
 * signature (the flag is covered by the signature, so the caller re-signs it).
 */
public final class RollbackPlan {
    private RollbackPlan() {}

    /**
     * @param history every published bundle of the group, any order
     * @param current the bundle in use now
     * @param to the version to return to, or empty for the previous one
     * @throws IllegalArgumentException if that version was never published or no older one exists
     */
    public static ModelBundle choose(List<ModelBundle> history, ModelBundle current, OptionalLong to) {
        ModelBundle target = to.isPresent() ? requested(history, to.getAsLong()) : previous(history, current);
        if (target.getVersion() == current.getVersion()) {
            throw new IllegalArgumentException(
                    "version " + target.getVersion() + " of " + current.getGroup() + " is already in use");
        }
        ModelBundle rollback = BundleSigning.unsigned(target);
        rollback.setRollback(true);
        return rollback;
    }

    private static ModelBundle requested(List<ModelBundle> history, long version) {
        return history.stream()
                .filter(b -> b.getVersion() == version)
                .reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalArgumentException("version " + version + " was never published"));
    }

    private static ModelBundle previous(List<ModelBundle> history, ModelBundle current) {
        return history.stream()
                .filter(b -> b.getVersion() < current.getVersion())
                .max(Comparator.comparingLong(ModelBundle::getVersion))
                .orElseThrow(() -> new IllegalArgumentException("no version of " + current.getGroup() + " older than v"
                        + current.getVersion() + " was published"));
    }
}
