package dev.vigil.cli;

import dev.vigil.trainer.EpochListener;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wall-clock split of one {@code vigil train} run ({@code --timings}): JVM start-up until the
 * command began, the command's own stages (CSV loading, bundle and report writing), the trainer's
 * stages as it reports them, and the total since the JVM started. Forwards epoch progress.
 */
final class StageTimings implements EpochListener {
    private record Stage(String name, long nanos) {}

    private final EpochListener progress;
    private final List<Stage> stages = new ArrayList<>();
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private long last = System.nanoTime();

    StageTimings(EpochListener progress) {
        this.progress = progress;
        stages.add(new Stage("jvm start and command line", (System.currentTimeMillis() - jvmStartMillis) * 1_000_000));
    }

    @Override
    public void epochFinished(int epoch, int maxEpochs, double trainLoss, double validationLoss, long elapsedMillis) {
        progress.epochFinished(epoch, maxEpochs, trainLoss, validationLoss, elapsedMillis);
    }

    @Override
    public void stageFinished(String stage, long nanos) {
        stages.add(new Stage(stage, nanos));
        if (!stage.startsWith("- ")) {
            last = System.nanoTime();
        }
    }

    /** Ends a stage of the command itself: the time since the previous stage ended. */
    void lap(String stage) {
        stageFinished(stage, System.nanoTime() - last);
    }

    /** Prints one line per stage and the total since the JVM started. */
    void print(PrintWriter out) {
        out.println("timings (wall clock, ms):");
        for (Stage s : stages) {
            out.printf(Locale.ROOT, "  %-48s %8.0f%n", s.name(), s.nanos() / 1e6);
        }
        out.printf(Locale.ROOT, "  %-48s %8d%n", "total since jvm start", System.currentTimeMillis() - jvmStartMillis);
        out.flush();
    }
}
