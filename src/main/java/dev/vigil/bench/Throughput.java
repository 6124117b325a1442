package dev.vigil.bench;

import java.util.Map;

/**
 * One subject's figures over the timed part of one run.
 *
 * @param recordsPerSecond output records per second
 * @param appCpuMicros CPU microseconds per record of the subject's own threads (its stream thread,
 *     that thread's producer, the detector's scoring threads): the work it asks of the machine
 * @param streamThreadCpuMicros CPU microseconds per record of its stream thread alone: what bounds it
 *     where the other threads have cores of their own
 * @param processCpuMicros CPU microseconds per record of the whole process, the broker and the
 *     benchmark's own clients included: what a machine with few cores divides between them
 * @param bytesWritten bytes per record the run left in the broker's logs (its output, and its
 *     changelogs), over the whole run: what the broker had to take
 * @param changelogBytes the part of {@code bytesWritten} in the application's changelogs
 * @param serviceCpuMicros CPU microseconds per record of the process's garbage collector, JIT
 *     compilers and RocksDB threads (part of {@code processCpuMicros}; NaN where unreadable)
 */
record Throughput(
        double recordsPerSecond,
        double appCpuMicros,
        double streamThreadCpuMicros,
        double processCpuMicros,
        double bytesWritten,
        double changelogBytes,
        Map<ServiceThreads.Kind, Double> serviceCpuMicros) {

    /** Copies the map. */
    Throughput {
        serviceCpuMicros = Map.copyOf(serviceCpuMicros);
    }

    /** CPU microseconds per record of one kind of service thread. */
    double serviceCpuMicros(ServiceThreads.Kind kind) {
        return serviceCpuMicros.getOrDefault(kind, Double.NaN);
    }
}
