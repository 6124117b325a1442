package dev.vigil.swap;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.scoring.ModelHolder;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.scoring.ScoringProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring path of the detector for swap tests: Avro readings → window-1 feature vectors → the
 * detector's real {@link ScoringProcessor} over a {@link ModelHolder} → ScoredReading carrying the
 * version that scored it. Decision and alerting are left out: the swap happens in scoring.
 */
final class SwapTopology {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<DeadLetter> LETTERS = AvroCodec.of(DeadLetter.class);

    private SwapTopology() {}

    static Topology build(ModelHolder holder, FeatureLayout layout, String in, String out, String dlq) {
        var settings = new ScoringProcessor.Settings(32, Duration.ofMillis(50), "slots", "encode", "letters");
        Topology topology = new Topology();
        topology.addSource(
                "in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), in);
        topology.addProcessor("features", () -> new Vectorise(layout), "in");
        topology.addProcessor(
                "scoring", () -> new ScoringProcessor(holder, layout, settings, DetectorEvents.NOOP), "features");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore("slots"), Serdes.Integer(), Serdes.ByteArray()),
                "scoring");
        topology.addProcessor("encode", Encode::new, "scoring");
        topology.addProcessor("letters", EncodeLetter::new, "scoring");
        topology.addSink(
                "out", out, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "encode");
        topology.addSink(
                "dlq", dlq, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "letters");
        return topology;
    }

    private static final class Vectorise implements Processor<String, byte[], String, FeatureVector> {
        private final FeatureLayout layout;
        private ProcessorContext<String, FeatureVector> context;

        Vectorise(FeatureLayout layout) {
            this.layout = layout;
        }

        @Override
        public void init(ProcessorContext<String, FeatureVector> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            try {
                SensorReading reading = READINGS.decode(record.value());
                float[] input = new float[layout.features()];
                for (int f = 0; f < input.length; f++) {
                    input[f] = reading.getValues().get(layout.names().get(f)).floatValue();
                }
                context.forward(record.withValue(new FeatureVector(reading, input)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Encode implements Processor<String, Scored, String, byte[]> {
        private ProcessorContext<String, byte[]> context;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Scored> record) {
            Scored scored = record.value();
            ScoredReading out = ScoredReading.newBuilder()
                    .setReading(scored.reading())
                    .setVerdict(scored.score() > scored.model().anomalyThreshold() ? Verdict.ANOMALOUS : Verdict.NORMAL)
                    .setScore(scored.score())
                    .setThreshold(scored.model().anomalyThreshold())
                    .setModelGroup(scored.model().group())
                    .setModelVersion(scored.model().version())
                    .setScoredAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .build();
            context.forward(record.withValue(SCORED.encode(out)));
        }
    }

    private static final class EncodeLetter implements Processor<String, DeadLetter, String, byte[]> {
        private ProcessorContext<String, byte[]> context;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, DeadLetter> record) {
            context.forward(record.withValue(LETTERS.encode(record.value())));
        }
    }
}
