package dev.vigil.evaluate;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.service.Admission;
import dev.vigil.trainer.service.DriftMonitor;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.RecentNormalData;
import dev.vigil.trainer.service.RetrainSchedule;
import dev.vigil.trainer.service.Retraining;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live loop, replayed: the entity's test rows stream through the detector while the trainer
 * service's own logic keeps its model fresh. The service's {@link RecentNormalData} collects what the
 * detector judged normal (starting from the rows the first model was trained on, as the service's
 * bootstrap does), its {@link DriftMonitor} watches the scores, its {@link RetrainSchedule} decides
 * when to train in event time, and {@link Retraining} trains and gates a candidate; an accepted one
 * is hot-swapped into the running topology. No label is read. Rows go in chunks of {@value #CHUNK};
 * a retraining runs between chunks.
 */
final class OnlineReplay extends DetectorReplay {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineReplay.class);
    static final int CHUNK = 32;

    private final OnlineSettings settings;
    private final TrainerConfig trainer;

    OnlineReplay(Map<String, String> detectorOverrides, OnlineSettings settings, TrainerConfig trainer) {
        super(detectorOverrides);
        this.settings = settings;
        this.trainer = trainer;
    }

    @Override
    ReplayOutput run(ReplaySession session, ModelBundle first, EntityData entity)
            throws IOException, BundleRefusedException {
        TrainerServiceConfig service = settings.serviceConfig(entity, trainer);
        Loop loop = new Loop(session, service, first, entity);
        ReplayOutput out = new ReplayOutput(entity.labels().length);
        session.warmUp(first.getWindowLength() - 1);
        for (int from = 0; from < entity.test().length; from += CHUNK) {
            int to = Math.min(entity.test().length, from + CHUNK);
            session.sendTestRows(from, to);
            session.flush();
            loop.follow(session.drain(out));
            loop.retrainIfDue(to - 1, out);
        }
        return out;
    }

    /** The trainer service's state for one entity's replay. */
    private final class Loop {
        private final ReplaySession session;
        private final EntityData entity;
        private final RecentNormalData collection;
        private final DriftMonitor drift;
        private final RetrainSchedule schedule;
        private final Retraining retraining;
        private ModelBundle current;
        private final Map<Admission, Integer> admissions = new EnumMap<>(Admission.class);

        Loop(ReplaySession session, TrainerServiceConfig service, ModelBundle first, EntityData entity) {
            this.session = session;
            this.entity = entity;
            this.current = first;
            this.collection = service.newCollection(first.getFeatureNames());
            this.drift = service.newDriftMonitor();
            this.schedule = service.newSchedule();
            this.retraining = new Retraining(
                    service, new ModelTrainerCandidates(new ModelTrainer(), trainer), TrainerEvents.NONE);
            bootstrap();
        }

        /** The first model's training rows, as the service collected them before it trained it. */
        private void bootstrap() {
            for (int i = 0; i < entity.train().length; i++) {
                collection.offer(
                        ReplaySession.reading(entity, "train-" + i, entity.train()[i], entity.trainTimestamps()[i]));
            }
            drift.follow(current.getVersion(), current.getValidationQuantiles());
            schedule.attempted(entity.testTimestamps()[0]);
        }

        void follow(ReplaySession.Drained drained) {
            for (ScoredReading scored : drained.scored()) {
                admissions.merge(collection.offer(scored), 1, Integer::sum);
                if (scored.getScore() != null && scored.getModelVersion() != null) {
                    drift.observe(scored.getScore(), scored.getModelVersion());
                }
            }
            for (AnomalyAlert alert : drained.alerts()) {
                collection.onAlert(alert);
            }
        }

        void retrainIfDue(int row, ReplayOutput out) throws BundleRefusedException {
            long now = entity.testTimestamps()[row];
            Optional<RetrainSchedule.Reason> due = schedule.due(now, true, drift.drifted());
            if (due.isEmpty()) {
                return;
            }
            schedule.attempted(now);
            long version = current.getVersion() + 1;
            Retraining.Attempt attempt = retraining.attempt(
                    collection.features(), collection.segments(), current, current.getGroup(), version, due.get());
            if (attempt.publishable().isPresent()) {
                current = attempt.publishable().get();
                session.swap(current);
                drift.follow(current.getVersion(), current.getValidationQuantiles());
            }
            out.retrain(new Retrain(
                    row, now, due.get().name(), version, attempt.publishable().isPresent(), attempt.reason()));
            LOG.info(
                    "{}: retraining v{} after row {} ({}; {} records collected; test rows offered so far: {}): {}",
                    entity.name(),
                    version,
                    row,
                    due.get(),
                    collection.size(),
                    admissions,
                    attempt.publishable().isPresent() ? "swapped in" : attempt.reason());
        }
    }
}
