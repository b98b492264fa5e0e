package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.metrics.Experiment;
import savescope.metrics.PeriodComparison;
import savescope.metrics.Totals;
import savescope.notebook.NotebookRunner;
import savescope.notebook.PercentFormat;
import savescope.report.SnippetValues;

/**
 * {@code report --notebook} with the options that change what the report computes ({@code --period}/{@code --vs},
 * {@code --history}): the written notebook, run, gives the numbers of the report's {@code --json}, and its
 * parameters cell chooses them.
 */
class ReportNotebookOptionsTest {
    @TempDir
    Path dir;

    private static final Pattern DISPLAY = Pattern.compile("^display\\((\\w+)\\);$", Pattern.MULTILINE);

    /** The report's JSON document, written by {@code report ARGS --json}. */
    private JsonNode report(String name, String... args) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-o",
                dir.resolve(name + ".html").toString(), "--json", json.toString(), "--no-index")).toArray(String[]::new);
        var r = ReportCommandTest.run(all);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void controlCharactersOfTheTitleAreEscapedInTheNotebookNotLost() throws Exception {
        // DEL and a C1 control in --title: the notebook's Java holds them as escapes, not as U+FFFD (which writing
        // makes of raw control characters), so its parameter is the title given. (Its markdown heading shows U+FFFD.)
        Path notebook = dir.resolve("n.jsh");
        report("titled", "data/sample", "--title", "Saves\u0085 \u007freport", "--notebook", notebook.toString());
        String text = Files.readString(notebook);
        assertTrue(text.contains("\"Saves\\u0085 \\u007freport\""), text);
    }

    /** Runs the notebook with {@code params} injected; each value it displays is left in {@link SnippetValues}. */
    private static void run(Path notebook, Map<String, String> params) throws Exception {
        Matcher m = DISPLAY.matcher(Files.readString(notebook));
        StringBuilder instrumented = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(instrumented, "display(" + m.group(1) + "); savescope.report.SnippetValues.put(\""
                    + m.group(1) + "\", " + m.group(1) + ");");
        }
        m.appendTail(instrumented);
        SnippetValues.clear();
        NotebookRunner.Result result = NotebookRunner.run(PercentFormat.parse(instrumented.toString(), "report.jsh"),
                new NotebookRunner.Options(params, false, null, List.of(), null));
        assertNull(result.firstFailure(), () -> String.valueOf(result.firstFailure()));
    }

    /** The notebook's period cells, as they displayed them, against the JSON's {@code period_comparison}. */
    private static void assertPeriodNumbers(JsonNode json) {
        JsonNode pc = json.path("period_comparison");
        assertTrue(pc.isObject(), "the report has a period section");
        assertEquals(pc.path("period").path("saves_gained").path("saves").asLong(), SnippetValues.get("gained"));
        assertPosted(pc.path("period"), (PeriodComparison.Posted) SnippetValues.get("now"));
        assertPosted(pc.path("comparison"), (PeriodComparison.Posted) SnippetValues.get("before"));
        Experiment.Comparison change = (Experiment.Comparison) SnippetValues.get("rateChange");
        if (change == null) {
            assertTrue(pc.path("save_rate_change").path("difference").isNull(), pc.toString());
            return;
        }
        assertEquals(pc.path("save_rate_change").path("difference").asDouble(), change.difference(), 0);
        // Below 3 rated videos on a side the JSON, like the cards, gives no interval.
        int fewest = Math.min(((PeriodComparison.Posted) SnippetValues.get("now")).rated(),
                ((PeriodComparison.Posted) SnippetValues.get("before")).rated());
        assertEquals(fewest < 3, pc.path("save_rate_change").path("ci_low").isNull(), pc.toString());
        if (fewest < 3) {
            assertTrue(pc.path("save_rate_change").path("ci_high").isNull() && pc.path("save_rate_change").path("p")
                    .isNull(), pc.toString());
            return;
        }
        assertEquals(pc.path("save_rate_change").path("ci_low").asDouble(), change.low(), 0);
        assertEquals(pc.path("save_rate_change").path("ci_high").asDouble(), change.high(), 0);
    }

    private static void assertPosted(JsonNode side, PeriodComparison.Posted shown) {
        assertEquals(side.path("videos_posted").asLong(), shown.videos(), side.toString());
        assertEquals(side.path("views").asLong(), shown.views(), side.toString());
        assertEquals(side.path("saves").asLong(), shown.saves(), side.toString());
        assertEquals(side.path("save_rate").asDouble(), shown.rate(), 0, side.toString());
        assertEquals(side.path("median_save_rate").asDouble(), shown.medianRate(), 0, side.toString());
    }

    private static void assertPosted(PeriodComparison.Posted shown, long videos, long views, long saves) {
        assertEquals(List.of(videos, views, saves), List.of(shown.videos(), shown.views(), shown.saves()));
    }

    @Test
    void theNotebookOfAPeriodReportComputesThatPeriodAndItsParametersChooseAnother() throws Exception {
        Path notebook = dir.resolve("period.jsh");
        JsonNode last28 = report("last28", "data/sample", "--period", "last-28d", "--min-views", "2000",
                "--notebook", notebook.toString());
        String text = Files.readString(notebook);
        assertTrue(text.contains("String thisPeriod = \"last-28d\";"), "the period is a parameter");
        assertTrue(text.contains("String vs = \"previous\";"), "its comparison too");
        assertTrue(text.contains("var period = Period.parse(options.period(), data.lastDataDay());"), text);

        run(notebook, Map.of());
        assertPeriodNumbers(last28);
        // Counted from data/sample/videos.csv by posting day: 10 videos posted 24 Oct - 20 Nov 2026 with 115,815
        // views and 1,842 saves; 11 in the 28 days before.
        assertPosted((PeriodComparison.Posted) SnippetValues.get("now"), 10, 115_815, 1_842);
        assertEquals(11, ((PeriodComparison.Posted) SnippetValues.get("before")).videos());

        JsonNode last7 = report("last7", "data/sample", "--period", "last-7d", "--min-views", "2000");
        run(notebook, Map.of("thisPeriod", "last-7d"));
        assertPeriodNumbers(last7);
        // The same count for 14 - 20 Nov 2026: 2 videos, 19,796 views, 649 saves.
        assertPosted((PeriodComparison.Posted) SnippetValues.get("now"), 2, 19_796, 649);
    }

    @Test
    void theNotebookOfAReportOverTheHistoryReadsEachExportAsItWasImported() throws Exception {
        Path history = dir.resolve("history");
        var imported = ImportCommandTest.importing(ImportCommandTest.KEEPS.toString(), "--map", "saves=Keeps",
                "--history", history.toString());
        assertEquals(0, imported.code(), imported.err());
        Path notebook = dir.resolve("history.jsh");
        JsonNode json = report("history", "--history", history.toString(), "--notebook", notebook.toString());
        run(notebook, Map.of());
        Totals totals = (Totals) SnippetValues.get("totals");
        // keeps.csv read with --map saves=Keeps: 30 + 50 + 20 saves over 7,000 views.
        assertEquals(100, totals.saves());
        assertEquals(json.path("totals").path("saves").asLong(), totals.saves());
        assertEquals(json.path("totals").path("views").asLong(), totals.views());
        assertEquals(json.path("totals").path("videos").asLong(), totals.videos());
    }

    private ReportCommandTest.Run notebookRun(Path notebook, String... params) {
        List<String> args = new java.util.ArrayList<>(List.of(notebook.toString(), "-o",
                dir.resolve("nb.html").toString()));
        for (String p : params) {
            args.add("-p");
            args.add(p);
        }
        picocli.CommandLine cl = Cli.commandLine(new NotebookCommand());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new ReportCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void aPeriodParameterIsCheckedBeforeAnyCellRuns() throws Exception {
        Path notebook = dir.resolve("period.jsh");
        report("p", "data/sample", "--period", "last-28d", "--notebook", notebook.toString());
        for (String bad : List.of("thisPeriod=garbage", "vs=year-agoo")) {
            var r = notebookRun(notebook, bad);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--param " + bad + ": expected "), r.err());
            assertTrue(r.err().contains(bad.startsWith("vs") ? "year-ago" : "this-month"), "the accepted forms: " + r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("cell "), "no cell ran: " + r.err());
            assertTrue(!Files.exists(dir.resolve("nb.html")), "nothing written");
        }
    }

    @Test
    void theNotebookReadsPathsWithAColonAsTheReportDid() throws Exception {
        Path input = Files.createDirectories(dir.resolve("d:1")).resolve("videos.csv");
        Files.copy(Path.of("data/sample/videos.csv"), input);
        Path notebook = dir.resolve("colon.jsh");
        JsonNode json = report("colon", input.toString(), "--notebook", notebook.toString());
        run(notebook, Map.of());
        assertEquals(json.path("totals").path("saves").asLong(), ((Totals) SnippetValues.get("totals")).saves());
    }

    @Test
    void aNotebookWhoseHistoryIsGoneStopsWithTheReportsMessage() throws Exception {
        Path history = dir.resolve("history");
        assertEquals(0, ImportCommandTest.importing(ImportCommandTest.KEEPS.toString(), "--history",
                history.toString()).code());
        Path notebook = dir.resolve("history.jsh");
        report("history", "--history", history.toString(), "--notebook", notebook.toString());
        var r = notebookRun(notebook, "inputs=" + dir.resolve("nonexist"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--history " + dir.resolve("nonexist") + ": no history there (no manifest.json)"),
                r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
