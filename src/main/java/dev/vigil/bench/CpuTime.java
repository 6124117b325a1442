package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used so far by the whole JVM (broker, clients, garbage collector and compiler included)
 * and by the threads whose names contain a marker (one Kafka Streams application's threads: its
 * stream thread, that thread's producer and the detector's scoring threads).
 *
 * @param processNanos CPU time of the whole process
 * @param threadNanos CPU time of the marked threads alive now
 */
record CpuTime(long processNanos, long threadNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Reads both clocks now; {@code marker} picks the threads by name. */
    static CpuTime now(String marker) {
        long threads = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(marker)) {
                threads += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new CpuTime(readProcessNanos(), threads);
    }

    private static long readProcessNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Microseconds of process CPU per record between {@code earlier} and this reading. */
    double processMicrosPerRecord(CpuTime earlier, long records) {
        return processNanos < 0 || earlier.processNanos < 0
                ? Double.NaN
                : (processNanos - earlier.processNanos) / 1000.0 / records;
    }

    /** Microseconds of the marked threads' CPU per record between {@code earlier} and this reading. */
    double threadMicrosPerRecord(CpuTime earlier, long records) {
        return (threadNanos - earlier.threadNanos) / 1000.0 / records;
    }
}
