package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    @TempDir
    Path dir;

    static ReportCommandTest.Run importing(String... args) {
        CommandLine cl = Cli.commandLine(new ImportCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new ReportCommandTest.Run(code, out.toString(), err.toString());
    }

    /** The JSON without its time of making and without the input files' paths, which differ by design. */
    private static JsonNode comparable(Path json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        ((ObjectNode) root).remove("generated_at");
        strip(root);
        return root;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("file");
            o.remove("sources");
        }
        node.forEach(ImportCommandTest::strip);
    }

    @Test
    void aReportOverTheHistoryEqualsOneOverTheSampleFolder() throws Exception {
        Path history = dir.resolve("history");
        var first = importing("data/sample", "--history", history.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().endsWith("imported 9 files into " + history + ": 9 new, 0 already kept.\n"), first.out());
        assertTrue(first.out().contains("stored       sample/comments.json  ->  objects/"));
        assertTrue(first.out().contains("(commenter names and ids removed)"));
        var second = importing("data/sample", "--history", history.toString());
        assertTrue(second.out().endsWith(": 0 new, 9 already kept.\n"), second.out());

        Path fromHistory = dir.resolve("h.json");
        Path fromFolder = dir.resolve("s.json");
        var h = ReportCommandTest.run("--history", history.toString(), "-o", dir.resolve("h.html").toString(),
                "--json", fromHistory.toString(), "--no-index");
        assertEquals(0, h.code(), h.err());
        var s = ReportCommandTest.run("data/sample", "-o", dir.resolve("s.html").toString(), "--json",
                fromFolder.toString(), "--no-index");
        assertEquals(0, s.code(), s.err());
        assertEquals(comparable(fromFolder), comparable(fromHistory));
        assertTrue(Files.readString(fromHistory).contains("\"file\" : \"sample/snapshots/videos_2026-10-23.csv\""));
    }

    @Test
    void pointingTheReportAtTheHistoryFolderReadsItAsOneAndLeadsWithTheGain() throws Exception {
        Path history = dir.resolve("history");
        importing("data/sample/snapshots", "--history", history.toString(), "--imported-at", "2026-11-06T12:00:00Z");
        importing("data/sample/videos.csv", "--history", history.toString(), "--imported-at", "2026-11-20T12:00:00Z");
        Path json = dir.resolve("r.json");
        var r = ReportCommandTest.run(history.toString(), "-o", dir.resolve("r.html").toString(), "--json",
                json.toString(), "--no-index");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // 113,353 saves in videos.csv minus 112,334 in the 6 Nov snapshot (see HistoryTest).
        assertEquals(1019, root.path("saves_since_last_import").path("saves_gained").asLong());
        assertTrue(root.path("findings").get(0).path("headline").asText()
                .startsWith("Saves gained since the last import (6 Nov 2026): +1,019"));
        String page = Files.readString(dir.resolve("r.html"));
        assertTrue(page.indexOf("Saves gained since the last import") < page.indexOf("class=\"kpi"),
                "the gain comes first");
    }

    @Test
    void badInputIsRefusedWithExitTwoAndTheHistoryStaysAsItWas() throws Exception {
        Path history = dir.resolve("history");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "name,colour\nAda,blue\n");
        var r = importing(bad.toString(), "--history", history.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + bad + ":"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(history.resolve("manifest.json")));
    }

    @Test
    void historyWithInputsOrWithoutAManifestIsRefused() {
        var both = ReportCommandTest.run("data/sample", "--history", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give either INPUT files or --history, not both"), both.err());
        var none = ReportCommandTest.run("--history", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no history there (no manifest.json)"), none.err());
    }
}
