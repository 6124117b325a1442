package dev.vigil.report;

import java.util.Locale;

/**
 * A minimal inline-SVG plot: a data rectangle with axes, mapping data coordinates to pixels. Output
 * is plain SVG markup with no scripts or external references; every text is escaped. Build it by
 * chaining the drawing methods, then take {@link #toSvg()}.
 */
public final class SvgPlot {
    private static final int LEFT = 60, RIGHT = 50, TOP = 20, BOTTOM = 40;

    private final int width;
    private final int height;
    private final double xMin, xMax, yMin, yMax;
    private final StringBuilder svg = new StringBuilder();

    /**
     * An empty plot of {@code width} × {@code height} pixels showing the data range [xMin, xMax] ×
     * [yMin, yMax]; an empty range is widened to one unit.
     */
    public SvgPlot(int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                width, height, width, height));
        svg.append(format(
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#999\"/>",
                LEFT, TOP, plotWidth(), plotHeight()));
    }

    /** A vertical band from {@code x0} to {@code x1} over the full height. */
    public SvgPlot band(double x0, double x1, String fill) {
        double left = px(x0), right = Math.max(px(x1), left + 1);
        svg.append(format(
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                left, TOP, right - left, plotHeight(), fill));
        return this;
    }

    /** A thin strip from {@code x0} to {@code x1} along the top edge. */
    public SvgPlot topStrip(double x0, double x1, String fill) {
        double left = px(x0), right = Math.max(px(x1), left + 1);
        svg.append(format(
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"%s\"/>", left, TOP, right - left, fill));
        return this;
    }

    /** A bar from {@code x0} to {@code x1} rising from the bottom edge to {@code y}, one pixel apart from the next. */
    public SvgPlot bar(double x0, double x1, double y, String fill) {
        double left = px(x0), top = py(y);
        svg.append(format(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                left, top, Math.max(px(x1) - left - 1, 1), TOP + plotHeight() - top, fill));
        return this;
    }

    /** A vertical line over the full height at {@code x}, to mark a value such as a threshold. */
    public SvgPlot marker(double x, String stroke) {
        double at = px(x);
        svg.append(format(
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                at, TOP, at, TOP + plotHeight(), stroke));
        return this;
    }

    /** A polyline through {@code (xs[i], ys[i])}; NaN points are skipped. */
    public SvgPlot line(double[] xs, double[] ys, String stroke, double strokeWidth) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(ys[i])) {
                points.append(format("%.1f,%.1f ", px(xs[i]), py(ys[i])));
            }
        }
        svg.append(format(
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" points=\"%s\"/>",
                stroke, strokeWidth, points.toString().trim()));
        return this;
    }

    /** A tick with its label on the x axis at data coordinate {@code x}. */
    public SvgPlot xTick(double x, String label) {
        double at = px(x);
        int base = TOP + plotHeight();
        svg.append(
                format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", at, base, at, base + 4));
        svg.append(format(
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", at, base + 16, Html.escape(label)));
        return this;
    }

    /** A tick with its label and a faint grid line on the y axis at data coordinate {@code y}. */
    public SvgPlot yTick(double y, String label) {
        double at = py(y);
        svg.append(format(
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                LEFT, at, LEFT + plotWidth(), at));
        svg.append(format(
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 4, at + 4, Html.escape(label)));
        return this;
    }

    /** Axis titles under the x axis and along the y axis. */
    public SvgPlot titles(String xTitle, String yTitle) {
        svg.append(format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + plotWidth() / 2, height - 4, Html.escape(xTitle)));
        svg.append(format(
                "<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">%s</text>",
                TOP + plotHeight() / 2, TOP + plotHeight() / 2, Html.escape(yTitle)));
        return this;
    }

    /** A legend entry: a colour swatch and a label, at slot {@code slot} along the top right. */
    public SvgPlot legend(int slot, String colour, String label) {
        int x = LEFT + plotWidth() - 150, y = TOP + 16 + slot * 14;
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y - 9, colour));
        svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>", x + 14, y, Html.escape(label)));
        return this;
    }

    /** The finished {@code <svg>} element. */
    public String toSvg() {
        return svg + "</svg>";
    }

    private int plotWidth() {
        return width - LEFT - RIGHT;
    }

    private int plotHeight() {
        return height - TOP - BOTTOM;
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    private double py(double y) {
        double clamped = Math.max(yMin, Math.min(yMax, y));
        return TOP + plotHeight() - (clamped - yMin) / (yMax - yMin) * plotHeight();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
