package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.publish.BundlePublisher;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shadow stage of one group's gate: a candidate the offline gate accepted is published, signed,
 * to the shadow topic; the detectors score it beside the live model and count into the stats
 * topic; {@link ShadowGate} then promotes or rejects it on those counts, and a candidate that waits
 * longer than {@code gate.shadow.timeout} is withdrawn. Used by the service's thread only.
 */
final class ShadowPromotion implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowPromotion.class);

    private final ShadowGate gate;
    private final Duration timeout;
    private final String topic;
    private final String group;
    private final BundlePublisher publisher;
    private final ShadowStatsReader stats;
    private final TrainerEvents events;
    private ModelBundle candidate;
    private long since;
    private long highestVersion;
    private ShadowTally reported = ShadowTally.EMPTY;

    ShadowPromotion(TrainerServiceConfig config, BundlePublisher publisher, TrainerEvents events) {
        this.gate = config.shadowGate();
        this.timeout = config.duration(TrainerServiceConfig.GATE_SHADOW_TIMEOUT);
        this.topic = config.getString(TrainerServiceConfig.MODELS_SHADOW_TOPIC);
        this.group = config.getString(TrainerServiceConfig.MODEL_GROUP);
        this.publisher = publisher;
        this.stats = new ShadowStatsReader(
                config.kafkaClient(), config.getString(TrainerServiceConfig.SHADOW_STATS_TOPIC), group);
        this.events = events;
    }

    /** Whether accepted candidates go through this stage ({@code gate.shadow.min.readings > 0}). */
    boolean enabled() {
        return gate.enabled();
    }

    /** Whether a candidate is waiting for its live readings. */
    boolean waiting() {
        return candidate != null;
    }

    /** The highest version this stage published as shadow (0 when none): versions are never reused. */
    long highestVersion() {
        return highestVersion;
    }

    /**
     * Takes up the candidate found on the shadow topic at start (newer than the live {@code
     * liveVersion}), counting its readings from when it was made.
     */
    void resume(ModelBundle onTopic, long liveVersion) {
        highestVersion = Math.max(highestVersion, onTopic.getVersion());
        if (enabled() && onTopic.getVersion() > liveVersion) {
            LOG.info("Resuming shadow candidate {} v{}", group, onTopic.getVersion());
            follow(onTopic, System.currentTimeMillis());
        }
    }

    /** Publishes a signed, offline-accepted candidate as shadow and starts counting its live readings. */
    void start(ModelBundle signed, long nowMs) {
        publisher.publishShadow(signed, topic);
        highestVersion = Math.max(highestVersion, signed.getVersion());
        events.shadowPublished(signed);
        follow(signed, nowMs);
    }

    private void follow(ModelBundle bundle, long nowMs) {
        candidate = bundle;
        since = nowMs;
        reported = ShadowTally.EMPTY;
        long createdAt =
                bundle.getCreatedAt() == null ? nowMs : bundle.getCreatedAt().toEpochMilli();
        stats.follow(bundle.getVersion(), Math.min(createdAt, nowMs));
    }

    /**
     * Reads the newest counts and judges the waiting candidate: returns it when it is to be promoted
     * (the caller publishes it live); withdraws it from the shadow topic when rejected or timed out.
     */
    Optional<ModelBundle> step(long nowMs) {
        if (candidate == null) {
            return Optional.empty();
        }
        ShadowTally tally = stats.poll();
        if (!tally.equals(reported)) {
            reported = tally;
            events.shadowProgress(candidate.getVersion(), tally);
        }
        ShadowGate.Decision decision = gate.judge(tally);
        if (decision.outcome() == ShadowGate.Outcome.WAIT && nowMs - since > timeout.toMillis()) {
            decision = new ShadowGate.Decision(
                    ShadowGate.Outcome.REJECT, "timed out after " + timeout + ": " + decision.reason(), tally);
        }
        return decision.outcome() == ShadowGate.Outcome.WAIT ? Optional.empty() : decide(decision);
    }

    private Optional<ModelBundle> decide(ShadowGate.Decision decision) {
        ModelBundle decided = candidate;
        candidate = null;
        stats.stop();
        publisher.withdrawShadow(group, topic);
        events.shadowDecided(decided.getVersion(), decision);
        boolean promote = decision.outcome() == ShadowGate.Outcome.PROMOTE;
        LOG.info(
                "Shadow stage {} {} v{}: {}",
                promote ? "promotes" : "rejects",
                group,
                decided.getVersion(),
                decision.reason());
        return promote ? Optional.of(decided) : Optional.empty();
    }

    /** Interrupts a poll from another thread. */
    void wakeup() {
        stats.wakeup();
    }

    @Override
    public void close() {
        stats.close();
    }
}
