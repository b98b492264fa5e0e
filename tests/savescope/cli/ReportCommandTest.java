package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesReportAndJsonAndPrintsThePath() throws Exception {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        Run r = run("tests/fixtures/public/handcopied-studio-content.csv", "-o", html.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(html.toString(), r.out().strip());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<svg"), "has a chart");
        assertTrue(Files.readString(json).contains("\"saves\" : 30744"));
    }

    @Test
    void unusableInputExitsTwoWithOneLineAndKeepsTheOldReport() throws Exception {
        Path bad = dir.resolve("empty.csv");
        Files.writeString(bad, "");
        Path html = dir.resolve("r.html");
        Files.writeString(html, "previous report");
        Run r = run(bad.toString(), "-o", html.toString());
        assertEquals(2, r.code());
        assertEquals("error: " + bad + ": the file is empty; expected a CSV file with a header row.\n", r.err());
        assertEquals("previous report", Files.readString(html));
    }

    @Test
    void headersWithNoKnownMetricNameWhatWasFound() throws Exception {
        Path bad = dir.resolve("other.csv");
        Files.writeString(bad, "name,colour\nAda,blue\n");
        Run r = run(bad.toString(), "-o", dir.resolve("x.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("found the columns [name, colour] but no known metric"), r.err());
        assertFalse(Files.exists(dir.resolve("x.html")));
    }

    @Test
    void helpExplainsOptionsWithExamples() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--json"));
        assertTrue(r.out().contains("Examples:"));
    }

    @Test
    void badMapOptionIsAUsageError() {
        Run r = run("tests/fixtures/public/handcopied-studio-content.csv", "--map", "savez=Favorites");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown field \"savez\""), r.err());
    }

    @Test
    void dataDirWritesEveryTableAsCsv() throws Exception {
        Path data = dir.resolve("tables");
        Run r = run("tests/fixtures/golden/videos.csv", "-o", dir.resolve("r.html").toString(), "--data-dir",
                data.toString(), "--no-index");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(data.resolve("all-videos.csv")));
        String all = Files.readString(data.resolve("all-videos.csv"));
        // Header plus six videos; the taste test has no saves count, so its saves and save rate are empty.
        assertEquals(7, all.lines().count());
        assertTrue(all.startsWith("\uFEFFvideo_id,"), "a byte-order mark for spreadsheets, then the header");
        assertTrue(all.contains(",22000,1100,60,35,,review,"), all);
        // 3600 saves / 120000 views = 0.03 exactly.
        assertTrue(all.lines().anyMatch(l -> l.startsWith("7400000000000000001,") && l.endsWith(",0.03")), all);
        String videos = Files.readString(data.resolve("videos.csv"));
        assertTrue(videos.contains("Knife skills in 60 seconds,tutorial,2024-03-11,80000,5200,140,600,4000,0.05"), videos);
        assertTrue(r.err().contains("CSV files to " + data), r.err());
    }

    @Test
    void indexListsEveryReportInTheFolderAndIsRebuiltEachRun() throws Exception {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("notes.html"), "<html><title>my notes</title></html>");
        assertEquals(0, run("tests/fixtures/golden/videos.csv", "-o", reports.resolve("kitchen.html").toString(),
                "--title", "Kitchen & co", "--generated-at", "2025-01-30T10:00:00Z").code());
        String first = Files.readString(reports.resolve("index.html"));
        assertTrue(first.contains("<a href=\"kitchen.html\">Kitchen &amp; co</a>"), first);
        assertEquals(0, run("tests/fixtures/public/handcopied-studio-content.csv", "-o",
                reports.resolve("studio sheet.html").toString(), "--generated-at", "2025-01-31T10:00:00Z").code());
        String index = Files.readString(reports.resolve("index.html"));
        int studio = index.indexOf("<a href=\"studio%20sheet.html\">");
        int kitchen = index.indexOf("<a href=\"kitchen.html\">");
        assertTrue(studio > 0 && kitchen > studio, "both listed, newest first");
        assertTrue(index.contains("9 Sep 2024 – 26 Dec 2024"), "the period");
        assertTrue(index.contains("title=\"30,744\">30.7K</span>"), "key numbers with exact values");
        assertFalse(index.contains("my notes"), "other HTML files are not reports");
        assertTrue(index.contains("2 reports, newest first"));
    }

    @Test
    void anIndexSaveScopeDidNotWriteIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("index.html"), "<html>my own site</html>");
        Run r = run("tests/fixtures/golden/videos.csv", "-o", dir.resolve("r.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("<html>my own site</html>", Files.readString(dir.resolve("index.html")));
        assertTrue(r.err().contains("was not made by SaveScope"), r.err());
    }

    @Test
    void openHandsTheWrittenReportToTheBrowser() throws Exception {
        ReportCommand cmd = new ReportCommand();
        java.util.List<Path> opened = new java.util.ArrayList<>();
        cmd.browser = (file, err) -> {
            assertTrue(Files.exists(file), "the report exists before the browser is asked");
            opened.add(file);
        };
        CommandLine cl = Cli.commandLine(cmd);
        cl.setOut(new PrintWriter(new StringWriter()));
        Path html = dir.resolve("open.html");
        assertEquals(0, cl.execute("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--open", "--no-index"));
        assertEquals(java.util.List.of(html.toAbsolutePath()), opened);
    }

    @Test
    void templateDirOverridesByNameAndErrorsNameTemplateLineAndColumn() throws Exception {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("styles.css"), "body { background: #fffbe6; }");
        Path html = dir.resolve("custom.html");
        Run ok = run("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--template-dir", templates.toString(),
                "--no-index");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(html).contains("body { background: #fffbe6; }"), "the user's styles.css is used");

        // Line 3 holds an unknown variable; FreeMarker counts its column from the name (column 7, after "${").
        Files.writeString(templates.resolve("report.ftlh"), "<!DOCTYPE html>\n<title>x</title>\n    ${nope}\n");
        Run bad = run("tests/fixtures/golden/videos.csv", "-o", dir.resolve("bad.html").toString(),
                "--template-dir", templates.toString(), "--no-index");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: " + templates.resolve("report.ftlh") + ":3:7: template error: The following has evaluated "
                + "to null or missing: ==> nope\n"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad.html")), "no half-rendered page");

        Files.writeString(templates.resolve("report.ftlh"), "<#list 1..3 as i>\n  <#if i>\n</#list>\n");
        Run syntax = run("tests/fixtures/golden/videos.csv", "-o", dir.resolve("bad.html").toString(),
                "--template-dir", templates.toString(), "--no-index");
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().matches("(?s)error: " + java.util.regex.Pattern.quote(templates.resolve("report.ftlh").toString())
                + ":\\d+:\\d+: template syntax error: .*"), syntax.err());
    }
}
