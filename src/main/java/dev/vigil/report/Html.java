package dev.vigil.report;

import java.util.Arrays;
import java.util.List;

/** HTML for self-contained reports: the page skeleton, table rows and the one escaping rule. */
public final class Html {
    private Html() {}

    /**
     * A whole document.
     *
     * @param title the page title, escaped here
     * @param style an inline CSS style sheet
     * @param body the body's markup, inserted as it is
     */
    public static String page(String title, String style, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>" + style
                + "</style></head><body>" + body + "</body></html>\n";
    }

    /** A table row of header cells, each escaped. */
    public static String headerRow(List<String> names) {
        StringBuilder row = new StringBuilder("<tr>");
        names.forEach(name -> row.append("<th>").append(escape(name)).append("</th>"));
        return row.append("</tr>").toString();
    }

    /** A table row of data cells, each written with {@link String#valueOf(Object)} and escaped. */
    public static String row(Object... cells) {
        return "<tr>" + cells(Arrays.asList(cells)) + "</tr>";
    }

    /** A table row of the CSS class {@code cssClass}, its data cells written and escaped as by {@link #row}. */
    public static String classedRow(String cssClass, List<?> cells) {
        return "<tr class=\"" + escape(cssClass) + "\">" + cells(cells) + "</tr>";
    }

    /** {@code text} with {@code & < > "} replaced by entities, safe in element content and quoted attributes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String cells(List<?> cells) {
        StringBuilder out = new StringBuilder();
        cells.forEach(
                cell -> out.append("<td>").append(escape(String.valueOf(cell))).append("</td>"));
        return out.toString();
    }
}
