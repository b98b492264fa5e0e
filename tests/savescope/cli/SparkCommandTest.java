package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.UserError;

/**
 * {@code report-spark}'s choices made before Spark starts: which inputs SaveScope's loader reads, and the
 * output checks it shares with {@code report} (no Spark session is opened by these runs).
 */
class SparkCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsGoToTheLoaderAndCorporaToSpark() throws Exception {
        assertTrue(SparkCommand.isExport("data/sample"), "a folder of exports");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.createDirectories(corpus.resolve("videos.parquet"));
        assertFalse(SparkCommand.isExport(corpus.toString()), "a folder convert wrote");
        Path sheet = Files.writeString(dir.resolve("videos.xlsx"), "x");
        assertTrue(SparkCommand.isExport(sheet.toString()), "a spreadsheet only the loader reads");
        Path csv = Files.writeString(dir.resolve("videos.csv"), "video_id,views\n1,2\n");
        assertFalse(SparkCommand.isExport(csv.toString()), "canonical CSV, read by Spark");
        assertFalse(SparkCommand.isExport("s3a://bucket/corpus/"), "any Hadoop URL");
    }

    @Test
    void exportsAndCorporaAreNotMixed() {
        UserError e = assertThrows(UserError.class, () -> SparkCommand.open(null, List.of("data/sample",
                "s3a://bucket/corpus/"), 1000));
        assertEquals("data/sample: an export for SaveScope's loader, given with canonical corpora (s3a://bucket/corpus/); "
                + "give either exports or corpora (convert the exports first: ./jbang report-spark convert).", e.getMessage());
    }

    /** The report's own output checks run before any work: an input is never replaced. */
    @Test
    void theReportNeverReplacesAnInput() {
        var run = OutputSafetyTest.run(new SparkCommand(), "data/sample", "-o", "data/sample/videos.csv", "--no-index");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: -o data/sample/videos.csv lies inside the input folder data/sample"),
                run.err());
    }

    /** Without a page the aggregates files get the same checks, before Spark starts: an input is never replaced. */
    @Test
    void anAggregatesFileNeverReplacesAnInput() throws Exception {
        Path csv = Files.writeString(dir.resolve("videos.csv"), "video_id,views\n1,2\n");
        var run = OutputSafetyTest.run(new SparkCommand(), csv.toString(), "--aggregates", csv.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: --aggregates " + csv + " is the input " + csv), run.err());
        assertEquals("video_id,views\n1,2\n", Files.readString(csv));
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Path daily = Files.writeString(folder.resolve("daily.csv"), "video_id,date,views\n1,2026-01-01,2\n");
        run = OutputSafetyTest.run(new SparkCommand(), folder.toString(), "--save-aggregates", daily.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: --save-aggregates " + daily + " lies inside the input folder "
                + folder), run.err());
        assertEquals("video_id,date,views\n1,2026-01-01,2\n", Files.readString(daily));
    }

    @Test
    void numbersOptionsAreCheckedFirst() {
        var run = OutputSafetyTest.run(new SparkCommand(), "data/sample", "--max-rows", "0");
        assertEquals(2, run.code());
        assertEquals("error: --max-rows: expected a number of table rows of 1 or more, found 0.", run.err().strip());
    }

    /** {@code compare}: the engines' --json documents value by value, with diff's exit codes. */
    @Test
    void compareCountsValuesAndListsEachDifference() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"generated_at\":\"2026-01-01\",\"videos\":3,"
                + "\"rate\":0.1,\"rows\":[{\"id\":\"x\",\"r\":0.30000000000000004}]}");
        Path same = Files.writeString(dir.resolve("same.json"), "{\"generated_at\":\"2026-12-01\",\"videos\":3,"
                + "\"rate\":0.1,\"rows\":[{\"id\":\"x\",\"r\":0.3}]}");
        var run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), same.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        // videos, rate, id, r: four values; r differs in its last bit only; generated_at is skipped.
        assertEquals("4 values compared; beyond 1e-9 relative: 0; within it but not bit-equal: 1.", run.out().strip());

        Path other = Files.writeString(dir.resolve("other.json"), "{\"generated_at\":\"x\",\"videos\":4,"
                + "\"rate\":0.1000001,\"rows\":[{\"id\":\"y\",\"r\":0.3}]}");
        run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), other.toString(), "--show", "2");
        assertEquals(1, run.code());
        assertEquals(List.of("differs .videos: 3 != 4", "differs .rate: 0.1 != 0.1000001", "... and 1 more difference",
                "4 values compared; beyond 1e-9 relative: 3; within it but not bit-equal: 1."),
                run.out().strip().lines().toList());
    }

    @Test
    void compareNamesAFileItCannotRead() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"videos\":3}");
        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"videos\":\n  [1, 2");
        var run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), cut.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: " + cut + ", line 2 column "), run.err());
        assertTrue(run.err().contains("not valid JSON"), run.err());
        run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), dir.resolve("none.json").toString());
        assertEquals(2, run.code());
        assertEquals("error: " + dir.resolve("none.json") + ": no such file; expected a --json document of ./jbang "
                + "report or report-spark.", run.err().strip());
        Path list = Files.writeString(dir.resolve("list.json"), "[1]");
        run = OutputSafetyTest.run(new SparkCommand(), "compare", list.toString(), a.toString());
        assertEquals(2, run.code());
        assertEquals("error: " + list + ": expected a JSON object (a --json document of the report), found array.",
                run.err().strip());
    }

    /** Key order means nothing in JSON; a key on one side only is one difference and the rest is still compared. */
    @Test
    void compareMatchesKeysByNameAndNamesTheOnesOnOneSide() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"videos\":3,\"rate\":0.1,\"old\":{\"x\":[1,2]}}");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"rate\":0.1,\"videos\":3}");
        var run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), b.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        // videos and rate are compared (2 values) whatever their order; "old" is the one difference.
        assertEquals(List.of("differs (top): keys only on the left [old], only on the right []",
                "2 values compared; beyond 1e-9 relative: 1; within it but not bit-equal: 0."),
                run.out().strip().lines().toList());
        Path c = Files.writeString(dir.resolve("c.json"), "{\"rate\":0.1,\"videos\":3,\"old\":null}");
        run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), c.toString());
        assertEquals("differs .old: an object of 1 key != null", run.out().lines().findFirst().orElseThrow());
    }

    @Test
    void compareReadsGzipAndRefusesANegativeShow() throws Exception {
        String doc = "{\"videos\":3,\"rate\":0.25}";
        Path a = Files.writeString(dir.resolve("a.json"), doc);
        Path gz = dir.resolve("a.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var run = OutputSafetyTest.run(new SparkCommand(), "compare", gz.toString(), a.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Path cut = Files.write(dir.resolve("cut.json.gz"), java.util.Arrays.copyOf(Files.readAllBytes(gz), 12));
        run = OutputSafetyTest.run(new SparkCommand(), "compare", cut.toString(), a.toString());
        assertEquals(2, run.code());
        assertEquals("error: " + cut + ": a damaged or cut gzip file; expected a --json document of ./jbang report or "
                + "report-spark, plain or gzip-compressed.", run.err().strip());
        run = OutputSafetyTest.run(new SparkCommand(), "compare", a.toString(), a.toString(), "--show", "-3");
        assertEquals(2, run.code());
        assertEquals("error: --show: expected a number of differences of 0 or more, found -3.", run.err().strip());
    }

    /** A reader limit is told in words, without the parser's class names. */
    @Test
    void compareTellsADocumentNestedTooDeepWithoutClassNames() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"videos\":3}");
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200));
        var run = OutputSafetyTest.run(new SparkCommand(), "compare", deep.toString(), a.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("not valid JSON (nesting depth (1001) exceeds the maximum allowed (1000))"),
                run.err());
        assertFalse(run.err().contains("`"), run.err());
        assertFalse(run.err().contains("Constraints"), run.err());
    }
}
