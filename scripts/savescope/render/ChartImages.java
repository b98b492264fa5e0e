package savescope.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.cells.Output;
import savescope.cells.Xml;

/**
 * A chart in the forms a Jupyter output carries: a self-contained SVG, a PNG of it at twice its size, and an
 * {@code <img>} of the PNG (or of the SVG when it cannot be painted) with the chart's description as alt text.
 * The page's SVG takes its colours from the stylesheet's custom properties; here they are replaced by the light
 * theme's values, read from the same stylesheet (templates/styles.css), where the palette is defined once.
 */
public final class ChartImages {
    /** Pixels per SVG unit in the PNG: sharp on high-density screens, shown at the SVG's size. */
    static final double PNG_SCALE = 2;
    private static final Pattern SIZE = Pattern.compile("<svg[^>]*?\\swidth=\"([0-9.]+)\"[^>]*?\\sheight=\"([0-9.]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("var\\((--[A-Za-z0-9-]+)\\s*(?:,[^)]*)?\\)");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");
    private static final Pattern DECLARATION = Pattern.compile("(--[A-Za-z0-9-]+)\\s*:\\s*(#[0-9A-Fa-f]{3,6})\\s*;");

    /** The light theme's colours by custom property, from the first {@code :root} block of the stylesheet. */
    public static final Map<String, String> PALETTE = palette();

    /**
     * @param svg the chart as an SVG file of its own
     * @param pngBase64 the PNG, base64-encoded, or empty when the SVG uses more than the painter knows
     * @param html an {@code <img>} showing the chart
     */
    record Rendered(String svg, Optional<String> pngBase64, String html) {}

    private ChartImages() {}

    static Rendered of(Output.Chart chart) {
        String svg = standalone(chart.svg());
        Optional<String> png = SvgRaster.png(svg, PNG_SCALE, PALETTE).map(b -> Base64.getEncoder().encodeToString(b));
        int[] size = size(svg);
        String src = png.map(p -> "data:image/png;base64," + p).orElseGet(() -> "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
        String alt = chart.alt().isEmpty() ? chart.title() : chart.alt();
        String html = "<img src=\"" + src + "\" width=\"" + size[0] + "\" height=\"" + size[1] + "\" alt=\""
                + Xml.escape(alt) + "\" style=\"max-width:100%;height:auto\">";
        return new Rendered(svg, png, html);
    }

    /**
     * The chart as a file of its own, for places with no page around it (an {@code <img>}, a Jupyter output, a
     * viewer): the stylesheet's variables replaced by the light theme's colours, a fixed size from the viewBox, and
     * the {@code xlink} namespace declared where an embedded picture uses it.
     */
    public static String standalone(String svg) {
        StringBuilder b = new StringBuilder(svg.length());
        Matcher m = VARIABLE.matcher(svg);
        int last = 0;
        while (m.find()) {
            String colour = PALETTE.get(m.group(1));
            if (colour != null) {
                b.append(svg, last, m.start()).append(colour);
                last = m.end();
            }
        }
        String resolved = b.append(svg, last, svg.length()).toString();
        int rootEnd = resolved.indexOf('>');
        if (!resolved.startsWith("<svg") || rootEnd < 0) {
            return resolved;
        }
        String root = resolved.substring(0, rootEnd);
        Matcher box = VIEW_BOX.matcher(root);
        if (box.find()) {
            root = root.replaceAll("\\s(width|height)=\"[^\"]*\"", "") + " width=\"" + box.group(1) + "\" height=\""
                    + box.group(2) + "\"";
        }
        if (resolved.contains("xlink:href") && !root.contains("xmlns:xlink")) {
            root += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        }
        return root + resolved.substring(rootEnd);
    }

    /** The width and height a standalone SVG declares, in CSS pixels. */
    public static int[] size(String standaloneSvg) {
        Matcher m = SIZE.matcher(standaloneSvg);
        if (!m.find()) {
            return new int[] {760, 300};
        }
        return new int[] {(int) Math.round(Double.parseDouble(m.group(1))),
                (int) Math.round(Double.parseDouble(m.group(2)))};
    }

    private static Map<String, String> palette() {
        String css;
        try (InputStream in = ChartImages.class.getResourceAsStream("/templates/styles.css")) {
            if (in == null) {
                throw new IllegalStateException("templates/styles.css is missing from the class path");
            }
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int open = css.indexOf(":root");
        int close = css.indexOf('}', open);
        Map<String, String> m = new LinkedHashMap<>();
        if (open >= 0 && close > open) {
            Matcher d = DECLARATION.matcher(css.substring(open, close));
            while (d.find()) {
                m.put(d.group(1), d.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
