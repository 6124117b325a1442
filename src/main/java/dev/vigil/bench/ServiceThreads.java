package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of the threads that serve the whole process rather than one client: the garbage
 * collector, the JIT compilers and RocksDB's background threads. {@code ThreadMXBean} does not see
 * them, so they are read from Linux's {@code /proc/self/task} (on other systems a reading is empty
 * and every figure NaN). Linux counts in clock ticks of 10 ms ({@code USER_HZ} = 100) and keeps the
 * first 15 characters of a thread's name.
 */
final class ServiceThreads {
    /** What a service thread does, told by its name. */
    enum Kind {
        /** Garbage collector: {@code GC Thread#n}, and G1's {@code G1 Conc#n}, {@code G1 Refine#n}, {@code G1 Service}, .... */
        GC,
        /** JIT compilers: {@code C1 CompilerThread<n>}, {@code C2 CompilerThread<n>}. */
        JIT,
        /** RocksDB's flush and compaction threads: {@code rocksdb:low}, {@code rocksdb:high}, .... */
        ROCKSDB;

        static Optional<Kind> of(String threadName) {
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
                return Optional.of(GC);
            }
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
                return Optional.of(JIT);
            }
            return threadName.startsWith("rocksdb:") ? Optional.of(ROCKSDB) : Optional.empty();
        }
    }

    /** One service thread at one reading. */
    record Sample(Kind kind, long cpuNanos) {}

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<Long, Sample> byThreadId;
    private final boolean available;

    ServiceThreads(Map<Long, Sample> byThreadId, boolean available) {
        this.byThreadId = Map.copyOf(byThreadId);
        this.available = available;
    }

    /** Reads every service thread's CPU time now. */
    static ServiceThreads now() {
        if (!Files.isDirectory(TASKS)) {
            return new ServiceThreads(Map.of(), false);
        }
        Map<Long, Sample> samples = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                read(task)
                        .ifPresent(sample ->
                                samples.put(Long.parseLong(task.getFileName().toString()), sample));
            }
        } catch (IOException e) {
            return new ServiceThreads(Map.of(), false);
        }
        return new ServiceThreads(samples, true);
    }

    /** A thread that ended between listing and reading is skipped. */
    private static Optional<Sample> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Kind.of(threadName(stat)).map(kind -> new Sample(kind, cpuNanos(stat)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The name in a {@code stat} line: between the first '(' and the last ')' (a name may hold either). */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** User plus system CPU time of a {@code stat} line: its 14th and 15th fields, in clock ticks. */
    static long cpuNanos(String stat) {
        List<String> afterName =
                List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        long ticks = Long.parseLong(afterName.get(11)) + Long.parseLong(afterName.get(12));
        return ticks * NANOS_PER_TICK;
    }

    /**
     * CPU nanoseconds each kind used since {@code earlier}: a thread alive at both readings counts its
     * difference, one started in between all its time; one that ended in between is lost (the JVM
     * retires idle compiler threads, so JIT time can be under-counted, never over-counted).
     */
    Map<Kind, Long> nanosSince(ServiceThreads earlier) {
        Map<Kind, Long> used = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            used.put(kind, 0L);
        }
        byThreadId.forEach((id, now) -> {
            Sample before = earlier.byThreadId.get(id);
            long since = before == null ? now.cpuNanos() : now.cpuNanos() - before.cpuNanos();
            used.merge(now.kind(), Math.max(0, since), Long::sum);
        });
        return used;
    }

    /** Whether this reading could see the threads at all. */
    boolean available() {
        return available;
    }
}
