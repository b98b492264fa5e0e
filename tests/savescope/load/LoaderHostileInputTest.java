package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;
import savescope.model.Dataset;
import savescope.model.SourceReport;
import savescope.model.FieldGap;
import savescope.model.Rejection;

/**
 * Rows written to mislead a reader: a comma that shifts the columns, a carriage return inside a title, a saves
 * column given twice, runaway text, NaN and Infinity, spreadsheet error values. Each is used, cut and said, or
 * rejected at its place; none is lost or read into the wrong column.
 */
class LoaderHostileInputTest {
    static {
        Loader.quietPoiLogging();
    }

    private static final String HEADER = "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static Dataset load(Path... files) {
        return Loader.load(List.of(files), Loader.Options.defaults());
    }

    private static SourceReport source(Dataset d, Path file) {
        return d.load().sources().stream().filter(s -> s.file().equals(file.toString())).findFirst().orElseThrow();
    }

    private static String row(int n, String title, int saves) {
        return "740000000000000000" + n + "," + title + ",2025-01-0" + n + "T00:15:00Z,tutorial,15,1000,50,5,3," + saves + "\n";
    }

    @Test
    void aCommaOutsideQuotesRejectsItsRowAndTrailingEmptyFieldsAreKept() throws Exception {
        // Row 3 (line 4) has an unquoted comma in its title: 11 fields under a 10-field header. Row 4 carries two
        // empty trailing fields, as a spreadsheet saving CSV writes them.
        Path p = write("shift.csv", HEADER + row(1, "Video 0", 20) + row(2, "Video 1", 33) + row(3, "Video 2, part two", 46)
                + row(4, "Video 3", 59).replace("\n", ",,\n") + row(5, "Video 4", 22));
        Dataset d = load(p);
        assertEquals(List.of(20L, 33L, 59L, 22L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of(p + ":4: the row has 11 fields, expected 10 as in the header; a value with a comma that "
                + "is not quoted?"), LoaderFormatsTest.rejections(d));
        assertEquals(5, d.load().rowsRead());
    }

    @Test
    void theOtherTextReadersRejectRowsWithExtraFieldsToo() throws Exception {
        Path videos = write("videos.csv", HEADER + row(1, "A", 20) + row(2, "B", 33));
        // Daily: line 3 has an eighth value (the fast reader gives the file to the general one, which rejects it).
        Path daily = write("daily.csv", "video_id,date,views,likes,comments,shares,saves\n"
                + "7400000000000000001,2025-01-02,100,10,1,1,5\n"
                + "7400000000000000001,2025-01-03,100,10,1,1,5,7\n"
                + "7400000000000000002,2025-01-03,50,5,1,1,2,\n");
        Path comments = write("comments.csv", "video_id,text,likes\n7400000000000000001,great, thanks,3\n"
                + "7400000000000000002,saved,1\n");
        Path viewers = write("Viewers.csv", "Date,Total Viewers,New Viewers,Returning Viewers\n"
                + "January 1,50,40,10\nJanuary 2,1,234,60,40\n");
        Dataset d = load(videos, daily, comments, viewers);
        String why = " fields, expected ";
        String hint = " as in the header; a value with a comma that is not quoted?";
        assertEquals(List.of(daily + ":3: the row has 8" + why + "7" + hint), source(d, daily).rejections().stream()
                .map(Rejection::toString).toList());
        assertEquals(2, d.daily().rowCount(), "line 2 and line 4 (its trailing empty field is kept)");
        assertEquals(List.of(comments + ":2: the row has 4" + why + "3" + hint), source(d, comments).rejections()
                .stream().map(Rejection::toString).toList());
        assertEquals(List.of("saved"), d.comments().stringColumn("text").asList());
        assertEquals(List.of(viewers + ":3: the row has 5" + why + "4" + hint), source(d, viewers).rejections()
                .stream().map(Rejection::toString).toList());
    }

    @Test
    void aCarriageReturnInsideAnUnquotedTitleKeepsItsRow() throws Exception {
        // The attack file's last row: a lone CR before "=1+1" in a file whose lines end in LF.
        Path p = write("cr.csv", HEADER + row(1, "<script>alert(1)</script>", 20) + row(2, "\r=1+1", 33)
                + row(3, "a\rb", 46));
        Dataset d = load(p);
        assertEquals(List.of(), LoaderFormatsTest.rejections(d));
        assertEquals(List.of(20L, 33L, 46L), LoaderFormatsTest.longs(d.videos(), "saves"));
        // strip() takes the leading CR off; the inner one stays part of the text (escaped where it is shown).
        assertEquals(List.of("<script>alert(1)</script>", "=1+1", "a\rb"), d.videos().stringColumn("title").asList());
        assertEquals(3, d.load().rowsRead());
    }

    @Test
    void inAFileOfLoneCrLineEndsACrStillEndsTheRow() throws Exception {
        Path p = write("mac.csv", (HEADER + row(1, "A", 20) + row(2, "B", 33)).replace('\n', '\r'));
        Dataset d = load(p);
        assertEquals(List.of(20L, 33L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of(), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aRepeatedSavesColumnIsSaidForCsvXlsxAndJsonInTheReportAndItsJson() throws Exception {
        Path csv = write("dup.csv", "video_id,views,saves,saves\n7400000000000000001,1000,20,999\n");
        Path xlsx = dir.resolve("dup.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFRow h = book.createSheet("Data").createRow(0);
            String[] names = {"video_id", "views", "saves", "saves"};
            for (int c = 0; c < names.length; c++) {
                h.createCell(c).setCellValue(names[c]);
            }
            XSSFRow r = book.getSheet("Data").createRow(1);
            r.createCell(0).setCellValue("7400000000000000002");
            r.createCell(1).setCellValue(500);
            r.createCell(2).setCellValue(7);
            r.createCell(3).setCellValue(999);
            book.write(out);
        }
        Path json = write("dup.json", "[{\"id\":\"7400000000000000003\",\"stats\":{\"playCount\":100,\"collectCount\":3,"
                + "\"collectCount\":999}}]");
        Path html = dir.resolve("out.html");
        Path out = dir.resolve("out.json");
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new ReportCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(csv.toString(), xlsx.toString(), json.toString(), "-o", html.toString(), "--json",
                out.toString(), "--no-index"), err.toString());
        JsonNode files = new ObjectMapper().readTree(out.toFile()).at("/input/files");
        String page = Files.readString(html);
        String csvSays = "the header \"saves\" appears more than once, in columns 3 and 4; the first (column 3) was read as saves and "
                + "the others were ignored.";
        String jsonSays = "the key \"collectCount\" is repeated inside an object 1 time (first on line 1); the first "
                + "value was read and the repeats ignored, as for a CSV header that appears twice.";
        for (int i = 0; i < 3; i++) {
            JsonNode f = files.get(i);
            String expected = f.get("file").asText().endsWith(".json") ? jsonSays : csvSays;
            assertTrue(f.get("warnings").toString().contains(new ObjectMapper().writeValueAsString(expected)),
                    f.toString());
        }
        // In the page the quotes are escaped; the words are there once per file that said them.
        assertEquals(2, page.split("appears more than once, in columns 3 and 4; the first \\(column 3\\) was read as saves", -1).length - 1);
        assertTrue(page.contains("is repeated inside an object 1 time"), "JSON warning in the page");
        // The totals use the first column only: 20 + 7 + 3.
        assertEquals(30, new ObjectMapper().readTree(out.toFile()).at("/totals/saves").asLong());
    }

    @Test
    void aRunawayTitleIsCutOnACodePointAndCounted() throws Exception {
        // 12,000 emoji: each is two UTF-16 units, so a cut by char index could split one.
        String emoji = "\uD83D\uDE00";
        Path p = write("long.csv", HEADER + row(1, emoji.repeat(12_000), 20) + row(2, "x".repeat(10_000), 33)
                + row(3, "y".repeat(10_001), 46));
        Dataset d = load(p);
        List<String> titles = d.videos().stringColumn("title").asList();
        assertEquals(emoji.repeat(10_000) + "…", titles.get(0));
        assertEquals("x".repeat(10_000), titles.get(1), "exactly the bound: kept whole");
        assertEquals("y".repeat(10_000) + "…", titles.get(2));
        assertEquals(List.of("2 titles longer than 10,000 characters were cut to that length (the first at 2:2)"),
                source(d, p).assumptions());
    }

    @Test
    void aThirtyMegabyteWebItemTextStillMakesAReport() throws Exception {
        Path p = write("big.json", "[{\"id\":\"7460000000000000001\",\"desc\":\"" + "a".repeat(30_000_000)
                + "\",\"stats\":{\"playCount\":100,\"collectCount\":3}},{\"id\":\"7460000000000000002\",\"desc\":\"b\","
                + "\"stats\":{\"playCount\":50,\"collectCount\":2}}]");
        Path html = dir.resolve("big.html");
        Path out = dir.resolve("big-out.json");
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new ReportCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(p.toString(), "-o", html.toString(), "--json", out.toString(), "--no-index"),
                err.toString());
        assertTrue(Files.size(html) < 8_000_000, "the page holds the cut title, not 30 MB: " + Files.size(html));
        assertEquals("[\"1 title longer than 10,000 characters was cut to that length (the first at /0/desc)\"]",
                new ObjectMapper().readTree(out.toFile()).at("/input/files/0/assumptions").toString());
    }

    @Test
    void commentTextsAreCutAndCountedInCsvAndJson() throws Exception {
        Path videos = write("videos.csv", HEADER + row(1, "A", 20));
        Path csv = write("comments.csv", "video_id,text,likes\n7400000000000000001," + "c".repeat(10_005) + ",3\n");
        Path json = write("c.json", "[{\"cid\":\"1\",\"aweme_id\":\"7400000000000000001\",\"text\":\"" + "j".repeat(20_000)
                + "\",\"digg_count\":2}]");
        Dataset d = load(videos, csv, json);
        assertEquals(List.of("c".repeat(10_000) + "…", "j".repeat(10_000) + "…"), d.comments().stringColumn("text").asList());
        assertEquals(List.of("1 comment text longer than 10,000 characters was cut to that length (the first at 2:2)"),
                source(d, csv).assumptions());
        assertEquals(List.of("1 comment text longer than 10,000 characters was cut to that length (the first at /0/text)"),
                source(d, json).assumptions());
    }

    @Test
    void pythonsNanIsAMissingCountAndInfinityRejectsItsRow() throws Exception {
        // The attack file: json.dumps of float('nan') and float('inf') in an API response.
        Path p = write("nan.json", "{\"data\":{\"videos\":["
                + "{\"id\":\"7460000000000000001\",\"view_count\":4000,\"like_count\":400,\"favorites_count\":100},"
                + "{\"id\":\"7460000000000000002\",\"view_count\":5000,\"like_count\":400,\"favorites_count\":NaN},"
                + "{\"id\":\"7460000000000000003\",\"view_count\":Infinity,\"like_count\":400,\"favorites_count\":50},"
                + "{\"id\":\"7460000000000000004\",\"view_count\":10,\"like_count\":-Infinity,\"favorites_count\":5}]}}");
        Dataset d = load(p);
        assertEquals(Arrays.asList(100L, null), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of(p + ":/data/videos/2/view_count: column \"view_count\": expected a count, found an infinite "
                + "number \"Infinity\"", p + ":/data/videos/3/like_count: column \"like_count\": expected a count, found "
                + "an infinite number \"-Infinity\""), LoaderFormatsTest.rejections(d));
        FieldGap gap = source(d, p).fieldGaps().get(0);
        assertEquals(new FieldGap("saves", "favorites_count", 1, List.of("/data/videos/1/favorites_count"),
                "\"NaN\" means no value"), gap);
    }

    @Test
    void csvMissingMarkersAreCountedAndSpreadsheetErrorsRejectTheirRow() throws Exception {
        String[] missing = {"NaN", "nan", "None", "null", "#N/A", ""};
        String[] errors = {"#VALUE!", "#DIV/0!", "#REF!"};
        StringBuilder text = new StringBuilder("video_id,views,saves\n");
        for (int i = 0; i < missing.length; i++) {
            text.append("74000000000000001").append(10 + i).append(",100,").append(missing[i]).append('\n');
        }
        for (int i = 0; i < errors.length; i++) {
            text.append("74000000000000002").append(10 + i).append(",100,").append(errors[i]).append('\n');
        }
        Path p = write("markers.csv", text.toString());
        Dataset d = load(p);
        assertEquals(6, d.videos().rowCount());
        assertTrue(LoaderFormatsTest.longs(d.videos(), "saves").stream().allMatch(v -> v == null));
        // Lines 2-7 are the missing markers; lines 8-10 the errors, each at its saves cell (column 3).
        assertEquals(new FieldGap("saves", "saves", 6, List.of("2:3", "3:3", "4:3", "5:3", "6:3"), "\"NaN\" means no value"),
                source(d, p).fieldGaps().get(0));
        assertEquals(List.of(
                p + ":8:3: column \"saves\": expected a count, found the spreadsheet error \"#VALUE!\" (a formula in the sheet failed)",
                p + ":9:3: column \"saves\": expected a count, found the spreadsheet error \"#DIV/0!\" (a formula in the sheet failed)",
                p + ":10:3: column \"saves\": expected a count, found the spreadsheet error \"#REF!\" (a formula in the sheet failed)"),
                LoaderFormatsTest.rejections(d));
    }

    @Test
    void anXlsxErrorCellIsQuotedAsExcelShowsIt() throws Exception {
        Path xlsx = dir.resolve("err.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFRow h = book.createSheet("Data").createRow(0);
            h.createCell(0).setCellValue("video_id");
            h.createCell(1).setCellValue("views");
            h.createCell(2).setCellValue("saves");
            XSSFRow a = book.getSheet("Data").createRow(1);
            a.createCell(0).setCellValue("7400000000000000001");
            a.createCell(1).setCellValue(100);
            a.createCell(2).setCellErrorValue(FormulaError.DIV0);
            XSSFRow b = book.getSheet("Data").createRow(2);
            b.createCell(0).setCellValue("7400000000000000002");
            b.createCell(1).setCellValue(100);
            b.createCell(2).setCellErrorValue(FormulaError.NA);
            book.write(out);
        }
        Dataset d = load(xlsx);
        assertEquals(List.of(xlsx + ":Data!C2: column \"saves\": expected a count, found the spreadsheet error \"#DIV/0!\" "
                + "(a formula in the sheet failed)"), LoaderFormatsTest.rejections(d));
        assertEquals(1, d.videos().rowCount(), "#N/A is Excel's 'not available': a missing value");
    }
}
