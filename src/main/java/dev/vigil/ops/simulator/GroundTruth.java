package dev.vigil.ops.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of injected anomaly episodes, in the order they started; safe to read while the simulator
 * runs. Each episode is also logged when it starts.
 */
public final class GroundTruth {
    private static final Logger LOG = LoggerFactory.getLogger(GroundTruth.class);

    private final List<InjectedAnomaly> episodes = new CopyOnWriteArrayList<>();

    void record(InjectedAnomaly episode) {
        episodes.add(episode);
        LOG.info(
                "Injected {} on {}.{} at {} for {} simulated minutes",
                episode.kind(),
                episode.entity(),
                episode.sensor(),
                java.time.Instant.ofEpochMilli(episode.startMillis()),
                (episode.endMillis() - episode.startMillis()) / 60_000);
    }

    /** Every episode started so far (including ones still running). */
    public List<InjectedAnomaly> episodes() {
        return List.copyOf(episodes);
    }

    /** Episodes that had ended by simulated time {@code millis}: the ones a detector had its chance on. */
    public List<InjectedAnomaly> endedBy(long millis) {
        return episodes.stream().filter(e -> e.endMillis() <= millis).toList();
    }
}
