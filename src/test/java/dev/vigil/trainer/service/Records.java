package dev.vigil.trainer.service;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders of the records the trainer service consumes, for tests. */
final class Records {
    private Records() {}

    static SensorReading reading(String entity, long time, double temp, double pressure) {
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(time))
                .setValues(Map.of("temp", temp, "pressure", pressure))
                .build();
    }

    static ScoredReading scored(String entity, long time, double temp, Verdict verdict, double score, long version) {
        return ScoredReading.newBuilder()
                .setReading(reading(entity, time, temp, 1.0))
                .setVerdict(verdict)
                .setScore(verdict == Verdict.WARMING_UP ? null : score)
                .setModelGroup("g")
                .setModelVersion(version)
                .setScoredAt(Instant.ofEpochMilli(time))
                .build();
    }

    static ScoredReading normal(String entity, long time, double temp) {
        return scored(entity, time, temp, Verdict.NORMAL, 0.1, 1);
    }

    static AnomalyAlert alert(String entity, AlertEvent event, long start) {
        return AnomalyAlert.newBuilder()
                .setAlertId(entity + "-" + start)
                .setEntity(entity)
                .setEvent(event)
                .setStartTime(Instant.ofEpochMilli(start))
                .setEventTime(Instant.ofEpochMilli(start))
                .setPeakScore(1.0)
                .setContributors(List.of())
                .build();
    }
}
