package savescope.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cells.Cell;
import savescope.cells.Output;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.render.ChartImages;
import savescope.render.SvgRaster;
import savescope.report.ReportOptions;
import savescope.report.SaveReport;

/**
 * The PNG a notebook output carries looks like its SVG: every chart of the sample report, painted by
 * {@link SvgRaster}, is compared with Chromium's drawing of the same standalone SVG (an independent renderer),
 * block by block so that anti-aliasing and font hinting do not count.
 */
class ReportChartsPaintedTest {
    static final int BLOCK = 8;

    @TempDir
    Path dir;

    @Test
    void everyReportChartPaintsAsChromiumDrawsIt() throws Exception {
        assumeTrue(BrowserCheck.findChromium().isPresent(), "Chromium is not installed (.ci/install-chromium installs it)");
        Dataset data = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        List<Output.Chart> charts = new ArrayList<>();
        for (Cell c : SaveReport.build(data, ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"), 1)
                .notebook().cells()) {
            c.outputs().stream().filter(o -> o instanceof Output.Chart).forEach(o -> charts.add((Output.Chart) o));
        }
        assertTrue(charts.size() >= 6, charts.size() + " charts");

        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>c"
                + "</title><style>body{margin:0;background:#fff}img{position:absolute;left:0}</style></head><body>");
        List<String> svgs = new ArrayList<>();
        int top = 0;
        List<Integer> tops = new ArrayList<>();
        for (Output.Chart chart : charts) {
            String svg = ChartImages.standalone(chart.svg());
            int[] size = ChartImages.size(svg);
            svgs.add(svg);
            tops.add(top);
            page.append("<img alt=\"x\" style=\"top:").append(top).append("px;width:").append(size[0]).append("px;height:")
                    .append(size[1]).append("px\" src=\"data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))).append("\">");
            top += size[1] + 10;
        }
        page.append("<div style=\"position:absolute;top:").append(top).append("px;height:1px;width:1px\"></div></body></html>");
        Path html = Files.writeString(dir.resolve("charts.html"), page);
        Path shot = Files.createDirectories(Path.of("reports", "ci")).resolve("report-charts-chromium.png");
        BrowserCheck.check(html, shot, Duration.ofSeconds(90));
        BufferedImage chromium = ImageIO.read(shot.toFile());

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < svgs.size(); i++) {
            BufferedImage ours = SvgRaster.image(svgs.get(i), 1, ChartImages.PALETTE).orElse(null);
            if (ours == null) {
                problems.add("chart " + (i + 1) + " (" + charts.get(i).title() + "): no PNG");
                continue;
            }
            double[] d = blockDifference(ours, chromium, tops.get(i));
            if (d[0] > 6 || d[1] > 0.02) {
                problems.add(String.format(Locale.ROOT, "chart %d (%s): mean block difference %.1f, %.1f%% of blocks "
                        + "differ by more than 48", i + 1, charts.get(i).title(), d[0], 100 * d[1]));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Mean over 8×8 blocks of the largest channel difference of the block means, and the share of blocks over 48. */
    static double[] blockDifference(BufferedImage ours, BufferedImage page, int top) {
        double total = 0;
        int blocks = 0;
        int far = 0;
        for (int by = 0; by + BLOCK <= ours.getHeight(); by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= ours.getWidth(); bx += BLOCK) {
                double worst = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    double a = 0;
                    double b = 0;
                    for (int y = by; y < by + BLOCK; y++) {
                        for (int x = bx; x < bx + BLOCK; x++) {
                            a += (ours.getRGB(x, y) >> shift) & 0xFF;
                            b += (page.getRGB(x, top + y) >> shift) & 0xFF;
                        }
                    }
                    worst = Math.max(worst, Math.abs(a - b) / (BLOCK * BLOCK));
                }
                total += worst;
                blocks++;
                far += worst > 48 ? 1 : 0;
            }
        }
        return new double[] {total / blocks, far / (double) blocks};
    }
}
