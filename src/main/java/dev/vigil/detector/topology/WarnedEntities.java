package dev.vigil.detector.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entities already warned about, so a warning is logged once per entity: at most {@code capacity}
 * of them are remembered (the least recently warned leaves first and may be warned about again).
 * Thread-safe; shared by every task of one topology.
 */
final class WarnedEntities {
    private final Map<String, Boolean> warned;

    WarnedEntities(int capacity) {
        this.warned = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code entity} is seen (while remembered), false after. */
    synchronized boolean firstTime(String entity) {
        return warned.put(entity, Boolean.TRUE) == null;
    }
}
