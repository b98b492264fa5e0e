package savescope.charts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into small inline SVG that scales with the page and follows its theme: coordinates
 * rounded to a tenth of a pixel, theme colours replaced by the page's CSS variables, stable clip ids.
 *
 * <p>XChart draws every label as glyph outlines, never as SVG text, so no user-supplied string (a title,
 * a content type) can reach the markup through a chart; the only text is the escaped accessible name.
 */
public final class Svg {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+(?:[eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");
    private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)");
    private static final Pattern CLIP_ID = Pattern.compile("clip\\d+");
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private static final Pattern PATH_DATA = Pattern.compile(" d=\"([^\"]*)\"");
    private static final Pattern PATH_TOKEN = Pattern.compile("[A-Za-z]|-?\\d+(?:\\.\\d+)?");

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        int end = svg.lastIndexOf("</svg>");
        if (start < 0 || end < 0) {
            throw new IllegalStateException("chart encoder produced no <svg> element");
        }
        String body = compact(svg.substring(svg.indexOf('>', start) + 1, end));
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

    /** Shrinks the encoder's output and ties its colours to the page theme. */
    static String compact(String body) {
        String s = BETWEEN_TAGS.matcher(body.strip()).replaceAll("><");
        s = replace(DECIMAL, s, m -> round(m.group()));
        s = replace(PATH_DATA, s, m -> " d=\"" + path(m.group(1)) + "\"");
        s = replace(RGB, s, m -> colour(new Color(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))));
        // Defaults in SVG already, so they only cost bytes.
        s = s.replace("stroke:none;", "").replace("stroke-miterlimit:10;", "").replace(";\"", "\"");
        s = s.replace(" style=\"\"", "");
        // The encoder numbers clip paths from the clock; ids from the content keep the output reproducible
        // and distinct between charts on one page.
        String prefix = "k" + Integer.toHexString(CLIP_ID.matcher(s).replaceAll("clip").hashCode());
        int[] n = {0};
        Map<String, String> ids = new java.util.HashMap<>();
        return replace(CLIP_ID, s, m -> ids.computeIfAbsent(m.group(), k -> prefix + "-" + n[0]++));
    }

    /**
     * Path data in its shortest equivalent form: no spaces around commands, a minus sign as separator,
     * and the line-to command left out where SVG implies it (after a move-to or line-to).
     */
    public static String path(String d) {
        StringBuilder b = new StringBuilder(d.length());
        Matcher m = PATH_TOKEN.matcher(d);
        char last = ' ';
        while (m.find()) {
            String t = m.group();
            char c = t.charAt(0);
            if (Character.isLetter(c)) {
                if (c == 'L' && (last == 'M' || last == 'L')) {
                    last = 'L';
                    continue;
                }
                b.append(c);
                last = c;
                continue;
            }
            if (t.equals("-0")) {
                t = "0";
            }
            char prev = b.length() == 0 ? ' ' : b.charAt(b.length() - 1);
            if ((Character.isDigit(prev) || prev == '.') && t.charAt(0) != '-') {
                b.append(' ');
            }
            b.append(t);
        }
        return b.toString();
    }

    /** A decimal rounded to a tenth, without a trailing {@code .0} or a negative zero. */
    public static String round(String decimal) {
        long tenths = Math.round(Double.parseDouble(decimal) * 10);
        double v = tenths / 10.0;
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        // A chart holds thousands of coordinates; String.format would look up locale symbols for each one.
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    private static String colour(Color c) {
        String variable = Theme.CSS_VARIABLES.get(c);
        return variable != null ? "var(" + variable + ")" : String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            b.append(s, last, m.start()).append(f.apply(m));
            last = m.end();
        }
        return b.append(s, last, s.length()).toString();
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
