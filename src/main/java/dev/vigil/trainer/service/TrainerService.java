package dev.vigil.trainer.service;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.FeedbackRows;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuously running trainer: follows {@code vigil.scored}, {@code vigil.alerts} and {@code
 * vigil.feedback} into the
 * recent-normal collection and the drift monitor ({@link StreamCollector}), and on schedule, on
 * drift, or at once when the group has no model, runs a {@link TrainingRun} and publishes the
 * accepted candidate, signed when a key is configured, as version max(published)+1. One thread;
 * {@link #close()} stops it.
 */
public final class TrainerService implements TrainerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);
    private static final long REFRESH_MS = 30_000;

    private final TrainerServiceConfig config;
    private final Clock clock;
    private final TrainerEvents events;
    private final String group;
    private final BundleHistory history;
    private final BundlePublisher publisher;
    private final Optional<KeyPair> signer;
    private final Retraining retraining;
    private final RetrainSchedule schedule;
    private final Bootstrap bootstrap;
    private final StreamCollector stream;
    private final ShadowPromotion shadow;
    private final AutoRollback rollback;
    private final String shadowTopic;
    private final BrokerContact broker = new BrokerContact();
    private ModelBundle current;
    private boolean shadowResumed;
    private long lastRefresh = Long.MIN_VALUE;
    private volatile boolean running = true;

    /**
     * Connects to Kafka, creating the model topics if needed, and reads the signing key.
     *
     * @throws IOException if the signing key cannot be read
     */
    public TrainerService(TrainerServiceConfig config, CandidateTrainer trainer, TrainerEvents events, Clock clock)
            throws IOException {
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.group = config.getString(TrainerServiceConfig.MODEL_GROUP);
        ModelTopics topics = new ModelTopics(
                config.getString(TrainerServiceConfig.MODELS_TOPIC),
                config.getString(TrainerServiceConfig.MODELS_HISTORY_TOPIC));
        this.history = new BundleHistory(config.kafkaClient(), topics);
        this.signer = readSigner(config);
        this.publisher = new BundlePublisher(
                config.kafkaClient(), topics, config.getShort(TrainerServiceConfig.MODELS_REPLICATION));
        this.retraining = new Retraining(config, trainer, events);
        this.schedule = config.newSchedule();
        this.bootstrap = new Bootstrap(config);
        this.stream = new StreamCollector(config, clock, events);
        this.shadow = new ShadowPromotion(config, publisher, events);
        this.shadowTopic = config.getString(TrainerServiceConfig.MODELS_SHADOW_TOPIC);
        this.rollback = new AutoRollback(config.rollbackRule(), history, group);
        stream.onScored(rollback::observe);
    }

    private static Optional<KeyPair> readSigner(TrainerServiceConfig config) throws IOException {
        if (config.signingKey().isEmpty()) {
            LOG.warn("*** No signing.key configured: bundles are published UNSIGNED and detectors that check"
                    + " signatures will refuse them. ***");
            return Optional.empty();
        }
        KeyPair pair = SigningKeys.readPair(config.signingKey().get());
        LOG.info("Signing bundles with key {}", SigningKeys.keyId(pair.getPublic()));
        return Optional.of(pair);
    }

    /** Runs until {@link #close()}. */
    @Override
    public void run() {
        LOG.info("Trainer service for group {} starting; {}", group, config.describe());
        try {
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close();
            shadow.close();
            publisher.close();
        }
    }

    /** One iteration: refresh the model in use, consume, check drift, train if due. */
    private void step() throws InterruptedException {
        long now = clock.millis();
        if (lastRefresh == Long.MIN_VALUE || now - lastRefresh >= REFRESH_MS) {
            refreshCurrent();
            lastRefresh = now;
        }
        stream.poll();
        liveStages(now);
        if (shadow.waiting()) {
            return;
        }
        schedule.due(now, current != null, stream.drifted()).ifPresent(reason -> {
            schedule.attempted(now);
            train(reason);
            lastRefresh = Long.MIN_VALUE;
        });
    }

    /**
     * The stages after the offline gate: the shadow candidate's promotion or withdrawal, and the
     * automatic rollback of a promoted model; a model newer than the one followed is looked up at once.
     */
    private void liveStages(long now) {
        shadow.step(now).ifPresent(promoted -> {
            publishLive(promoted);
            schedule.attempted(now);
            lastRefresh = Long.MIN_VALUE;
        });
        if (rollback.newerThan(current)) {
            lastRefresh = Long.MIN_VALUE;
        }
        rollback.due(current, this::nextVersion).ifPresent(back -> {
            ModelBundle signed = sign(back.bundle());
            publisher.publish(signed);
            events.rolledBack(back.from(), signed, back.decision());
            lastRefresh = Long.MIN_VALUE;
        });
    }

    private void refreshCurrent() {
        try {
            history.current(group).ifPresent(this::follow);
            resumeShadow();
            stream.assignNewPartitions();
            broker.reached();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Cannot reach the broker; retrying in {} s: {}", REFRESH_MS / 1000, e.toString());
            broker.failed(e);
        }
    }

    /** Once, at the first refresh: a candidate left on the shadow topic by an earlier run is judged on. */
    private void resumeShadow() {
        if (!shadowResumed) {
            shadowResumed = true;
            history.lastOn(shadowTopic, group)
                    .ifPresent(b -> shadow.resume(b, current == null ? 0 : current.getVersion()));
        }
    }

    private void follow(ModelBundle bundle) {
        if (current == null || current.getVersion() != bundle.getVersion()) {
            LOG.info("Model in use for {}: v{} ({})", group, bundle.getVersion(), bundle.getVariant());
            current = bundle;
            stream.follow(bundle);
        }
    }

    private void train(RetrainSchedule.Reason reason) {
        try {
            Bootstrap.Data data = current == null ? bootstrap.data() : collected();
            long version = nextVersion();
            Retraining.Attempt attempt =
                    retraining.attempt(data.features(), data.segments(), current, group, version, reason);
            FeedbackRows rows = current == null ? null : stream.collection().feedbackEffect();
            attempt.publishable()
                    .map(b -> rows == null ? b : rows.recordedIn(b))
                    .ifPresent(this::publish);
            if (!attempt.trained()) {
                refuse(attempt.reason());
            }
        } catch (RuntimeException e) {
            LOG.error("Training run ({}) failed", reason, e);
            refuse(e.toString());
        }
    }

    /** One more than any version published, in use or shadow-scored: versions are never reused. */
    private long nextVersion() {
        long highest = Math.max(history.highestVersion(group), current == null ? -1 : current.getVersion());
        return Math.max(highest, shadow.highestVersion()) + 1;
    }

    /** The collected training data, with operators' feedback applied (logged and counted). */
    private Bootstrap.Data collected() {
        Bootstrap.Data data = Bootstrap.Data.of(stream.collection());
        FeedbackRows effect = stream.collection().feedbackEffect();
        if (!effect.equals(FeedbackRows.NONE)) {
            LOG.info(
                    "Feedback for {}: {} rows of false alarms added, {} rows of confirmed anomalies removed",
                    group,
                    effect.falseAlarmRowsAdded(),
                    effect.confirmedRowsRemoved());
        }
        events.feedbackApplied(effect);
        return data;
    }

    /**
     * Publishes a candidate the offline gate accepted: live at once when the group has no model yet or
     * the shadow stage is off, otherwise as shadow, promoted later by {@link ShadowPromotion}.
     */
    private void publish(ModelBundle bundle) {
        ModelBundle signed = sign(bundle);
        if (current != null && shadow.enabled()) {
            shadow.start(signed, clock.millis());
        } else {
            publishLive(signed);
        }
    }

    private void publishLive(ModelBundle signed) {
        publisher.publish(signed);
        events.published(signed);
    }

    private ModelBundle sign(ModelBundle bundle) {
        return signer.map(key -> BundleSigning.sign(bundle, key)).orElse(bundle);
    }

    private void refuse(String reason) {
        LOG.warn("Training run ended without publishing: {}", reason);
        events.trainingFailed(reason);
    }

    /**
     * Why the service cannot do its job now (the broker was not reached on the last refresh, every
     * 30 s); empty when it can. Safe to call from any thread.
     */
    @Override
    public Optional<String> notReadyBecause() {
        return broker.problem();
    }

    /** Stops the loop from another thread; {@link #run()} returns soon after. */
    @Override
    public void close() {
        running = false;
        stream.wakeup();
    }
}
