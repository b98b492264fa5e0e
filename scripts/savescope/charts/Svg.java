package savescope.charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Turns an XChart chart into inline SVG markup that scales with the page. */
public final class Svg {
    private Svg() {}

    /**
     * The chart as an {@code <svg>} element: no XML prolog or doctype, a viewBox so it scales, and an
     * accessible name from {@code title}.
     */
    public static String of(Chart<?, ?> chart, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("chart encoder produced no <svg> element");
        }
        svg = svg.substring(start);
        int w = chart.getWidth();
        int h = chart.getHeight();
        int tagEnd = svg.indexOf('>');
        String rest = svg.substring(tagEnd + 1);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\""
                + escape(title) + "\"><title>" + escape(title) + "</title>" + rest;
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
}
