package dev.vigil.cli;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.service.ForwardingTrainerEvents;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.RollbackRule;
import dev.vigil.trainer.service.ShadowGate;
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

    DemoTrainer(Map<String, Object> settings, dev.vigil.trainer.service.TrainerEvents metrics, ConsoleView console)
            throws Exception {
        TrainerServiceConfig config = new TrainerServiceConfig(settings);
        this.service = new TrainerService(
                config, ModelTrainerCandidates.from(config), new Events(metrics, console), Clock.systemUTC());
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

    /** Forwards to the metrics, notes the first publication, and shows the live stages on the console. */
    private final class Events extends ForwardingTrainerEvents {
        private final ConsoleView console;

        Events(dev.vigil.trainer.service.TrainerEvents delegate, ConsoleView console) {
            super(delegate);
            this.console = console;
        }

        @Override
        public void shadowPublished(ModelBundle bundle) {
            super.shadowPublished(bundle);
            console.shadow(bundle.getVersion(), "published as shadow candidate (passed the offline gate)");
        }

        @Override
        public void shadowDecided(long version, ShadowGate.Decision decision) {
            super.shadowDecided(version, decision);
            boolean promoted = decision.outcome() == ShadowGate.Outcome.PROMOTE;
            console.shadow(version, (promoted ? "promoted: " : "rejected: ") + decision.reason());
        }

        @Override
        public void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {
            super.rolledBack(from, republished, decision);
            console.rollback(from, republished.getVersion(), decision.reason());
        }

        @Override
        public void published(ModelBundle bundle) {
            super.published(bundle);
            firstPublished.countDown();
        }
    }
}
