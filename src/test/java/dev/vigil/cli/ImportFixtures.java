package dev.vigil.cli;

import dev.vigil.dataset.CsvTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The PyTorch exports under {@code src/test/resources/import} (made by {@code make_torch_autoencoder.py})
 * and a way to run {@code vigil} commands in-process with their console captured.
 */
final class ImportFixtures {
    static final String FEATURES = "s0,s1,s2,s3,s4";

    private ImportFixtures() {}

    /** A file of the import resources. */
    static Path resource(String name) {
        try {
            return Path.of(ImportFixtures.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@code columns} of a CSV resource, row-major, and the row count. */
    static Table table(String name, List<String> columns) throws IOException {
        CsvTable csv = CsvTable.read(resource(name));
        float[] values = new float[csv.rows().size() * columns.size()];
        for (int r = 0; r < csv.rows().size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                values[r * columns.size() + c] = Float.parseFloat(csv.rows().get(r)[csv.indexOf(columns.get(c))]);
            }
        }
        return new Table(values, csv.rows().size());
    }

    /** Columns {@code prefix0 … prefix(n-1)}. */
    static List<String> columns(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Row-major values and their row count. */
    record Table(float[] values, int rows) {}

    /** One in-process run of {@code vigil} with its exit code and console. */
    record Run(int exit, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = VigilCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        }
    }
}
