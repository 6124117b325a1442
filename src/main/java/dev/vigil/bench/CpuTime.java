package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time used so far by the whole JVM (broker, clients, garbage collector and compiler included),
 * by the threads whose names contain a marker (one Kafka Streams application's threads: its stream
 * threads, their producers and the detector's scoring threads), and by its stream threads alone.
 *
 * @param processNanos CPU time of the whole process
 * @param threadNanos CPU time of the marked threads alive now
 * @param streamThreadNanos CPU time of the application's stream threads alone (named {@code
 *     <marker>-<id>-StreamThread-<n>}): on a machine with cores to spare, the serial part
 * @param records input records the application had processed by then: the costs per record divide
 *     by the records processed between two readings, not by those seen in its output (which appear
 *     one transaction later)
 * @param services CPU time of the process's service threads (garbage collector, JIT, RocksDB)
 */
record CpuTime(long processNanos, long threadNanos, long streamThreadNanos, long records, ServiceThreads services) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");

    /** Reads the clocks now; {@code marker} picks the threads by name, {@code records} were processed so far. */
    static CpuTime now(String marker, long records) {
        long threads = 0;
        long streamThreads = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(marker)) {
                long nanos = Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
                threads += nanos;
                if (isStreamThread(info.getThreadName(), marker)) {
                    streamThreads += nanos;
                }
            }
        }
        return new CpuTime(readProcessNanos(), threads, streamThreads, records, ServiceThreads.now());
    }

    /** Whether {@code name} is one of the marked application's stream threads (not its producer or a helper). */
    static boolean isStreamThread(String name, String marker) {
        return name.startsWith(marker) && STREAM_THREAD.matcher(name).matches();
    }

    private static long readProcessNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Microseconds of process CPU per record processed between {@code earlier} and this reading. */
    double processMicrosPerRecord(CpuTime earlier) {
        return processNanos < 0 || earlier.processNanos < 0
                ? Double.NaN
                : perRecord(processNanos - earlier.processNanos, earlier);
    }

    /** Microseconds of the stream threads' CPU per record processed between {@code earlier} and this reading. */
    double streamThreadMicrosPerRecord(CpuTime earlier) {
        return perRecord(streamThreadNanos - earlier.streamThreadNanos, earlier);
    }

    /** Microseconds of the marked threads' CPU per record processed between {@code earlier} and this reading. */
    double threadMicrosPerRecord(CpuTime earlier) {
        return perRecord(threadNanos - earlier.threadNanos, earlier);
    }

    /**
     * Microseconds per record of each kind of service thread between {@code earlier} and this reading;
     * NaN where the threads cannot be read (not Linux).
     */
    Map<ServiceThreads.Kind, Double> serviceMicrosPerRecord(CpuTime earlier) {
        Map<ServiceThreads.Kind, Double> perRecord = new EnumMap<>(ServiceThreads.Kind.class);
        boolean readable = services.available() && earlier.services.available();
        services.nanosSince(earlier.services)
                .forEach((kind, nanos) -> perRecord.put(kind, readable ? perRecord(nanos, earlier) : Double.NaN));
        return perRecord;
    }

    /** NaN when no record was processed in between: there is nothing to divide by. */
    private double perRecord(long nanos, CpuTime earlier) {
        long processed = records - earlier.records;
        return processed <= 0 ? Double.NaN : nanos / 1000.0 / processed;
    }
}
