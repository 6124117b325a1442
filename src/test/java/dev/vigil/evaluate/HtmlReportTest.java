package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void theReportIsSelfContainedWithOneChartPerEntityPlusTheCurve(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(ReportFixtures.twoEntities(3), file);
        String html = Files.readString(file);
        assertEquals(3, html.split("<svg", -1).length - 1);
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src="), "no external resources");
        assertFalse(html.contains("href="), "no links");
    }

    @Test
    void entityNamesAreEscapedAndLabelledAnomaliesAreShaded() {
        String html = HtmlReport.render(ReportFixtures.twoEntities(3));
        assertTrue(html.contains("pump-&lt;1&gt;"));
        assertFalse(html.contains("pump-<1>"));
        assertTrue(html.contains("rgba(220,40,40,0.25)"), "anomaly bands drawn");
        assertTrue(html.contains("<td>pooled</td>"));
    }
}
