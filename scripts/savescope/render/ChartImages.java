package savescope.render;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.charts.Svg;
import savescope.charts.SvgRaster;
import savescope.notebook.Output;

/**
 * A chart in the forms a Jupyter output carries: a self-contained SVG, a PNG of it at twice its size, and an
 * {@code <img>} of the PNG (or of the SVG when it cannot be painted) with the chart's description as alt text.
 */
final class ChartImages {
    /** Pixels per SVG unit in the PNG: sharp on high-density screens, shown at the SVG's size. */
    static final double PNG_SCALE = 2;
    private static final Pattern SIZE = Pattern.compile("<svg[^>]*?\\swidth=\"([0-9.]+)\"[^>]*?\\sheight=\"([0-9.]+)\"");

    /**
     * @param svg the chart as an SVG file of its own
     * @param pngBase64 the PNG, base64-encoded, or empty when the SVG uses more than the painter knows
     * @param html an {@code <img>} showing the chart
     */
    record Rendered(String svg, Optional<String> pngBase64, String html) {}

    private ChartImages() {}

    static Rendered of(Output.Chart chart) {
        String svg = Svg.standalone(chart.svg());
        Optional<String> png = SvgRaster.png(svg, PNG_SCALE).map(b -> Base64.getEncoder().encodeToString(b));
        int[] size = size(svg);
        String src = png.map(p -> "data:image/png;base64," + p).orElseGet(() -> "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String alt = chart.alt().isEmpty() ? Svg.titleOf(chart.svg()) : chart.alt();
        String html = "<img src=\"" + src + "\" width=\"" + size[0] + "\" height=\"" + size[1] + "\" alt=\""
                + Svg.escape(alt) + "\" style=\"max-width:100%;height:auto\">";
        return new Rendered(svg, png, html);
    }

    /** The width and height a standalone SVG declares, in CSS pixels. */
    static int[] size(String standaloneSvg) {
        Matcher m = SIZE.matcher(standaloneSvg);
        if (!m.find()) {
            return new int[] {760, 300};
        }
        return new int[] {(int) Math.round(Double.parseDouble(m.group(1))),
                (int) Math.round(Double.parseDouble(m.group(2)))};
    }
}
