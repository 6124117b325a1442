package dev.vigil.cli;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil feedback false-alarm|confirm}: an operator's verdict on an alert, or on a stretch of an
 * entity's history, written to the feedback topic keyed by entity. The detector learns a false alarm
 * at once; the trainer trains on false alarms and never on confirmed anomalies at its next run.
 */
@Command(
        name = "feedback",
        mixinStandardHelpOptions = true,
        description = "Tell Vigil an alert was a false alarm, or confirm it was an anomaly.",
        subcommands = {FeedbackCommand.FalseAlarm.class, FeedbackCommand.Confirm.class})
public final class FeedbackCommand implements Runnable {
    private static final AvroCodec<Feedback> FEEDBACK = AvroCodec.of(Feedback.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: false-alarm or confirm.");
    }

    /** What the feedback is about: an alert, or an entity's stretch. */
    static final class Target {
        @Option(names = "--alert", paramLabel = "ID", description = "Alert id (entity@startMillis), from vigil.alerts.")
        String alert;

        @ArgGroup(exclusive = false)
        Stretch stretch;
    }

    /** An entity's stretch of event time. */
    static final class Stretch {
        @Option(names = "--entity", required = true, description = "Entity.")
        String entity;

        @Option(
                names = "--from",
                required = true,
                paramLabel = "TIME",
                converter = InstantConverter.class,
                description = "Start, ISO-8601 or epoch millis, inclusive.")
        Instant from;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "TIME",
                converter = InstantConverter.class,
                description = "End, ISO-8601 or epoch millis, inclusive.")
        Instant to;
    }

    /** Options of both subcommands. */
    @Command
    abstract static class Verdict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KafkaClientOptions kafka = new KafkaClientOptions();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--note", description = "Free-text note.")
        String note;

        @Option(names = "--author", description = "Who gives the feedback (default: the user name).")
        String author = System.getProperty("user.name");

        @Option(
                names = "--topic",
                defaultValue = "vigil.feedback",
                description = "Feedback topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(
                names = "--alerts-topic",
                defaultValue = "vigil.alerts",
                description = "Alerts topic to resolve --alert from (default: ${DEFAULT-VALUE}).")
        String alertsTopic;

        @Option(
                names = "--timeout",
                defaultValue = "15s",
                converter = HumanDuration.class,
                description = "How long to wait for the broker (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        abstract FeedbackLabel label();

        @Override
        public Integer call() throws Exception {
            try {
                Feedback feedback = feedback();
                RecordMetadata written = send(feedback);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s %s %s .. %s%s -> %s partition %d offset %d%n",
                                feedback.getLabel(),
                                feedback.getEntity(),
                                feedback.getFrom(),
                                feedback.getTo(),
                                feedback.getAlertId() == null ? "" : " (alert " + feedback.getAlertId() + ")",
                                written.topic(),
                                written.partition(),
                                written.offset());
                return ExitCodes.OK;
            } catch (IllegalArgumentException | IllegalStateException | KafkaException e) {
                spec.commandLine().getErr().printf("vigil feedback %s: %s%n", spec.name(), e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        private Feedback feedback() throws java.io.IOException {
            Feedback.Builder builder = Feedback.newBuilder()
                    .setLabel(label())
                    .setNote(note)
                    .setAuthor(author)
                    .setCreatedAt(Instant.now());
            if (target.alert != null) {
                var span = new AlertLookup(kafka.properties(), alertsTopic, timeout)
                        .find(target.alert)
                        .orElseThrow(
                                () -> new IllegalArgumentException("no alert " + target.alert + " on " + alertsTopic));
                return builder.setAlertId(target.alert)
                        .setEntity(span.entity())
                        .setFrom(span.from())
                        .setTo(span.to())
                        .build();
            }
            Stretch stretch = target.stretch;
            if (stretch.to.isBefore(stretch.from)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--to " + stretch.to + " is before --from " + stretch.from);
            }
            return builder.setEntity(stretch.entity)
                    .setFrom(stretch.from)
                    .setTo(stretch.to)
                    .build();
        }

        private RecordMetadata send(Feedback feedback) throws Exception {
            Map<String, Object> props = new HashMap<>(kafka.properties());
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
            props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * (int) timeout.toMillis());
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                var record = new ProducerRecord<>(topic, feedback.getEntity(), FEEDBACK.encode(feedback));
                return producer.send(record).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "could not write to " + topic + ": " + e.getCause().getMessage(), e);
            }
        }
    }

    @Command(
            name = "false-alarm",
            mixinStandardHelpOptions = true,
            description = "Report an alert (or a stretch) as a false alarm: the detector learns its scores at once,"
                    + " the trainer trains on it as normal data at its next run.")
    static final class FalseAlarm extends Verdict {
        @Override
        FeedbackLabel label() {
            return FeedbackLabel.FALSE_ALARM;
        }
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = "Confirm an alert (or a stretch) as an anomaly: the trainer never trains on it.")
    static final class Confirm extends Verdict {
        @Override
        FeedbackLabel label() {
            return FeedbackLabel.CONFIRMED_ANOMALY;
        }
    }
}
