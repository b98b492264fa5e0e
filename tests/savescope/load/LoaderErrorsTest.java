package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** Unusable input stops the run with one message naming the file, what was found and what was expected. */
class LoaderErrorsTest {
    @TempDir
    Path dir;

    private String error(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return assertThrows(InputException.class, () -> Loader.load(List.of(p), Loader.Options.defaults())).getMessage();
    }

    private String error(String name, String text) throws Exception {
        return error(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void emptyFile() throws Exception {
        assertEquals(dir.resolve("e.csv") + ": the file is empty; expected a CSV file with a header row.", error("e.csv", ""));
        assertEquals(dir.resolve("e.json") + ": the file is empty; expected JSON (an array of items, an API response, or "
                + "one object per line).", error("e.json", "  \n"));
    }

    @Test
    void randomBytes() throws Exception {
        assertEquals(dir.resolve("r.csv") + ": found binary data (4 control bytes in the first 5), expected CSV text.",
                error("r.csv", new byte[] {0, 1, 2, 3, 'a'}));
    }

    @Test
    void truncatedJson() throws Exception {
        // The text is 36 characters long; the end of input is found at column 37.
        assertEquals(dir.resolve("t.json") + ":1:37: the JSON is cut off inside an object; expected complete JSON: an array of items, an API response, or one object "
                + "per line.", error("t.json", "[{\"id\":\"1\",\"stats\":{\"collectCount\":3"));
    }

    @Test
    void spreadsheetRenamedToCsv() throws Exception {
        byte[] xlsx = Files.readAllBytes(LoaderFormatsTest.DIR.resolve("studio-per-video.xlsx"));
        assertEquals(dir.resolve("v.csv") + ": this is a ZIP archive or an XLSX spreadsheet, not CSV text; give it its "
                + "real extension (.zip or .xlsx) and SaveScope will read it.", error("v.csv", xlsx));
    }

    @Test
    void headersWithNoKnownMetricListWhatWasSeenAndWhatIsKnown() throws Exception {
        assertEquals(dir.resolve("n.csv") + ": found the columns [name, colour] but no known metric; expected one of "
                + TableRouter.KNOWN_FORMATS + ", or name your columns with --map saves=HEADER --map views=HEADER.",
                error("n.csv", "name,colour\nAda,blue\n"));
        assertEquals(dir.resolve("n.json") + ": found JSON objects with the keys [name, colour] but no known metric; "
                + "expected web items (stats.collectCount or collectCount), TikTok Research/Display/Business API "
                + "responses (data.videos with view_count, favorites_count, ...) or comments (cid, aweme_id, text), or "
                + "name the keys with --map saves=KEY.", error("n.json", "[{\"name\":\"Ada\",\"colour\":\"blue\"}]"));
    }

    @Test
    void headersButNoRows() throws Exception {
        assertEquals(dir.resolve("h.csv") + ": found the header row [video_id, views, saves] but no data rows; expected "
                + "at least one row below the header.", error("h.csv", "\uFEFF\"video_id\",\"views\",\"saves\""));
    }

    @Test
    void jsonThatIsNotAnArrayOrObject() throws Exception {
        assertEquals(dir.resolve("s.json") + ": found text starting with \"42\", expected JSON starting with { or [.",
                error("s.json", "42\n"));
    }

    @Test
    void brokenArchiveAndWorkbook() throws Exception {
        assertEquals(dir.resolve("x.zip") + ": found no CSV, XLSX or JSON files inside; expected a TikTok Studio "
                + "download (a ZIP of CSV or XLSX files).", error("x.zip", "not a zip at all"));
        String m = error("x.xlsx", "not a workbook");
        assertEquals(dir.resolve("x.xlsx") + ": not a readable XLSX workbook (", m.substring(0, m.indexOf('(') + 1));
    }

    @Test
    void zipWithAMalformedEntryName() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(buf)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("abc.csv"));
            zip.write("video_id,saves\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] bytes = buf.toByteArray();
        // The first entry's name starts at byte 30 of its local header; 0xC3 0x28 is not UTF-8.
        bytes[30] = (byte) 0xC3;
        bytes[31] = (byte) 0x28;
        assertEquals(dir.resolve("m.zip") + ": not a readable ZIP archive (malformed input off : 1, length : 1); "
                + "expected a TikTok Studio download (a ZIP of CSV or XLSX files).", error("m.zip", bytes));
    }

    @Test
    void allRowsRejectedNamesTheFirstReason() throws Exception {
        assertEquals(dir.resolve("b.csv") + ": no usable video rows (1 rejected; the first: " + dir.resolve("b.csv")
                + ":2:2: column \"saves\": expected a number, found \"lots\"); expected per-video data with at least "
                + "one metric (views, likes, comments, shares, saves).", error("b.csv", "video_id,saves\n1,lots\n"));
    }

    @Test
    void aLineStartingWithAHashtagIsARowNotAComment() throws Exception {
        Path p = dir.resolve("h.csv");
        Files.writeString(p, "Video title,Total views,Total saves\n#recipe tonight,100,7\nplain,50,3\n");
        savescope.model.Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of("#recipe tonight", "plain"), d.videos().stringColumn("title").asList());
        assertEquals(10L, (long) d.videos().longColumn("saves").sum());
    }

    @Test
    void reportCommandExitsTwoAndLeavesAnExistingReportUntouched() throws Exception {
        Path bad = dir.resolve("cut.json");
        Files.writeString(bad, "{\"data\":{\"videos\":[{\"id\":\"7\",\"favorites_count\":");
        Path html = dir.resolve("report.html");
        Files.writeString(html, "previous report");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(bad.toString(), "-o", html.toString());
        assertEquals(2, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        // 47 characters; the input ends at column 48.
        assertEquals("error: " + bad + ":1:48: the JSON is cut off inside an object; expected complete JSON: an array of items, an API response, or one object per line.",
                err.toString().strip());
        assertEquals("previous report", Files.readString(html));
        assertEquals("", out.toString());
    }
}
