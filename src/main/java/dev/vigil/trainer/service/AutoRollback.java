package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.RollbackPlan;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic rollback of one group: follows the live verdicts of the scored records the service
 * reads ({@link RollbackWatch}) and, once a newly promoted model (whoever published it; never a
 * rollback bundle) has scored {@code rollback.window} readings with an anomaly rate beyond
 * {@link RollbackRule}'s limit, picks the version that scored before it ({@link RollbackPlan}) and
 * hands it back, flagged rollback, with a new version, for the caller to sign and publish.
 */
final class AutoRollback {
    private static final Logger LOG = LoggerFactory.getLogger(AutoRollback.class);

    private final RollbackWatch watch;
    private final BundleHistory history;
    private final String group;

    AutoRollback(RollbackRule rule, BundleHistory history, String group) {
        this.watch = new RollbackWatch(rule);
        this.history = history;
        this.group = group;
    }

    /** A scored record of this group: its verdict counts for the version that scored it. */
    void observe(ScoredReading scored) {
        Long version = scored.getModelVersion();
        if (version != null && scored.getVerdict() != Verdict.WARMING_UP) {
            watch.observe(version, scored.getVerdict() == Verdict.ANOMALOUS);
        }
    }

    /** Whether records scored by a version newer than {@code current} were seen (time to refresh it). */
    boolean newerThan(ModelBundle current) {
        return current != null && watch.newestSeen() > current.getVersion();
    }

    /**
     * A rollback due: {@code bundle} (the previous model's, flagged rollback, with its new version,
     * unsigned) replaces version {@code from}, for {@code decision}'s reason.
     */
    record Rollback(long from, ModelBundle bundle, RollbackRule.Decision decision) {}

    /**
     * The rollback of {@code current}, the model in use, when it is due, as version {@code newVersion}.
     * Empty while the decision waits, and when it keeps the model.
     */
    Optional<Rollback> due(ModelBundle current, LongSupplier newVersion) {
        if (current == null) {
            return Optional.empty();
        }
        if (current.getRollback()) {
            watch.skip(current.getVersion());
            return Optional.empty();
        }
        Optional<RollbackRule.Decision> decision = watch.judge(current.getVersion());
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        if (!decision.get().rollBack()) {
            LOG.info(
                    "Model {} v{} stays: {}",
                    group,
                    current.getVersion(),
                    decision.get().reason());
            return Optional.empty();
        }
        return plan(current, newVersion.getAsLong(), decision.get())
                .map(bundle -> new Rollback(current.getVersion(), bundle, decision.get()));
    }

    private Optional<ModelBundle> plan(ModelBundle current, long newVersion, RollbackRule.Decision decision) {
        Optional<Long> previous = watch.previous(current.getVersion());
        try {
            OptionalLong to = previous.map(OptionalLong::of).orElse(OptionalLong.empty());
            ModelBundle back = RollbackPlan.choose(history.versions(group), current, to);
            LOG.warn(
                    "Rolling back {} v{} to the bundle of v{} (republished as v{}): {}",
                    group,
                    current.getVersion(),
                    back.getVersion(),
                    newVersion,
                    decision.reason());
            back.setVersion(newVersion);
            return Optional.of(back);
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "Model {} v{} should be rolled back ({}) but cannot: {}",
                    group,
                    current.getVersion(),
                    decision.reason(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
