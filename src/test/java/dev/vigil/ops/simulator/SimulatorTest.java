package dev.vigil.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.SensorReading;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final int DAY = 24 * 60;

    private static List<SensorReading> run(SimulatorConfig config, int ticks) {
        Simulator simulator = new Simulator(config);
        return java.util.stream.IntStream.range(0, ticks)
                .mapToObj(i -> simulator.tick())
                .flatMap(List::stream)
                .toList();
    }

    private static double[] series(List<SensorReading> rows, String entity, String sensor) {
        return rows.stream()
                .filter(r -> r.getEntity().equals(entity))
                .mapToDouble(r -> r.getValues().get(sensor))
                .toArray();
    }

    @Test
    void theSameSeedGivesTheSameReadingsAndAnomalies() {
        SimulatorConfig config = SimulatorConfig.defaults(3, 7).withAnomalySchedule(Duration.ZERO, Duration.ofHours(2));
        Simulator first = new Simulator(config);
        Simulator second = new Simulator(config);
        for (int i = 0; i < DAY; i++) {
            assertEquals(first.tick(), second.tick());
        }
        assertEquals(first.groundTruth().episodes(), second.groundTruth().episodes());
        assertTrue(first.groundTruth().episodes().size() > 3);
    }

    @Test
    void anotherSeedGivesOtherReadings() {
        assertNotEquals(Simulator.normalData(2, 10, 1), Simulator.normalData(2, 10, 2));
    }

    @Test
    void normalDataInterleavesEntitiesByTimeAndHasEverySensor() {
        List<SensorReading> rows = Simulator.normalData(3, 100, 5);
        assertEquals(300, rows.size());
        assertEquals(
                List.of("pump-01", "pump-02", "pump-03"),
                rows.subList(0, 3).stream().map(SensorReading::getEntity).toList());
        assertEquals(
                60_000,
                rows.get(3).getTimestamp().toEpochMilli()
                        - rows.get(0).getTimestamp().toEpochMilli());
        rows.forEach(r -> assertEquals(Set.copyOf(Sensors.ALL), r.getValues().keySet()));
    }

    @Test
    void sensorsAreCorrelatedAsThePhysicsSays() {
        List<SensorReading> rows = Simulator.normalData(1, 3 * DAY, 11);
        double[] flow = series(rows, "pump-01", Sensors.FLOW);
        assertTrue(Stats.correlation(flow, series(rows, "pump-01", Sensors.PRESSURE)) > 0.9);
        assertTrue(Stats.correlation(flow, series(rows, "pump-01", Sensors.MOTOR_CURRENT)) > 0.9);
        assertTrue(Stats.correlation(flow, series(rows, "pump-01", Sensors.VIBRATION)) > 0.8);
        assertTrue(Stats.correlation(
                        series(rows, "pump-01", Sensors.MOTOR_CURRENT), series(rows, "pump-01", Sensors.TEMPERATURE))
                > 0.5);
    }

    @Test
    void flowFollowsADailyCycle() {
        double[] flow = series(Simulator.normalData(1, 2 * DAY, 3), "pump-01", Sensors.FLOW);
        double[] shifted = java.util.Arrays.copyOfRange(flow, DAY, 2 * DAY);
        double[] firstDay = java.util.Arrays.copyOfRange(flow, 0, DAY);
        assertTrue(Stats.correlation(firstDay, shifted) > 0.8, "day two repeats day one");
        double[] halfDayLater = java.util.Arrays.copyOfRange(flow, DAY / 2, DAY / 2 + DAY);
        assertTrue(Stats.correlation(firstDay, halfDayLater) < -0.5, "half a day later demand is opposite");
    }

    @Test
    void noAnomalyStartsInTheCleanPeriodAndEveryKindComesUp() {
        SimulatorConfig config =
                SimulatorConfig.defaults(4, 9).withAnomalySchedule(Duration.ofDays(1), Duration.ofHours(6));
        Simulator simulator = new Simulator(config);
        for (int i = 0; i < 6 * DAY; i++) {
            simulator.tick();
        }
        List<InjectedAnomaly> episodes = simulator.groundTruth().episodes();
        long cleanEnd = config.start().plus(config.cleanPeriod()).toEpochMilli();
        episodes.forEach(e -> assertTrue(e.startMillis() >= cleanEnd, e.toString()));
        Set<AnomalyKind> kinds = episodes.stream().map(InjectedAnomaly::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(AnomalyKind.class), kinds);
        assertEquals(
                episodes.stream()
                        .filter(e -> e.endMillis() <= simulator.simulatedTimeMillis())
                        .count(),
                simulator.groundTruth().endedBy(simulator.simulatedTimeMillis()).size());
    }

    @Test
    void withoutAnomaliesNothingIsInjected() {
        Simulator simulator = new Simulator(SimulatorConfig.defaults(2, 1)
                .withAnomalySchedule(Duration.ZERO, Duration.ofMinutes(30))
                .withoutAnomalies());
        for (int i = 0; i < DAY; i++) {
            simulator.tick();
        }
        assertEquals(List.of(), simulator.groundTruth().episodes());
    }

    @Test
    void badConfigFailsNamingTheKey() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> SimulatorConfig.defaults(0, 1));
        assertTrue(error.getMessage().contains("entities"), error.getMessage());
    }
}
