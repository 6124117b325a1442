package dev.vigil.cli;

import dev.vigil.contract.AvroPackages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: one picocli subcommand per job. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time anomaly detection on Kafka with autoencoders run through ONNX Runtime.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            DetectCommand.class,
            EvaluateCommand.class,
            FeedbackCommand.class,
            ModelsCommand.class,
            SimulateCommand.class,
            TrainCommand.class,
            TrainerCommand.class
        })
public final class VigilCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        AvroPackages.trust();
        return new CommandLine(new VigilCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: choose one of the commands below.");
    }
}
