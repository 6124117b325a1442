package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.IncumbentScoring;
import dev.vigil.trainer.service.RetrainSchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrainerMetrics events = new TrainerMetrics();

    TrainerMetricsTest() {
        events.bindTo(registry);
    }

    @Test
    void everyTrainerMeterExistsBeforeTheFirstRun() {
        for (String name : MetricNames.TRAINER) {
            org.junit.jupiter.api.Assertions.assertNotNull(registry.find(name).meter(), name);
        }
    }

    private double runs(String outcome) {
        return registry.get(MetricNames.TRAINING_RUNS)
                .tags("outcome", outcome)
                .counter()
                .count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private static GateDecision gate(boolean accepted) {
        return new GateDecision(accepted, "because", 100, 0.01, 0.0, 0.2, 0.2, IncumbentScoring.JAVA_FORWARD_PASS);
    }

    @Test
    void aPublishedRunCountsAsSucceededWithTheBundlesLossesAndSamples() {
        ModelBundle bundle = new ModelBundle();
        bundle.setTraining(new TrainingSummary(12_000L, 30, 0.021, 0.025, 4_000L, 7L, Map.of()));
        events.trainingStarted(RetrainSchedule.Reason.BOOTSTRAP, 12_000);
        events.gateDecided("dense", gate(true));
        events.published(bundle);
        assertEquals(1, runs("succeeded"));
        assertEquals(12_000, gauge(MetricNames.TRAINING_SAMPLES));
        assertEquals(0.021, gauge(MetricNames.TRAINING_LOSS, "split", "train"));
        assertEquals(0.025, gauge(MetricNames.TRAINING_LOSS, "split", "validation"));
        assertEquals(
                1,
                registry.get(MetricNames.GATE_DECISIONS)
                        .tags("decision", "published")
                        .counter()
                        .count());
        assertEquals(1, registry.get(MetricNames.TRAINING_DURATION).timer().count());
    }

    @Test
    void aGateRefusalAndAFailureAreRunsOfTheirOwnOutcome() {
        events.trainingStarted(RetrainSchedule.Reason.SCHEDULE, 5_000);
        events.gateDecided("dense", gate(false));
        events.trainingStarted(RetrainSchedule.Reason.DRIFT, 10);
        events.trainingFailed("too little data");
        assertEquals(1, runs("rejected"));
        assertEquals(1, runs("failed"));
        assertEquals(0, runs("succeeded"));
        assertEquals(
                1,
                registry.get(MetricNames.GATE_DECISIONS)
                        .tags("decision", "rejected")
                        .counter()
                        .count());
    }

    @Test
    void driftChecksSetTheDriftStatistic() {
        events.driftChecked(0.31, true);
        assertEquals(0.31, gauge(MetricNames.DRIFT_STATISTIC));
    }
}
