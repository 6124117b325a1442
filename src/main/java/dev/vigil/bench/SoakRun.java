package dev.vigil.bench;

import dev.vigil.ops.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long run of one subject at a paced rate, sampling heap-after-GC, output rate and errors (failed
 * stream threads and dead letters) at a fixed interval: the evidence for "runs for days".
 */
public final class SoakRun {
    private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);

    private final EmbeddedKafka kafka;
    private final BenchClients clients;
    private final BenchReadings readings;
    private final int partitions;

    /** A soak on {@code kafka} with readings from {@code readings}. */
    public SoakRun(EmbeddedKafka kafka, BenchReadings readings, int partitions) {
        this.kafka = kafka;
        this.clients = new BenchClients(kafka.bootstrapServers());
        this.readings = readings;
        this.partitions = partitions;
    }

    /** Runs {@code subject} at {@code rate} records/s for {@code duration}, sampling every {@code every}. */
    public SoakResult run(BenchSubject subject, double rate, Duration duration, Duration every) throws Exception {
        String input = "soak.in", output = "soak.out";
        List<String> readTopics = createTopics(subject, input, output);
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong deadLetters = new AtomicLong();
        List<SoakSample> samples = new ArrayList<>();
        try (OutputReader reader = new OutputReader(clients, readTopics.toArray(String[]::new));
                StreamsApp app = StreamsApp.start(subject.build(input, output), clients.streams("soak"))) {
            app.awaitRunning(Duration.ofSeconds(60));
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> sendPaced(input, rate, sending, sent));
            long start = System.nanoTime(), end = start + duration.toNanos(), nextSample = start + every.toNanos();
            long receivedAtLastSample = 0;
            while (System.nanoTime() < end) {
                reader.pollOnce(r -> (r.topic().equals(output) ? received : deadLetters).incrementAndGet());
                if (System.nanoTime() >= nextSample) {
                    double rps = (received.get() - receivedAtLastSample) / (every.toNanos() / 1e9);
                    receivedAtLastSample = received.get();
                    samples.add(sample(start, rps, app.threadFailures() + deadLetters.get()));
                    nextSample += every.toNanos();
                }
            }
            sending.set(false);
            producer.join();
        }
        return new SoakResult(rate, sent.get(), received.get(), samples);
    }

    private List<String> createTopics(BenchSubject subject, String input, String output) throws InterruptedException {
        List<String> extra = subject.extraTopics(output);
        for (String topic :
                Stream.concat(Stream.of(input, output), extra.stream()).toList()) {
            kafka.createTopic(topic, partitions);
        }
        return Stream.concat(Stream.of(output), subject.deadLetterTopic(output).stream())
                .toList();
    }

    private static SoakSample sample(long start, double rps, long errors) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        SoakSample sample = new SoakSample(elapsed, HeapGauge.usedAfterLastGcBytes() / (1024.0 * 1024), rps, errors);
        LOG.info(
                "soak t={}s heap-after-gc={} MiB rps={} errors={}",
                Math.round(elapsed),
                Math.round(sample.heapAfterGcMb()),
                Math.round(rps),
                errors);
        return sample;
    }

    private void sendPaced(String input, double rate, AtomicBoolean sending, AtomicLong sent) {
        Pacer pacer = Pacer.startingNow(rate);
        try (KafkaProducer<String, byte[]> producer = clients.producer(5)) {
            for (long i = 0; sending.get(); i++) {
                pacer.awaitTurn(i);
                long now = System.currentTimeMillis();
                producer.send(new ProducerRecord<>(input, null, now, readings.entityOf(i), readings.encoded(i, now)));
                sent.incrementAndGet();
            }
        }
    }
}
