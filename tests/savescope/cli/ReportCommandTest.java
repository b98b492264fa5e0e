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
}
