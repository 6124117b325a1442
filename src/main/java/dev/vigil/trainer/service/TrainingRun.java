package dev.vigil.trainer.service;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retraining run: trains a candidate per variant on the training part of the split, drops those
 * that fail validation, picks the lowest validation loss, and gates it against the model in use on
 * the held-out windows. The model in use is shadow-scored with its Java forward pass rebuilt from its
 * bundle, whoever trained it; the detector's recorded scores stand in only when that import fails
 * (see {@link IncumbentScoring}).
 */
public final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final CandidateTrainer trainer;
    private final CandidateGate gate;
    private final TrainerEvents events;

    /** What a run produced: the gated candidate (if any trained soundly) and the gate's decision. */
    public record Outcome(Optional<CandidateTrainer.Trained> winner, GateDecision decision) {
        /** The bundle to publish, present only when the gate accepted a sound candidate. */
        public Optional<ModelBundle> publishable() {
            return decision.accepted() ? winner.map(CandidateTrainer.Trained::bundle) : Optional.empty();
        }
    }

    public TrainingRun(CandidateTrainer trainer, CandidateGate gate, TrainerEvents events) {
        this.trainer = trainer;
        this.gate = gate;
        this.events = events;
    }

    /**
     * @param split training sequences and held-out windows
     * @param features feature names; window the window length
     * @param variants variants to train
     * @param current the bundle of the model in use, or null
     */
    public Outcome run(
            HoldoutSplit split,
            List<String> features,
            int window,
            List<String> variants,
            ModelBundle current,
            String group,
            long version) {
        List<CandidateTrainer.Trained> sound = new ArrayList<>();
        for (String variant : variants) {
            trainSoundly(split, features, window, variant, group, version).ifPresent(sound::add);
        }
        Optional<CandidateTrainer.Trained> best = sound.stream()
                .min(Comparator.comparingDouble(c -> c.bundle().getTraining().getValidationLoss()));
        if (best.isEmpty()) {
            GateDecision none = refusedWithoutCandidate();
            events.trainingFailed(none.reason());
            return new Outcome(best, none);
        }
        GateDecision decision =
                gate.judge(split.holdout(), contender(best.get()), Incumbent.contender(current, split.holdout()));
        events.gateDecided(best.get().bundle().getVariant(), decision);
        LOG.info(
                "Gate {} {} v{}: {} (windows {}, candidate FAR {}, error {} vs current {}, current scored by {})",
                decision.accepted() ? "accepted" : "refused",
                best.get().bundle().getVariant(),
                version,
                decision.reason(),
                decision.windows(),
                decision.candidateFalseAlarmRate(),
                decision.candidateError(),
                decision.currentError(),
                decision.currentScoring());
        return new Outcome(best, decision);
    }

    private Optional<CandidateTrainer.Trained> trainSoundly(
            HoldoutSplit split, List<String> features, int window, String variant, String group, long version) {
        long start = System.nanoTime();
        try {
            CandidateTrainer.Trained candidate =
                    trainer.train(features, window, split.training(), variant, group, version);
            long millis = (System.nanoTime() - start) / 1_000_000;
            events.candidateTrained(variant, candidate.bundle().getTraining().getValidationLoss(), millis);
            Optional<String> problem = CandidateCheck.problem(candidate, features, window);
            problem.ifPresent(p -> LOG.warn("Candidate {} v{} failed validation: {}", variant, version, p));
            return problem.isPresent() ? Optional.empty() : Optional.of(candidate);
        } catch (RuntimeException e) {
            LOG.warn("Candidate {} v{} failed to train: {}", variant, version, e.toString());
            return Optional.empty();
        }
    }

    private static CandidateGate.Contender contender(CandidateTrainer.Trained candidate) {
        return new CandidateGate.Contender(
                candidate.scorer(),
                candidate.error(),
                candidate.bundle().getThresholds().getAnomaly(),
                IncumbentScoring.JAVA_FORWARD_PASS,
                ScoreSmoothing.of(candidate.bundle()));
    }

    private static GateDecision refusedWithoutCandidate() {
        return new GateDecision(
                false,
                "no candidate trained and validated",
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                IncumbentScoring.NOT_SCORED);
    }
}
