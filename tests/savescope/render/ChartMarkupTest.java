package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import savescope.charts.Charts;
import savescope.charts.Theme;
import savescope.cells.Output;
import savescope.cells.TableView;

/** The charts' SVG is small, reproducible and follows the page's palette. */
class ChartMarkupTest {
    // 10 rates: 0.1% ×3, 0.3% ×4, 0.7% ×2, 5% ×1 (the outlier).
    static final double[] RATES = {0.001, 0.001, 0.001, 0.003, 0.003, 0.003, 0.003, 0.007, 0.007, 0.05};

    @Test
    void histogramUsesThePageVariablesNotFixedColours() {
        String svg = Charts.saveRateHistogram(RATES, 10).svg();
        assertTrue(svg.contains("var(--oi-blue)"), "bars in the palette's blue");
        assertTrue(svg.contains("var(--ink)") || svg.contains("var(--muted)"), "text in the theme's ink");
        assertTrue(svg.contains("var(--bg)"), "background follows the theme");
        assertFalse(svg.contains("rgb("), "no fixed colours left");
    }

    @Test
    void histogramIsSmallAndReproducible() {
        String a = Charts.saveRateHistogram(RATES, 10).svg();
        String b = Charts.saveRateHistogram(RATES, 10).svg();
        assertEquals(a, b, "same data, same markup (no clock-based ids)");
        assertFalse(Pattern.compile("\\d\\.\\d\\d").matcher(a).find(), "coordinates rounded to a tenth of a pixel");
        assertTrue(a.length() < 40_000, "a histogram stays small: " + a.length() + " chars");
    }

    @Test
    void histogramMarkupIsWellFormedWithEveryClipDefined() throws Exception {
        String svg = Charts.saveRateHistogram(RATES, 10).svg();
        // Parsing proves the hand-written markup is well formed; an undefined or unused clip would show as a mismatch.
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
        org.w3c.dom.NodeList clips = doc.getElementsByTagName("clipPath");
        assertTrue(clips.getLength() > 0, "the plot area is clipped");
        for (int i = 0; i < clips.getLength(); i++) {
            String id = ((org.w3c.dom.Element) clips.item(i)).getAttribute("id");
            assertTrue(id.matches("k[0-9a-f]+-" + i), id);
            assertTrue(svg.contains("clip-path=\"url(#" + id + ")\""), id + " is used");
        }
        assertEquals(0, doc.getElementsByTagName("text").getLength(), "labels are outlines, not text");
        assertFalse(svg.contains("<g>"), "no group without a clip or transform");
    }

    @Test
    void histogramBinsAndDataTable() {
        Output.Chart chart = Charts.saveRateHistogram(RATES, 10);
        // Ten videos: Rice's rule gives ceil(2·∛10) = 5 bins at most. 99th percentile of the sorted rates:
        // index floor(0.99·9) = 8 → 0.7%; 0.7/5 = 0.14 → round step 0.2, so ceil(0.7/0.2) = 4 bins:
        // [0,0.2) holds 0.1% ×3, [0.2,0.4) holds 0.3% ×4, [0.4,0.6) none, ≥0.6 holds 0.7% ×2 and the 5% outlier.
        TableView data = chart.data();
        assertNotNull(data);
        assertEquals(4, data.rows().size());
        assertEquals("0–0.2%", data.rows().get(0).get(0).text());
        assertEquals("3", data.rows().get(0).get(1).text());
        assertEquals("4", data.rows().get(1).get(1).text());
        assertEquals("0", data.rows().get(2).get(1).text());
        assertEquals("≥0.6%", data.rows().get(3).get(0).text());
        assertEquals("3", data.rows().get(3).get(1).text());
        long total = data.rows().stream().mapToLong(r -> Long.parseLong(r.get(1).text())).sum();
        assertEquals(RATES.length, total, "every video is in exactly one bin");
        assertTrue(chart.alt().contains("10 videos in 4 bins of 0.2 percentage points"), chart.alt());
    }

    @Test
    void cssDefinesEveryThemeColourWithTheSameValue() throws Exception {
        String css = Files.readString(Path.of("templates", "styles.css"));
        String light = css.substring(css.indexOf(":root {"), css.indexOf('}', css.indexOf(":root {")));
        for (Map.Entry<Color, String> e : Theme.CSS_VARIABLES.entrySet()) {
            Matcher m = Pattern.compile(Pattern.quote(e.getValue()) + ":\\s*(#[0-9a-fA-F]{6})").matcher(light);
            assertTrue(m.find(), e.getValue() + " is defined in the light theme");
            String hex = String.format(Locale.ROOT, "#%06x", e.getKey().getRGB() & 0xFFFFFF);
            assertEquals(hex, m.group(1).toLowerCase(Locale.ROOT), e.getValue());
        }
    }
}
