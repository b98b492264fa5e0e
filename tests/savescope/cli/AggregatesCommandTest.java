package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code report --save-aggregates FILE} then {@code report --aggregates FILE}: the same HTML and JSON, byte for byte,
 * without the exports; options that change the numbers or need the exports are refused by name.
 */
class AggregatesCommandTest {
    static final String CLOCK = "2026-01-01T00:00:00Z";

    @TempDir
    Path dir;

    private ReportCommandTest.Run report(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--generated-at", CLOCK, "--no-index"));
        return ReportCommandTest.run(all.toArray(String[]::new));
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("sample", List.of("data/sample"), "numbers.json"),
                Arguments.of("types, a title and an export with rejects", List.of("tests/fixtures/formats/research-api.json",
                        "tests/fixtures/formats/canonical.csv", "--types", "tutorial=#howto", "--title", "Ours <b>&</b>"),
                        "numbers.json.gz"),
                Arguments.of("--compare and --min-views", List.of("data/sample", "--compare", "A=#hooka", "--compare",
                        "B=#hookb", "--min-views", "500", "--max-rows", "20", "--min-segment", "50"), "numbers.json"),
                Arguments.of("--period", List.of("data/sample", "--period", "last-90d"), "numbers.json.gz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theFileRendersTheSameReport(String name, List<String> args, String file) throws Exception {
        Path aggregates = dir.resolve(file);
        List<String> direct = new ArrayList<>(args);
        direct.addAll(List.of("-o", dir.resolve("direct.html").toString(), "--json", dir.resolve("direct.json").toString(),
                "--save-aggregates", aggregates.toString()));
        ReportCommandTest.Run first = report(direct);
        assertEquals(0, first.code(), first.err());

        ReportCommandTest.Run again = report(List.of("--aggregates", aggregates.toString(), "-o",
                dir.resolve("again.html").toString(), "--json", dir.resolve("again.json").toString()));
        assertEquals(0, again.code(), again.err());
        assertEquals(dir.resolve("again.html").toString(), again.out().strip());
        assertArrayEquals(Files.readAllBytes(dir.resolve("direct.html")), Files.readAllBytes(dir.resolve("again.html")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("direct.json")), Files.readAllBytes(dir.resolve("again.json")));
        // gzip's magic number starts a compressed file; a plain one starts as JSON.
        byte[] bytes = Files.readAllBytes(aggregates);
        assertEquals(file.endsWith(".gz"), bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b);
    }

    @Test
    void presentationOptionsStillApply() throws Exception {
        Path aggregates = dir.resolve("numbers.json");
        assertEquals(0, report(List.of("data/sample", "-o", dir.resolve("a.html").toString(), "--save-aggregates",
                aggregates.toString())).code());
        ReportCommandTest.Run r = report(List.of("--aggregates", aggregates.toString(), "-o",
                dir.resolve("b.html").toString(), "--json", dir.resolve("b.json").toString(), "--title", "Team <report>",
                "--brand-name", "Acme", "--accent", "#0a5f96"));
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(dir.resolve("b.html"));
        assertTrue(page.contains("<title>Team &lt;report&gt;</title>"), "the new title, escaped");
        assertTrue(page.contains("Acme"));
        assertTrue(Files.readString(dir.resolve("b.json")).contains("\"title\" : \"Team <report>\""));
    }

    static Stream<Arguments> refusals() {
        String fixed = ": not with --aggregates: it changes the numbers, which were fixed when A was written; write the "
                + "file again with ";
        return Stream.of(
                Arguments.of(List.of("data/sample"), "--aggregates A: expected no INPUT with it (the file holds the "
                        + "numbers), found data/sample."),
                Arguments.of(List.of("--min-views", "10"), "--min-views" + fixed + "--min-views."),
                Arguments.of(List.of("--min-views", "1000"), "--min-views" + fixed + "--min-views."),
                Arguments.of(List.of("--max-rows", "5"), "--max-rows" + fixed + "--max-rows."),
                Arguments.of(List.of("--compare", "A=#a", "--compare", "B=#b"), "--compare" + fixed + "--compare."),
                Arguments.of(List.of("--min-segment", "3"), "--min-segment" + fixed + "--min-segment."),
                Arguments.of(List.of("--period", "last-7d"), "--period" + fixed + "--period."),
                Arguments.of(List.of("--types", "tutorial=#howto"), "--types: not with --aggregates: it reads exports, "
                        + "and the file holds numbers already computed."),
                Arguments.of(List.of("--map", "saves=Favs"), "--map: not with --aggregates: it reads exports, and the "
                        + "file holds numbers already computed."),
                Arguments.of(List.of("--history"), "--history: not with --aggregates: it reads the history's exports, "
                        + "and the file holds numbers already computed."),
                Arguments.of(List.of("--notebook", "x.jsh"), "--notebook: not with --aggregates: its code cells run on "
                        + "the exports, which the file does not hold."),
                Arguments.of(List.of("--data-dir", "tables"), "--data-dir: not with --aggregates: its tables list every "
                        + "video, which the file does not hold."),
                Arguments.of(List.of("--each"), "--each: not with --aggregates: one report per account needs each "
                        + "account's exports."),
                Arguments.of(List.of("--save-aggregates", "B"), "--save-aggregates: not with --aggregates: it would be "
                        + "a copy of the --aggregates file."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void optionsThatChangeTheNumbersOrNeedTheExportsAreRefused(List<String> options, String message) throws Exception {
        Path aggregates = dir.resolve("A");
        Files.writeString(aggregates, "not read: the options are checked first");
        List<String> args = new ArrayList<>(List.of("--aggregates", aggregates.toString(), "-o",
                dir.resolve("r.html").toString()));
        args.addAll(options);
        ReportCommandTest.Run r = report(args);
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message.replace(" A", " " + aggregates) + "\n", r.err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    @Test
    void aBrokenFileEndsTheRunInOneLineAndKeepsTheOldReport() throws Exception {
        Path aggregates = dir.resolve("numbers.json");
        Files.writeString(aggregates, "{\n  \"format\" : \"savescope-aggregates\",\n  \"version\" : 7,\n");
        Path html = dir.resolve("r.html");
        Files.writeString(html, "previous report");
        ReportCommandTest.Run r = report(List.of("--aggregates", aggregates.toString(), "-o", html.toString()));
        assertEquals(2, r.code());
        assertEquals("error: " + aggregates + ":3:15: field \"version\": the file is of version 7, written by a newer "
                + "SaveScope; this one reads version 1 (update SaveScope, or write the file with this one).\n", r.err());
        assertEquals("previous report", Files.readString(html));
    }

    @Test
    void theReportMayNotReplaceItsAggregatesFile() throws Exception {
        Path aggregates = dir.resolve("numbers.json");
        Files.writeString(aggregates, "{}");
        ReportCommandTest.Run r = report(List.of("--aggregates", aggregates.toString(), "-o", aggregates.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: -o " + aggregates), r.err());
        assertEquals("{}", Files.readString(aggregates));
        r = report(List.of("data/sample/videos.csv", "-o", dir.resolve("r.html").toString(), "--save-aggregates",
                "data/sample/videos.csv"));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --save-aggregates data/sample/videos.csv"), r.err());
    }

    /** A folder given as the file suggests the aggregates' own name; a place the system refuses is not "missing". */
    @Test
    void aWrongPlaceForTheFileIsNamedForWhatItIs() throws Exception {
        ReportCommandTest.Run folder = report(List.of("data/sample", "-o", dir.resolve("r.html").toString(),
                "--save-aggregates", dir.toString()));
        assertEquals(2, folder.code());
        assertTrue(folder.err().strip().endsWith("e.g. --save-aggregates " + dir.resolve("numbers.json.gz")),
                folder.err());
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        ReportCommandTest.Run proc = report(List.of("data/sample", "-o", dir.resolve("r.html").toString(),
                "--save-aggregates", "/proc/a.json"));
        assertEquals(2, proc.code());
        assertEquals("error: could not write /proc/a.json: it cannot be written there (the system refused to create "
                + "it); choose another place.", proc.err().strip());
    }

    @Test
    void savingIsRefusedWhereTheFileCouldNotGiveThePageAgain() throws Exception {
        ReportCommandTest.Run r = report(List.of("data/sample", "--each", "--save-aggregates",
                dir.resolve("n.json").toString()));
        assertEquals(2, r.code());
        assertEquals("error: --save-aggregates: not with --each, which writes one report per account; write each "
                + "account's file with its own run.\n", r.err());
    }

    @Test
    void savingOverAHistoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path history = dir.resolve("history");
        ReportCommandTest.Run imported = ImportCommandTest.importing("data/sample/videos.csv", "--history",
                history.toString());
        assertEquals(0, imported.code(), imported.err());
        ReportCommandTest.Run r = report(List.of("--history", history.toString(), "-o", dir.resolve("h.html").toString(),
                "--save-aggregates", dir.resolve("n.json").toString()));
        assertEquals(2, r.code());
        assertEquals("error: --save-aggregates: not with --history: the saves gained since the last import come from "
                + "the history itself, and the file could not give this report again.\n", r.err());
        assertFalse(Files.exists(dir.resolve("h.html")) || Files.exists(dir.resolve("n.json")));
    }

    @Test
    void theDefaultReportIsNamedAfterTheFile() {
        assertEquals("numbers", AggregatesOptions.reportName(Path.of("out", "numbers.json.gz")));
        assertEquals("team-q3", AggregatesOptions.reportName(Path.of("Team Q3.json")));
    }
}
