package dev.vigil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One of each: the production sources that parse CSV, draw SVG or escape HTML are exactly the one
 * class and the one package made for it. Reads the sources, so a second hand-written CSV split or
 * SVG string anywhere else fails here.
 */
class OneOfEachTest {
    private static final Path MAIN = Path.of("src/main/java/dev/vigil");
    /** A Jackson CSV mapper, or a line split on commas by hand. */
    private static final Pattern READS_CSV = Pattern.compile("CsvMapper|\\.split\\(\",\"");
    /** A string literal that writes an SVG element or an HTML entity. */
    private static final Pattern WRITES_SVG_OR_ESCAPES =
            Pattern.compile("\"[^\"\\n]*(<svg|<rect|<path|<polyline|&amp;|&lt;|&quot;)");

    @Test
    void exactlyOneClassReadsCsv() {
        assertEquals(Set.of("dataset/CsvTable.java"), sourcesMatching(READS_CSV));
    }

    @Test
    void onlyTheReportPackageDrawsSvgAndEscapesHtml() {
        assertEquals(Set.of("report/Html.java", "report/SvgPlot.java"), sourcesMatching(WRITES_SVG_OR_ESCAPES));
    }

    private static Set<String> sourcesMatching(Pattern pattern) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            Set<String> matching = new TreeSet<>();
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    matching.add(MAIN.relativize(file).toString().replace('\\', '/'));
                }
            }
            return matching;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
