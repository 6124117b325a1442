package dev.vigil.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.SensorReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each anomaly kind, compared with a twin simulator of the same seed without anomalies: the twin
 * shows the normal signal the episode replaced.
 */
class AnomalyEffectsTest {
    private static final int TICKS = 12 * 24 * 60;
    private static final List<Map<String, Double>> faulty = new ArrayList<>();
    private static final List<Map<String, Double>> normal = new ArrayList<>();
    private static List<InjectedAnomaly> episodes;
    private static PumpParams params;
    private static long start;

    @BeforeAll
    static void simulateTwins() {
        SimulatorConfig config =
                SimulatorConfig.defaults(1, 21).withAnomalySchedule(Duration.ZERO, Duration.ofHours(4));
        Simulator withAnomalies = new Simulator(config);
        Simulator twin = new Simulator(config.withoutAnomalies());
        for (int i = 0; i < TICKS; i++) {
            faulty.add(values(withAnomalies.tick()));
            normal.add(values(twin.tick()));
        }
        episodes = withAnomalies.groundTruth().endedBy(withAnomalies.simulatedTimeMillis());
        params = PumpParams.draw(new java.util.Random(21 * 1_000_003L));
        start = config.start().toEpochMilli();
    }

    private static Map<String, Double> values(List<SensorReading> readings) {
        return readings.get(0).getValues();
    }

    private static double[] window(List<Map<String, Double>> rows, InjectedAnomaly episode, String sensor) {
        int from = (int) ((episode.startMillis() - start) / 60_000);
        int to = (int) ((episode.endMillis() - start) / 60_000);
        return rows.subList(from, to).stream().mapToDouble(v -> v.get(sensor)).toArray();
    }

    private static List<InjectedAnomaly> of(AnomalyKind kind) {
        List<InjectedAnomaly> found =
                episodes.stream().filter(e -> e.kind() == kind).toList();
        assertTrue(found.size() >= 2, "need episodes of " + kind + ", got " + found.size());
        return found;
    }

    private static double nominal(InjectedAnomaly episode) {
        return params.nominal().get(episode.sensor());
    }

    @Test
    void outsideEpisodesTheSignalIsUntouched() {
        for (int i = 0; i < TICKS; i++) {
            long t = start + i * 60_000L;
            if (episodes.stream().noneMatch(e -> e.covers(t))
                    && t < episodes.get(episodes.size() - 1).endMillis()) {
                assertEquals(normal.get(i), faulty.get(i), "minute " + i);
            }
        }
    }

    @Test
    void aSpikeShiftsTheSensorByAThirdOfNominalOrMore() {
        for (InjectedAnomaly e : of(AnomalyKind.SPIKE)) {
            double[] shift = Stats.minus(window(faulty, e, e.sensor()), window(normal, e, e.sensor()));
            assertTrue(Math.abs(Stats.mean(shift)) >= 0.3 * nominal(e), e.toString());
        }
    }

    @Test
    void aDriftGrowsToAQuarterOfNominal() {
        for (InjectedAnomaly e : of(AnomalyKind.DRIFT)) {
            double[] shift = Stats.minus(window(faulty, e, e.sensor()), window(normal, e, e.sensor()));
            assertEquals(0.0, shift[0], 1e-9, "starts at zero");
            assertEquals(0.25 * nominal(e), shift[shift.length - 1], 0.01 * nominal(e), e.toString());
        }
    }

    @Test
    void aStuckSensorRepeatsOneValueWhileTheTruthMoves() {
        for (InjectedAnomaly e : of(AnomalyKind.STUCK)) {
            assertEquals(0.0, Stats.std(window(faulty, e, e.sensor())), e.toString());
            assertTrue(Stats.std(window(normal, e, e.sensor())) > 0, e.toString());
        }
    }

    @Test
    void aBrokenCorrelationBreaksTheAffinityLawBetweenPressureAndFlow() {
        for (InjectedAnomaly e : of(AnomalyKind.BROKEN_CORRELATION)) {
            assertTrue(affinityLawError(e, normal) < 0.03, "normal pressure follows flow squared");
            assertTrue(affinityLawError(e, faulty) > 0.06, e + " error " + affinityLawError(e, faulty));
        }
    }

    /** Mean |pressure - Pn (flow / Qn)^2| / Pn over the episode. */
    private static double affinityLawError(InjectedAnomaly e, List<Map<String, Double>> rows) {
        double[] flow = window(rows, e, Sensors.FLOW);
        double[] pressure = window(rows, e, Sensors.PRESSURE);
        double error = 0;
        for (int i = 0; i < flow.length; i++) {
            double speed = flow[i] / params.nominalFlow();
            error += Math.abs(pressure[i] - params.nominalPressure() * speed * speed) / params.nominalPressure();
        }
        return error / flow.length;
    }

    @Test
    void aNoiseBurstMultipliesTheNoise() {
        for (InjectedAnomaly e : of(AnomalyKind.NOISE_BURST)) {
            double[] extra = Stats.minus(window(faulty, e, e.sensor()), window(normal, e, e.sensor()));
            assertTrue(Stats.std(extra) > 0.1 * nominal(e), e.toString());
        }
    }
}
