package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.ops.Readiness;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trainer service on its watched thread against a real broker: not ready before it runs, ready
 * once it has read the models topic, still ready (and healthy) after a training run failed for want
 * of data, and a requested stop ends the thread without a death.
 */
class TrainerWorkerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA =
            new KafkaBroker().withTopic(ModelTopics.DEFAULT.current(), 1).withTopic(ModelTopics.DEFAULT.history(), 1);

    @Test
    @Timeout(120)
    void readyOnceTheBrokerIsReachedAndAFailedTrainingRunDoesNotChangeThat() throws Exception {
        TrainerServiceConfig config = new TrainerServiceConfig(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(), "model.group", "g", "readings.topic", "no.such.topic"));
        AtomicInteger failedRuns = new AtomicInteger();
        TrainerEvents events = new TrainerEvents() {
            @Override
            public void trainingFailed(String reason) {
                failedRuns.incrementAndGet();
            }
        };
        try (TrainerService service =
                new TrainerService(config, ModelTrainerCandidates.from(config), events, Clock.systemUTC())) {
            TrainerWorker worker = new TrainerWorker(service);
            assertFalse(worker.readiness().ready(), "not ready before it runs");
            CompletableFuture<Optional<Throwable>> end = CompletableFuture.supplyAsync(() -> runToEnd(worker));

            assertTrue(
                    Await.upTo(Duration.ofSeconds(60))
                            .holds(() -> worker.readiness().ready()),
                    worker.readiness().reason());
            assertTrue(Await.upTo(Duration.ofSeconds(60)).holds(() -> failedRuns.get() > 0), "a training run failed");
            assertEquals(Readiness.isReady(), worker.readiness());
            assertEquals(Readiness.isReady(), worker.health());

            service.close();
            assertEquals(Optional.empty(), end.get(30, TimeUnit.SECONDS), "a requested stop is no death");
            assertEquals(Readiness.isReady(), worker.health());
            assertEquals("the trainer is not running", worker.readiness().reason());
        }
    }

    private static Optional<Throwable> runToEnd(TrainerWorker worker) {
        try {
            return worker.runToEnd();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
