package savescope.charts;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into small inline SVG that scales with the page and follows its theme: coordinates
 * rounded to a tenth of a pixel, theme colours replaced by the page's CSS variables, stable clip ids.
 *
 * <p>XChart draws every label as glyph outlines, never as SVG text, so no user-supplied string (a title,
 * a content type) can reach the markup through a chart; the only text is the escaped accessible name.
 */
public final class Svg {

    /** Time spent drawing charts, summed over threads (for the benchmark's split of the report stage). */
    private static final java.util.concurrent.atomic.LongAdder DRAWING_NANOS = new java.util.concurrent.atomic.LongAdder();

    private Svg() {}

    /** Nanoseconds spent in {@link #of} so far in this process, over all threads. */
    public static long drawingNanos() {
        return DRAWING_NANOS.sum();
    }

    /**
     * The chart as an {@code <svg>} element: no XML prolog or doctype, a viewBox so it scales, and
     * {@code title} as its accessible name.
     */
    public static String of(Chart<?, ?> chart, String title) {
        long start = System.nanoTime();
        try {
            return draw(chart, title);
        } finally {
            DRAWING_NANOS.add(System.nanoTime() - start);
        }
    }

    private static String draw(Chart<?, ?> chart, String title) {
        // XChart paints onto VectorGraphics2D, which only records the calls; SvgWriter turns the record into
        // markup directly (the library's own SVG processor built a DOM, serialized it and needed shrinking).
        VectorGraphics2D graphics = new VectorGraphics2D();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        String body = SvgWriter.write(graphics.getCommands());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + chart.getWidth() + " " + chart.getHeight()
                + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\""
                + escape(title) + "\"><title>" + escape(title) + "</title>" + body + "</svg>";
    }

    /**
     * The chart as a file of its own, for places with no page around it (an {@code <img>}, a Jupyter output, a
     * viewer): the theme's CSS variables replaced by the light theme's colours, a fixed size from the viewBox,
     * and the {@code xlink} namespace declared where an embedded picture uses it. The page's inline SVG keeps its
     * variables, so the report's dark mode still restyles it.
     */
    public static String standalone(String svg) {
        StringBuilder b = new StringBuilder(svg.length());
        java.util.regex.Matcher m = VARIABLE.matcher(svg);
        int last = 0;
        while (m.find()) {
            String colour = Theme.hexOf(m.group(1));
            if (colour == null) {
                continue;
            }
            b.append(svg, last, m.start()).append(colour);
            last = m.end();
        }
        String resolved = b.append(svg, last, svg.length()).toString();
        int rootEnd = resolved.indexOf('>');
        if (!resolved.startsWith("<svg") || rootEnd < 0) {
            return resolved;
        }
        String root = resolved.substring(0, rootEnd);
        java.util.regex.Matcher box = VIEW_BOX.matcher(root);
        if (box.find()) {
            String size = " width=\"" + box.group(1) + "\" height=\"" + box.group(2) + "\"";
            root = root.replaceAll("\\s(width|height)=\"[^\"]*\"", "") + size;
        }
        if (resolved.contains("xlink:href") && !root.contains("xmlns:xlink")) {
            root += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        }
        return root + resolved.substring(rootEnd);
    }

    private static final java.util.regex.Pattern VARIABLE =
            java.util.regex.Pattern.compile("var\\((--[a-z0-9-]+)(?:,[^)]*)?\\)");
    private static final java.util.regex.Pattern VIEW_BOX =
            java.util.regex.Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");

    /** The accessible name {@link #of} gave an SVG, unescaped, or empty when there is none. */
    public static String titleOf(String svg) {
        int open = svg.indexOf("<title>");
        int close = svg.indexOf("</title>");
        if (open < 0 || close < open) {
            return "";
        }
        return unescape(svg.substring(open + 7, close));
    }

    /** Escapes text for XML attribute and element content. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
