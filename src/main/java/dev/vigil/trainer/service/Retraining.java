package dev.vigil.trainer.service;

import dev.vigil.contract.avro.ModelBundle;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retraining of a group from the normal data collected so far, without Kafka: refuses too little
 * data, holds out the newest part of every segment ({@link HoldoutSplit}), trains a candidate per
 * variant and gates the best against the model in use ({@link TrainingRun}). The trainer service
 * publishes what it accepts; {@code vigil evaluate --online} hot-swaps it into its replay.
 */
public final class Retraining {
    private static final Logger LOG = LoggerFactory.getLogger(Retraining.class);

    private final TrainerServiceConfig config;
    private final TrainingRun run;
    private final TrainerEvents events;

    /**
     * What an attempt gave.
     *
     * @param publishable the bundle the gate accepted, if any
     * @param trained false when too little data was collected to train at all
     * @param reason why nothing was trained, or the gate's reason
     */
    public record Attempt(Optional<ModelBundle> publishable, boolean trained, String reason) {
        static Attempt notTrained(String reason) {
            return new Attempt(Optional.empty(), false, reason);
        }
    }

    /** Retraining with the service's {@code train.*}, {@code holdout.*} and {@code gate.*} settings. */
    public Retraining(TrainerServiceConfig config, CandidateTrainer trainer, TrainerEvents events) {
        this.config = config;
        this.run = new TrainingRun(trainer, config.gate(), events);
        this.events = events;
    }

    /**
     * Trains version {@code version} of {@code group} on the segments of {@code features}, gated
     * against {@code current} (null when the group has no model yet).
     */
    public Attempt attempt(
            List<String> features,
            List<Segment> segments,
            ModelBundle current,
            String group,
            long version,
            RetrainSchedule.Reason reason) {
        int rows = segments.stream().mapToInt(Segment::length).sum();
        events.trainingStarted(reason, rows);
        int needed = config.getInt(TrainerServiceConfig.TRAIN_MIN_RECORDS);
        if (rows < needed) {
            return Attempt.notTrained("only " + rows + " normal records collected, fewer than " + needed);
        }
        int window = current == null ? config.getInt(TrainerServiceConfig.WINDOW) : current.getWindowLength();
        long currentVersion = current == null ? -1 : current.getVersion();
        HoldoutSplit split = HoldoutSplit.of(
                segments, window, config.getDouble(TrainerServiceConfig.HOLDOUT_FRACTION), currentVersion);
        LOG.info(
                "Training {} v{} ({}): {} sequences, {} held-out windows",
                group,
                version,
                reason,
                split.training().size(),
                split.holdout().count());
        TrainingRun.Outcome outcome = run.run(
                split, features, window, config.getList(TrainerServiceConfig.TRAIN_VARIANTS), current, group, version);
        return new Attempt(outcome.publishable(), true, outcome.decision().reason());
    }
}
