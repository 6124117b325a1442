package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VigilCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Commands:"), out.toString());
    }

    @Test
    void unknownCommandFailsWithAClearError() {
        assertNotEquals(0, run("frobnicate"));
        assertTrue(err.toString().contains("frobnicate"), err.toString());
    }

    @Test
    void unknownFlagFailsWithAClearError() {
        assertNotEquals(0, run("--no-such-flag"));
        assertTrue(err.toString().contains("--no-such-flag"), err.toString());
    }

    @Test
    void benchSoakTakesTheDurationAsTheReliabilityIssueWritesIt() {
        CommandLine.ParseResult parsed = VigilCommand.commandLine().parseArgs("bench", "--soak", "30m");
        BenchCommand bench = (BenchCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(java.time.Duration.ofMinutes(30), bench.soak);
    }

    @Test
    void aNegativePaddedBaselineIsRefusedByName() {
        assertNotEquals(0, run("bench", "--padded-baseline", "-5"));
        assertTrue(err.toString().contains("--padded-baseline must be 0 or more, was -5"), err.toString());
    }

    @Test
    void evaluateTakesEitherOneSeedOrDistinctSeeds() {
        assertNotEquals(0, run("evaluate", "--dataset", "no-such-dir", "--seed", "1", "--seeds", "2,3"));
        assertTrue(err.toString().contains("--seed and --seeds: give one or the other"), err.toString());
        assertNotEquals(0, run("evaluate", "--dataset", "no-such-dir", "--seeds", "2,2"));
        assertTrue(err.toString().contains("--seeds: give distinct seeds, got [2, 2]"), err.toString());
    }

    @Test
    void noCommandFailsAndShowsUsage() {
        assertNotEquals(0, run());
        assertTrue(err.toString().contains("Missing command"), err.toString());
    }
}
