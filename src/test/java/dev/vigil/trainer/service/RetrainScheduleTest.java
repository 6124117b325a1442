package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.trainer.service.RetrainSchedule.Reason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrainScheduleTest {
    private final RetrainSchedule schedule = new RetrainSchedule(Duration.ofHours(1), Duration.ofMinutes(10));

    @Test
    void withoutAModelTrainingStartsAtOnceAndRetriesAfterTheGap() {
        assertEquals(Optional.of(Reason.BOOTSTRAP), schedule.due(0, false, false));
        schedule.attempted(0);
        assertEquals(Optional.empty(), schedule.due(60_000, false, false));
        assertEquals(Optional.of(Reason.BOOTSTRAP), schedule.due(600_000, false, false));
    }

    @Test
    void driftTriggersEarlyButNotBeforeTheGap() {
        schedule.attempted(0);
        assertEquals(Optional.empty(), schedule.due(60_000, true, true));
        assertEquals(Optional.of(Reason.DRIFT), schedule.due(600_000, true, true));
        assertEquals(Optional.empty(), schedule.due(600_000, true, false));
        assertEquals(Optional.of(Reason.SCHEDULE), schedule.due(3_600_000, true, false));
    }
}
