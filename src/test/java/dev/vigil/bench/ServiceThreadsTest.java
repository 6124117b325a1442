package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.bench.ServiceThreads.Kind;
import dev.vigil.bench.ServiceThreads.Sample;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceThreadsTest {

    @Test
    void threadsAreToldByTheirNamesAsLinuxKeepsThem() {
        assertEquals(Optional.of(Kind.GC), Kind.of("GC Thread#3"));
        assertEquals(Optional.of(Kind.GC), Kind.of("G1 Conc#0"));
        assertEquals(Optional.of(Kind.GC), Kind.of("G1 Refine#0"));
        assertEquals(Optional.of(Kind.JIT), Kind.of("C2 CompilerThre"));
        assertEquals(Optional.of(Kind.JIT), Kind.of("C1 CompilerThre"));
        assertEquals(Optional.of(Kind.ROCKSDB), Kind.of("rocksdb:low"));
        assertEquals(Optional.empty(), Kind.of("bench-round0-de"), "a stream thread is the subject's own");
        assertEquals(Optional.empty(), Kind.of("data-plane-kafk"), "the broker is neither");
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksOfTheStatLine() {
        // pid (name) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (C2 (Compiler) x) S 1 1 1 0 -1 4194368 10 0 0 0 123 45 0 0 20 0 30 0 100 0 0";
        assertEquals("C2 (Compiler) x", ServiceThreads.threadName(stat), "a name may hold parentheses and spaces");
        assertEquals((123 + 45) * 10_000_000L, ServiceThreads.cpuNanos(stat));
    }

    @Test
    void eachKindCountsWhatItsLiveThreadsUsedSinceTheEarlierReading() {
        ServiceThreads earlier = new ServiceThreads(
                Map.of(1L, new Sample(Kind.GC, 100), 2L, new Sample(Kind.JIT, 500), 3L, new Sample(Kind.JIT, 70)),
                true);
        ServiceThreads later = new ServiceThreads(
                Map.of(1L, new Sample(Kind.GC, 160), 2L, new Sample(Kind.JIT, 520), 4L, new Sample(Kind.GC, 30)), true);

        Map<Kind, Long> used = later.nanosSince(earlier);

        assertEquals(60 + 30, used.get(Kind.GC), "a thread started in between counts all its time");
        assertEquals(20, used.get(Kind.JIT), "a thread that ended in between is lost, not subtracted");
        assertEquals(0, used.get(Kind.ROCKSDB));
    }

    @Test
    void thisJvmsCollectorAndCompilerThreadsAreFoundOnLinux() {
        ServiceThreads now = ServiceThreads.now();
        assumeTrue(now.available(), "no /proc/self/task here");
        ServiceThreads empty = new ServiceThreads(Map.of(), true);
        Map<Kind, Long> sinceStart = now.nanosSince(empty);
        assertTrue(sinceStart.get(Kind.JIT) > 0, "the JIT has compiled something by now: " + sinceStart);
        assertTrue(sinceStart.get(Kind.GC) >= 0);
    }
}
