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

    @Test
    void numbersOptionsAreCheckedFirst() {
        var run = OutputSafetyTest.run(new SparkCommand(), "data/sample", "--max-rows", "0");
        assertEquals(2, run.code());
        assertEquals("error: --max-rows: expected a number of table rows of 1 or more, found 0.", run.err().strip());
    }
}
