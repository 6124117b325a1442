package dev.vigil.reliability;

import dev.vigil.detector.events.DetectorEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the detector's model events: versions applied and refusals with their reasons. */
final class SwapEvents implements DetectorEvents {
    /** One refused bundle. */
    record Refusal(long version, String reason, String message) {}

    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private final List<Refusal> refused = new CopyOnWriteArrayList<>();

    @Override
    public void modelApplied(String group, long version, java.time.Instant createdAt) {
        applied.add(version);
    }

    @Override
    public void modelRefused(String group, long version, String reason, String message) {
        refused.add(new Refusal(version, reason, message));
    }

    List<Long> applied() {
        return List.copyOf(applied);
    }

    List<Refusal> refused() {
        return List.copyOf(refused);
    }
}
