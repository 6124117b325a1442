package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * On the full build's class path (the tests') every part is present, so {@code demo}, {@code bench}
 * and {@code evaluate} run: a misspelt class name here would make them refuse everywhere.
 * LeanImageTest covers the refusal on the production class path.
 */
class FullBuildTest {
    @Test
    void everyPartIsPresentOnTheFullBuildsClassPath() {
        StringWriter err = new StringWriter();
        for (FullBuild part : FullBuild.values()) {
            assertTrue(part.check("demo", new PrintWriter(err)), part.name());
        }
        assertEquals("", err.toString(), "nothing printed when present");
    }

    @Test
    void refusalNamesTheCommandAndWhatIsMissing() {
        assertEquals(
                "`vigil demo` needs the full build: the production image carries no in-process broker;"
                        + " run it from a source checkout",
                FullBuild.BROKER.message("demo"));
    }
}
