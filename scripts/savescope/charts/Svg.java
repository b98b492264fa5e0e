package savescope.charts;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import org.knowm.xchart.internal.chartpart.Chart;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.Xml;

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

    /** The chart as a cell output: its SVG from {@link #of}, with the same title beside it for renderers. */
    public static Output.Chart output(Chart<?, ?> chart, String title, String alt, String caption, TableView data) {
        return new Output.Chart(of(chart, title), title, alt, caption, data);
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

    /** Escapes text for XML attribute and element content. */
    public static String escape(String s) {
        return Xml.escape(s);
    }
}
