package dev.vigil.bench;

import java.util.Map;

/**
 * What one record cost each subject in each measured round. On a machine with few cores throughput
 * also depends on what the broker and the other clients take from the same cores at that moment;
 * these say where the difference comes from, and move less from run to run.
 *
 * @param appCpu CPU µs per record of each subject's own threads (stream thread, its producer, the
 *     detector's scoring threads)
 * @param streamThreadCpu CPU µs per record of each subject's stream thread alone
 * @param processCpu CPU µs per record of the whole process: broker, clients, garbage collector and
 *     compiler included
 * @param bytesWritten bytes per record each subject left in the broker's logs (output and changelogs)
 * @param changelogBytes the part of {@code bytesWritten} in the subject's changelogs
 * @param serviceCpu CPU µs per record of the process's garbage collector, JIT compilers and RocksDB
 *     threads during each subject's runs, by kind (part of {@code processCpu})
 */
public record Costs(
        Rounds appCpu,
        Rounds streamThreadCpu,
        Rounds processCpu,
        Rounds bytesWritten,
        Rounds changelogBytes,
        Map<ServiceThreads.Kind, Rounds> serviceCpu) {

    /** Copies the map. */
    public Costs {
        serviceCpu = Map.copyOf(serviceCpu);
    }
}
