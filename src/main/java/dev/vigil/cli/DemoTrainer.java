package dev.vigil.cli;

import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.time.Clock;
import java.util.Map;

/** The demo's trainer service on a thread of its own: bootstraps a first model, then retrains. */
final class DemoTrainer implements AutoCloseable {
    private final TrainerService service;
    private final Thread thread;

    DemoTrainer(Map<String, Object> settings, TrainerEvents events) throws Exception {
        TrainerServiceConfig config = new TrainerServiceConfig(settings);
        this.service = new TrainerService(config, ModelTrainerCandidates.from(config), events, Clock.systemUTC());
        this.thread = new Thread(service, "vigil-demo-trainer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        service.close();
        thread.join(30_000);
    }
}
