package savescope.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.notebook.NotebookRuns;

/**
 * Shows every SVG output of the saves-overview notebook's .ipynb as an {@code <img>}, the way JupyterLab and GitHub
 * show an untrusted output, in headless Chromium, and checks from a screenshot that each is a picture: not the page
 * showing through (blank or broken) and not a solid black box (colours that only the report's CSS defines).
 */
class NotebookChartsInBrowserTest {
    /** Page colour: a chart paints its own white background, so magenta shows only where the image failed. */
    static final int PAGE = 0xFF00FF;
    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    static final int GAP = 20;

    @TempDir
    Path dir;

    @Test
    void everySvgOutputDrawsAsAnImageThatIsNeitherBlankNorBlack() throws Exception {
        assumeTrue(BrowserCheck.findChromium().isPresent(), "Chromium is not installed (.ci/install-chromium installs it)");
        List<String> svgs = NotebookRuns.svgOutputs(NotebookRuns.runOverview(dir));
        assertTrue(svgs.size() >= 1, "the notebook shows at least one chart");

        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "charts</title><style>body{margin:0;background:#ff00ff}img{position:absolute;left:0;width:" + WIDTH
                + "px;height:" + HEIGHT + "px}</style></head><body>");
        for (int i = 0; i < svgs.size(); i++) {
            page.append("<img alt=\"chart ").append(i + 1).append("\" style=\"top:").append(i * (HEIGHT + GAP))
                    .append("px\" src=\"data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(svgs.get(i).getBytes(StandardCharsets.UTF_8)))
                    .append("\">");
        }
        page.append("<div style=\"position:absolute;top:").append(svgs.size() * (HEIGHT + GAP))
                .append("px;height:1px;width:1px\"></div></body></html>");
        Path html = Files.writeString(dir.resolve("charts.html"), page);
        Path shot = Files.createDirectories(Path.of("reports", "ci")).resolve("notebook-svg-outputs.png");
        BrowserCheck.Result r = BrowserCheck.check(html, shot, Duration.ofSeconds(60));
        assertEquals(List.of(), r.consoleErrors());

        BufferedImage screen = ImageIO.read(shot.toFile());
        for (int i = 0; i < svgs.size(); i++) {
            PixelStats s = PixelStats.of(screen, 0, i * (HEIGHT + GAP), WIDTH, HEIGHT, PAGE);
            String which = "SVG output " + (i + 1) + ": " + s;
            assertTrue(s.pageShare() < 0.01, which + " (the page shows through: the image did not draw)");
            assertTrue(s.blackShare() < 0.3, which + " (mostly black: colours that did not resolve)");
            assertTrue(s.inkShare() > 0.02, which + " (almost nothing drawn on the background)");
            assertTrue(s.colours() >= 8, which + " (too few colours for a chart with text, grid and data)");
        }
    }

    /**
     * Counts over a region of a picture.
     *
     * @param pageShare share of pixels in the page colour
     * @param blackShare share of pixels darker than 40 on every channel
     * @param inkShare share of pixels that differ from the region's most common colour
     * @param colours how many distinct colours the region has
     */
    record PixelStats(double pageShare, double blackShare, double inkShare, int colours) {
        static PixelStats of(BufferedImage img, int x0, int y0, int w, int h, int page) {
            java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
            int pageCount = 0;
            int black = 0;
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    counts.merge(rgb, 1, Integer::sum);
                    int r = rgb >> 16;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    if (Math.abs(r - (page >> 16)) < 8 && Math.abs(g - ((page >> 8) & 0xFF)) < 8
                            && Math.abs(b - (page & 0xFF)) < 8) {
                        pageCount++;
                    }
                    if (r < 40 && g < 40 && b < 40) {
                        black++;
                    }
                }
            }
            double n = (double) w * h;
            int top = counts.values().stream().max(Integer::compare).orElse(0);
            return new PixelStats(pageCount / n, black / n, (n - top) / n, counts.size());
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "page %.3f, black %.3f, ink %.3f, %d colours", pageShare,
                    blackShare, inkShare, colours);
        }
    }
}
