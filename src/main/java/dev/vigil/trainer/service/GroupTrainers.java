package dev.vigil.trainer.service;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trainer service keeping several model groups fresh ({@code trainer.groups}): a
 * {@link TrainerService} per group, each with the group's own configuration
 * ({@link TrainerServiceConfig#forGroup}: schedule, features, gate, entity pattern), on a thread of
 * its own, so one group's training run never delays another's schedule. {@link #close()} stops all.
 */
public final class GroupTrainers implements TrainerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(GroupTrainers.class);

    private final List<String> groups;
    private final List<TrainerService> services = new ArrayList<>();
    private final AtomicReference<RuntimeException> death = new AtomicReference<>();

    /**
     * Connects one service per group of {@code config}; {@code trainers} makes each group's candidate
     * trainer from its configuration.
     *
     * @throws IOException if the signing key cannot be read
     */
    public GroupTrainers(
            TrainerServiceConfig config,
            Function<TrainerServiceConfig, CandidateTrainer> trainers,
            TrainerEvents events,
            Clock clock)
            throws IOException {
        this.groups = config.groups();
        events.groupsConfigured(groups);
        try {
            for (String group : groups) {
                TrainerServiceConfig own = config.forGroup(group);
                services.add(new TrainerService(own, trainers.apply(own), events.forGroup(group), clock));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Runs every group's service until {@link #close()}; when one group's thread dies of an error,
     * stops the others and throws that error.
     */
    @Override
    public void run() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            String group = groups.get(i);
            Thread thread = new Thread(services.get(i), "vigil-trainer-" + group);
            thread.setUncaughtExceptionHandler((t, e) -> died(group, e));
            thread.start();
            threads.add(thread);
        }
        LOG.info("Trainer service keeping groups {} fresh", groups);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
        if (death.get() != null) {
            throw death.get();
        }
    }

    private void died(String group, Throwable e) {
        death.compareAndSet(null, new IllegalStateException("the trainer of group " + group + " died: " + e, e));
        close();
    }

    /** The first group's reason, prefixed with its name; empty when every group can work. */
    @Override
    public Optional<String> notReadyBecause() {
        for (int i = 0; i < services.size(); i++) {
            Optional<String> problem = services.get(i).notReadyBecause();
            if (problem.isPresent()) {
                return Optional.of("group " + groups.get(i) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        services.forEach(TrainerService::close);
    }
}
