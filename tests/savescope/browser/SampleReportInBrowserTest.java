package savescope.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/**
 * Opens the bundled sample report in headless Chromium as a reader would. The screenshot is kept under
 * reports/ci/ (git-ignored) as a build artifact.
 */
class SampleReportInBrowserTest {
    static final int MIN_CHARTS = 6;
    static final int MIN_TOC_LINKS = 5;

    @TempDir
    Path dir;

    @Test
    void sampleReportOpensCleanWithVisibleNamedChartsAndWorkingContents() throws Exception {
        assumeTrue(BrowserCheck.findChromium().isPresent(), "Chromium is not installed (.ci/install-chromium installs it)");
        Path html = dir.resolve("sample.html");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("data/sample", "-o", html.toString()), err.toString());

        Path shots = Files.createDirectories(Path.of("reports", "ci"));
        BrowserCheck.Result r = BrowserCheck.check(html, shots.resolve("sample-report.png"), Duration.ofSeconds(60));

        assertEquals(java.util.List.of(), r.problems(MIN_CHARTS, MIN_TOC_LINKS), r.summary());
        assertEquals("en", r.lang());
        assertTrue(r.visibleCharts().size() >= MIN_CHARTS, r.summary());
        assertTrue(r.tocLinks().size() >= MIN_TOC_LINKS, r.summary());
        assertTrue(Files.size(shots.resolve("sample-report.png")) > 10_000, "screenshot written");
    }
}
