package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import savescope.cells.Output;
import savescope.charts.Charts;
import savescope.charts.Theme;

/** A chart output as a Jupyter output carries it: a standalone SVG, a PNG of it, an {@code <img>} of the PNG. */
class ChartImagesTest {
    @Test
    void theStylesheetPaletteIsTheChartTheme() {
        // Two definitions of one palette (templates/styles.css for pages, Theme for XChart) must agree.
        Theme.CSS_VARIABLES.forEach((colour, variable) -> assertEquals(
                String.format("#%06x", colour.getRGB() & 0xFFFFFF), ChartImages.PALETTE.get(variable), variable));
    }

    @Test
    void standaloneSvgHasNoVariablesAFixedSizeAndParsesAsXml() throws Exception {
        Output.Chart chart = Charts.saveRateHistogram(new double[] {0.01, 0.02, 0.02, 0.03, 0.05}, 10);
        assertTrue(chart.svg().contains("var(--oi-blue)"), "the page's form follows the theme");
        String alone = ChartImages.standalone(chart.svg());
        assertFalse(alone.contains("var("), "no CSS variable left");
        assertTrue(alone.contains("fill:#0072b2"), "the bars in the palette's blue");
        assertTrue(alone.matches("(?s)<svg [^>]* width=\"760\" height=\"300\">.*"), alone.substring(0, 200));
        // A namespace-aware parser, as an <img> of an SVG file uses; the page's bare xlink: prefix would fail it.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(alone.getBytes(StandardCharsets.UTF_8)));
        String withPicture = ChartImages.standalone("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\" "
                + "width=\"100%\"><image xlink:href=\"data:image/png;base64,AA==\"/></svg>");
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\" width=\"4\" height=\"4\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"data:image/png;base64,AA==\"/></svg>",
                withPicture);
    }

    @Test
    void pngAndImgShowTheChart() throws Exception {
        Output.Chart chart = Charts.saveRateHistogram(new double[] {0.01, 0.02, 0.02, 0.03, 0.05}, 10);
        ChartImages.Rendered r = ChartImages.of(chart);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(r.pngBase64().orElseThrow())));
        assertEquals(List.of(1520, 600), List.of(png.getWidth(), png.getHeight()), "twice 760 × 300");
        int blue = 0;
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                blue += (png.getRGB(x, y) & 0xFFFFFF) == (Theme.BLUE.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertTrue(blue > 1000, "bars painted in the theme's blue: " + blue + " sampled pixels");
        assertTrue(r.html().startsWith("<img src=\"data:image/png;base64," + r.pngBase64().get() + "\" width=\"760\" "
                + "height=\"300\" alt=\"Histogram of save rates"), r.html().substring(0, 100));
        Output.Chart unknown = new Output.Chart("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">"
                + "<foreignObject/></svg>", "T <x>", "", "", null);
        ChartImages.Rendered fallback = ChartImages.of(unknown);
        assertTrue(fallback.pngBase64().isEmpty(), "no PNG for SVG the painter does not know");
        assertTrue(fallback.html().startsWith("<img src=\"data:image/svg+xml;base64,"), "the SVG itself then");
        assertTrue(fallback.html().contains("alt=\"T &lt;x&gt;\""), "the title, escaped, when there is no alt text");
    }
}
