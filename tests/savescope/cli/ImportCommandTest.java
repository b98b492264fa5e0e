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

    static final Path KEEPS = Path.of("tests/fixtures/history/keeps.csv");
    static final Path SAVES_AND_KEEPS = Path.of("tests/fixtures/history/saves-and-keeps.csv");

    /** The report's JSON, written by {@code report ARGS --json}, comparable as above. */
    private JsonNode reportJson(String name, String... args) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-o",
                dir.resolve(name + ".html").toString(), "--json", json.toString(), "--no-index")).toArray(String[]::new);
        var r = ReportCommandTest.run(all);
        assertEquals(0, r.code(), r.err());
        return comparable(json);
    }

    @Test
    void anExportImportedWithAMappingIsReadWithItByReportsOverTheHistory() throws Exception {
        Path history = dir.resolve("history");
        var imported = importing(KEEPS.toString(), "--map", "saves=Keeps", "--types", "guide=#stepbystep",
                "--history", history.toString(), "--imported-at", "2026-11-06T12:00:00Z");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().endsWith("reports over the history read them with --map saves=Keeps --types "
                + "guide=#stepbystep.\n"), imported.out());
        JsonNode entry = new ObjectMapper().readTree(history.resolve("manifest.json").toFile())
                .path("imports").get(0).path("files").get(0);
        assertEquals("Keeps", entry.path("map").path("saves").asText(), entry.toString());
        assertEquals("guide=#stepbystep", entry.path("types").get(0).asText(), entry.toString());

        JsonNode direct = reportJson("direct", KEEPS.toString(), "--map", "saves=Keeps", "--types", "guide=#stepbystep");
        JsonNode overHistory = reportJson("history", "--history", history.toString());
        // keeps.csv: Keeps 30 + 50 + 20 = 100 saves over 1,000 + 2,000 + 4,000 views.
        assertEquals(100, direct.path("totals").path("saves").asLong());
        assertEquals(7000, direct.path("totals").path("views").asLong());
        // The data-quality note names the file as each run knows it (its path, or its name in the history).
        assertEquals("`keeps.csv`: saves read from \"Keeps\" (--map)",
                overHistory.path("input").path("assumptions").get(0).asText());
        ((ObjectNode) direct.path("input")).remove("assumptions");
        ((ObjectNode) overHistory.path("input")).remove("assumptions");
        assertEquals(direct, overHistory, "the report over the history is the report with --map and --types");
        assertTrue(overHistory.toString().contains("\"guide\""), "--types reached the content types");

        // Imported again without options (the weekly routine), the export keeps its mapping; another export
        // imported without one is read with none, though it has a Keeps column of its own.
        assertEquals(0, importing(KEEPS.toString(), "--history", history.toString()).code());
        var second = importing(SAVES_AND_KEEPS.toString(), "--history", history.toString());
        assertEquals(0, second.code(), second.err());
        JsonNode both = reportJson("both", "--history", history.toString());
        // 100 saves from keeps.csv's Keeps, plus saves-and-keeps.csv's own saves 60 + 40 (its Keeps give 9 + 7).
        assertEquals(200, both.path("totals").path("saves").asLong(), both.path("totals").toString());
        assertEquals(15000, both.path("totals").path("views").asLong());
    }

    @Test
    void aMappingNoExportHasStopsTheImport() throws Exception {
        Path history = dir.resolve("history");
        var r = importing(SAVES_AND_KEEPS.toString(), "--map", "saves=Favs", "--history", history.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --map saves=Favs: no column \"Favs\" in " + SAVES_AND_KEEPS), r.err());
        assertFalse(Files.exists(history.resolve("manifest.json")));
        var bad = importing(KEEPS.toString(), "--map", "saves", "--history", history.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected FIELD=HEADER"), bad.err());
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

    /** keeps.csv with a Bookmarks column of twice its Keeps (60, 100, 40), imported twice: Keeps, then Bookmarks. */
    private Path playsHistory() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("tests/fixtures/history/keeps.csv"))) {
            String[] cells = line.split(",");
            String last = cells[cells.length - 1];
            csv.append(line).append(',').append(last.equals("Keeps") ? "Bookmarks" : 2 * Long.parseLong(last)).append('\n');
        }
        Path plays = Files.writeString(dir.resolve("plays.csv"), csv.toString());
        Path history = dir.resolve("H");
        assertEquals(0, importing(plays.toString(), "--history", history.toString(), "--map", "saves=Keeps").code());
        assertEquals(0, importing(plays.toString(), "--history", history.toString(), "--map", "saves=Bookmarks").code());
        return history;
    }

    private long savesOf(ReportCommandTest.Run r, Path json) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(json.toFile()).path("totals").path("saves").asLong();
    }

    @Test
    void aManifestMappingNamingAColumnTheFileLacksIsNamedWhereItIsWritten() throws Exception {
        Path history = playsHistory();
        Path manifest = history.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"saves\" : \"Bookmarks\"", "\"saves\" : \"Nope\""));
        var r = ReportCommandTest.run("--history", history.toString(), "-o", dir.resolve("r.html").toString(),
                "--no-index");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(manifest + ": imports[1].files[0].map.saves: no column \"Nope\" in plays.csv"),
                r.err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    @Test
    void aReportsMapMeetsTheImportsMappingByOneRule() throws Exception {
        Path history = playsHistory();
        Path json = dir.resolve("r.json");
        String[] out = {"-o", dir.resolve("r.html").toString(), "--json", json.toString(), "--no-index"};
        // The import's mapping wins for the field it maps: Bookmarks 60 + 100 + 40, with a note, no error.
        var same = ReportCommandTest.run(concat(new String[] {"--history", history.toString(), "--map", "saves=Keeps"}, out));
        assertEquals(200, savesOf(same, json));
        assertTrue(Files.readString(dir.resolve("r.html")).contains("--map saves=Keeps is not used for plays.csv"),
                "the note is in the report");
        // A column the import already reads for saves cannot feed likes too: refused as without a history.
        var twice = ReportCommandTest.run(concat(new String[] {"--history", history.toString(), "--map",
                "likes=Bookmarks"}, out));
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("--map likes=Bookmarks: the column \"Bookmarks\" already feeds saves in "
                + "plays.csv"), twice.err());
        // A field the import left alone is read the report's way: views from likes (100 + 150 + 300).
        var other = ReportCommandTest.run(concat(new String[] {"--history", history.toString(), "--map",
                "views=likes"}, out));
        assertEquals(0, other.code(), other.err());
        assertEquals(550, new ObjectMapper().readTree(json.toFile()).path("totals").path("views").asLong());
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void aCutShortManifestIsNamedWithItsLineAndColumnOnly() throws Exception {
        Path history = playsHistory();
        Path manifest = history.resolve("manifest.json");
        Files.writeString(manifest, "{\"format\": \"savescope-history 1\", \"imports\": [{\"imported_at\": ");
        var r = ReportCommandTest.run("--history", history.toString(), "-o", dir.resolve("r.html").toString(),
                "--no-index");
        assertEquals(2, r.code(), r.err());
        // The text is 62 characters on one line: it ends at column 63.
        assertTrue(r.err().contains(manifest + ":1:63: not valid JSON (it ends before the JSON does"), r.err());
        assertFalse(r.err().contains("Source") || r.err().contains("Feature") || r.err().contains("jackson"), r.err());
    }

    @Test
    void importingADamagedExportAgainRepairsItsStoredCopy() throws Exception {
        Path history = playsHistory();
        Path object;
        try (var objects = Files.list(history.resolve("objects"))) {
            object = objects.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length - 2] = (byte) '9';
        object.toFile().setWritable(true);
        Files.write(object, bytes);
        var broken = ReportCommandTest.run("--history", history.toString(), "-o", dir.resolve("r.html").toString(),
                "--no-index");
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("import that export again"), broken.err());
        var again = importing(dir.resolve("plays.csv").toString(), "--history", history.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("plays.csv")), Files.readAllBytes(object)));
        Path json = dir.resolve("r.json");
        assertEquals(200, savesOf(ReportCommandTest.run("--history", history.toString(), "-o",
                dir.resolve("r.html").toString(), "--json", json.toString(), "--no-index"), json));
    }

    @Test
    void anArgumentThisLocaleCouldNotDecodeIsRefusedNamingTheLocale() {
        // Under LC_ALL=C, Java decodes the bytes of "ü" in an argument as U+FFFD: the path would be another one.
        var imp = importing("data/sample/videos.csv", "--history", dir.resolve("\uFFFD\uFFFD").resolve("h").toString());
        assertEquals(2, imp.code(), imp.err());
        assertTrue(imp.err().contains(dir.resolve("??").resolve("h") + " is not a valid path or name in this locale ("),
                imp.err());
        assertTrue(imp.err().contains("run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), imp.err());
        assertFalse(Files.exists(dir.resolve("\uFFFD\uFFFD")), "nothing made");
        var map = ReportCommandTest.run("data/sample/videos.csv", "--map", "saves=Guard\uFFFD\uFFFD", "-o",
                dir.resolve("r.html").toString(), "--no-index");
        assertEquals(2, map.code(), map.err());
        assertTrue(map.err().contains("saves=Guard?? is not a valid path or name in this locale"), map.err());
        assertTrue(Cli.notInThisLocale("/tmp/h ?", java.util.Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8"))
                .contains("(LC_ALL=C)"));
    }
}
