package savescope.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.BeforeAll;
import savescope.load.Loader;
import savescope.metrics.LocalAnalytics;
import savescope.model.Dataset;

/** The checks of {@link CodeCellsTest} on the sample report with {@code --period last-28d --vs previous}. */
class PeriodCodeCellsTest extends CodeCellsTest {
    @BeforeAll
    static void buildSampleAndShell() {
        Dataset sample = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        ReportOptions options = new ReportOptions(null, 1000, 500, List.of(), ReportOptions.DEFAULT_MIN_SEGMENT,
                "last-28d", "previous");
        report = SaveReport.build(sample, options, Instant.parse("2026-01-01T00:00:00Z"));
        SnippetValues.clear();
        SnippetValues.put("data", LocalAnalytics.of(sample));
        SnippetValues.put("options", options);
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : PRELUDE) {
            eval(line);
        }
        eval("var data = (Analytics) savescope.report.SnippetValues.get(\"data\");");
        eval("var options = (ReportOptions) savescope.report.SnippetValues.get(\"options\");");
        // The period's cells are in the report, the cards' and every group table's: their Java is checked too.
        for (String call : List.of("data.periodComparison(", "OverviewSection.PeriodKpis.of(data, period, comparison)",
                "data.periodGroups(\"content_type\"", "data.periodGroups(\"hashtag\"", "data.periodGroups(\"duration\"",
                "data.periodGroups(\"weekday\"", "data.periodGroups(\"hour\"", "ChannelSection.PeriodChannel.of(data, period, comparison)")) {
            if (report.snippets().stream().noneMatch(s -> s.java().contains(call))) {
                throw new AssertionError("no snippet calls " + call);
            }
        }
    }
}
