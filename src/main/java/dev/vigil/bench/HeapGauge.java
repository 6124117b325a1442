package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap in use right after the most recent garbage collection of each heap pool: the live set,
 * without forcing a collection. A leak shows as a rising trend of this figure.
 */
final class HeapGauge {
    private HeapGauge() {}

    /** Bytes used after the last collection, summed over heap pools (0 for a pool not yet collected). */
    static long usedAfterLastGcBytes() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }
}
