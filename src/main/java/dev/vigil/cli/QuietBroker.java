package dev.vigil.cli;

import dev.vigil.ops.EmbeddedKafka;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Starts the in-process broker without the lines Kafka's test kit prints to standard output while it
 * formats its storage, so a command's own output (a console view, a JSON report) stays clean.
 */
final class QuietBroker {
    private QuietBroker() {}

    /** {@link EmbeddedKafka#start()} with standard output muted for its duration. */
    static EmbeddedKafka start() throws Exception {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return EmbeddedKafka.start();
        } finally {
            System.setOut(console);
        }
    }
}
