package dev.vigil.bench;

import dev.vigil.ops.EmbeddedKafka;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One throughput measurement: a subject processes the whole pre-produced input topic from the start;
 * the rate is taken between output records {@code skip} and last as a read_committed consumer sees
 * them, so the first records (JIT warm-up, group join, first transaction) do not count. CPU time is
 * read at the same two moments, for the subject's own threads and for the whole process, and divided
 * by the records the application processed in between.
 */
final class ThroughputRun {
    static final int MIN_ARRIVAL_BATCHES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ThroughputRun.class);

    private final EmbeddedKafka kafka;
    private final BenchClients clients;
    private final int partitions;

    ThroughputRun(EmbeddedKafka kafka, BenchClients clients, int partitions) {
        this.kafka = kafka;
        this.clients = clients;
        this.partitions = partitions;
    }

    /** Runs {@code subject} over {@code records} readings of {@code input}; returns its figures. */
    Throughput measure(BenchSubject subject, String input, int records, int skip, String runId, Duration timeout)
            throws Exception {
        String output = "bench." + runId + ".out";
        String appId = "bench-" + runId;
        createTopics(subject, output);
        long[] arrivals = new long[records];
        CpuTime[] cpu = new CpuTime[2];
        long seen;
        try (OutputReader reader = new OutputReader(clients, output);
                StreamsApp app = StreamsApp.start(subject.build(input, output), clients.streams(appId))) {
            int[] count = {0};
            seen = reader.read(records, timeout, r -> {
                int index = Math.min(count[0]++, records - 1);
                arrivals[index] = System.nanoTime();
                if (index == skip) {
                    cpu[0] = CpuTime.now(appId, app.processedRecords());
                }
            });
            cpu[1] = CpuTime.now(appId, app.processedRecords());
        }
        if (seen < records) {
            throw new IllegalStateException(
                    subject.name() + " wrote " + seen + " of " + records + " records in " + timeout);
        }
        var figures = new Throughput(
                rate(arrivals, skip),
                cpu[1].threadMicrosPerRecord(cpu[0]),
                cpu[1].streamThreadMicrosPerRecord(cpu[0]),
                cpu[1].processMicrosPerRecord(cpu[0]),
                (double) bytesWritten(topic -> topic.equals(output) || isChangelog(topic, appId)) / records,
                (double) bytesWritten(topic -> isChangelog(topic, appId)) / records,
                cpu[1].serviceMicrosPerRecord(cpu[0]));
        LOG.info(
                "{}: {} records, {} records/s, CPU {} µs/record own threads ({} stream thread), {} µs/record process,"
                        + " of which service threads {}, {} bytes/record written, {} of them to changelogs"
                        + " (after skipping {})",
                subject.name(),
                records,
                Math.round(figures.recordsPerSecond()),
                String.format("%.2f", figures.appCpuMicros()),
                String.format("%.2f", figures.streamThreadCpuMicros()),
                String.format("%.2f", figures.processCpuMicros()),
                figures.serviceCpuMicros(),
                Math.round(figures.bytesWritten()),
                Math.round(figures.changelogBytes()),
                skip);
        return figures;
    }

    /**
     * Records per second between arrival {@code skip} and the last arrival. Output becomes visible
     * one transaction at a time, so the timed span must hold at least {@value #MIN_ARRIVAL_BATCHES}
     * distinct arrival times or the figure would only measure the size of a commit.
     */
    static double rate(long[] arrivalNanos, int skip) {
        int last = arrivalNanos.length - 1;
        if (skip >= last) {
            throw new IllegalArgumentException("skip " + skip + " leaves nothing to time of " + arrivalNanos.length);
        }
        long batches = Arrays.stream(arrivalNanos, skip, last + 1).distinct().count();
        if (batches < MIN_ARRIVAL_BATCHES) {
            throw new IllegalStateException("only " + batches + " output batches after the warm-up: too few records"
                    + " to time (" + arrivalNanos.length + "), raise --records");
        }
        double seconds = (arrivalNanos[last] - arrivalNanos[skip]) / 1e9;
        return (last - skip) / seconds;
    }

    /** What the run left in the broker's logs of the topics {@code topics} picks. */
    private long bytesWritten(Predicate<String> topics) throws InterruptedException {
        try (Admin admin = kafka.admin()) {
            return BrokerBytes.of(admin, topics);
        }
    }

    /** Whether {@code topic} is one of application {@code appId}'s internal topics (its changelogs). */
    private static boolean isChangelog(String topic, String appId) {
        return topic.startsWith(appId + "-");
    }

    private void createTopics(BenchSubject subject, String output) throws InterruptedException {
        kafka.createTopic(output, partitions);
        for (String topic : subject.extraTopics(output)) {
            kafka.createTopic(topic, partitions);
        }
    }
}
