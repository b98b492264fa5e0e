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
