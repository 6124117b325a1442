package dev.vigil.cli;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.service.ForwardingTrainerEvents;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo's trainer service on a thread of its own: bootstraps a first model from the readings,
 * then retrains from the detector's normal scored readings. Its events go to the metrics.
 */
final class DemoTrainer implements AutoCloseable {
    private final TrainerService service;
    private final Thread thread;
    private final CountDownLatch firstPublished = new CountDownLatch(1);

    DemoTrainer(Map<String, Object> settings, dev.vigil.trainer.service.TrainerEvents metrics) throws Exception {
        TrainerServiceConfig config = new TrainerServiceConfig(settings);
        this.service =
                new TrainerService(config, ModelTrainerCandidates.from(config), new Events(metrics), Clock.systemUTC());
        this.thread = new Thread(service, "vigil-demo-trainer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Waits until the first model is published; false on timeout. */
    boolean awaitFirstModel(Duration timeout) throws InterruptedException {
        return firstPublished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        service.close();
        thread.join(30_000);
    }

    /** Forwards to the metrics and notes the first publication. */
    private final class Events extends ForwardingTrainerEvents {
        Events(dev.vigil.trainer.service.TrainerEvents delegate) {
            super(delegate);
        }

        @Override
        public void published(ModelBundle bundle) {
            super.published(bundle);
            firstPublished.countDown();
        }
    }
}
