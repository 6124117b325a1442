package dev.vigil.cli;

import dev.vigil.trainer.EpochListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Training progress: a redrawn bar on a terminal, one plain line per epoch otherwise. */
final class ProgressPrinter implements EpochListener {
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void epochFinished(int epoch, int maxEpochs, double trainLoss, double validationLoss, long elapsedMillis) {
        long etaSeconds = Math.round(elapsedMillis / 1000.0 / epoch * (maxEpochs - epoch));
        String line = String.format(
                Locale.ROOT,
                "epoch %d/%d  train %.5f  val %.5f  eta %ds (at most)",
                epoch,
                maxEpochs,
                trainLoss,
                validationLoss,
                etaSeconds);
        if (terminal) {
            int filled = BAR * epoch / maxEpochs;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }
}
