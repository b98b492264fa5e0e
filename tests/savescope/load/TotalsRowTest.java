package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;

/**
 * A table's last row that holds the sums of the rows above (a hand-kept sheet's "Total" row, an Excel SUM row)
 * is no video: it is rejected with its place, so the totals are not counted twice.
 */
class TotalsRowTest {
    static {
        Loader.quietPoiLogging();
    }

    @TempDir
    Path dir;

    private static final Path PUBLIC_SHEET = Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv");

    private static Dataset load(Path p) {
        return Loader.load(List.of(p), Loader.Options.defaults());
    }

    private static long sum(Dataset d, String column) {
        return (long) d.videos().longColumn(column).sum();
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aTotalRowUnderARealHandKeptSheetIsRejectedWithItsLine() throws Exception {
        // The public sheet's 105 videos (header on line 1) and a "Total" row of their sums on line 107. The sums
        // were added up apart, by a Python csv.reader over the file: 8,879,174 views, 361,028 likes, 3,574
        // comments, 5,023 shares, 30,744 saves.
        Path p = csv("totals-row.csv", Files.readString(PUBLIC_SHEET) + "Total,,,8879174,361028,3574,5023,30744,,,,,\n");
        Dataset d = load(p);
        assertEquals(105, d.videos().rowCount());
        assertEquals(8_879_174, sum(d, "views"));
        assertEquals(30_744, sum(d, "saves"));
        assertEquals(List.of(p + ":107: a totals row, not a video: its \"Total views\", \"Total likes\", \"Total comments\", "
                + "\"Total shares\" and \"Total saves\" are the sums of the 105 rows above it"),
                LoaderFormatsTest.rejections(d));
        assertEquals(106, d.load().rowsRead());
        assertEquals(1, d.load().rowsRejected());
    }

    @Test
    void anExcelSumRowBelowABlankRowIsRejectedWithItsSheetRow() throws Exception {
        Path p = dir.resolve("sum-row.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = book.createSheet("Content");
            Object[][] rows = {{"Post day", "Video title", "Total views", "Total saves"}, {"01/09/24", "Bread", 1000, 10},
                    {"02/09/24", "Cake", 2000, 30}, {"03/09/24", "Pie", 500, 5}};
            WorkbookSheetsTest.fill(sheet, rows);
            // Row 5 left blank, then Excel's sums with their calculated values saved (3,500 views, 45 saves).
            XSSFRow total = sheet.createRow(5);
            total.createCell(0).setCellValue("Total");
            total.createCell(2).setCellFormula("SUM(C2:C4)");
            total.createCell(3).setCellFormula("SUM(D2:D4)");
            XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
            book.write(out);
        }
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(45, sum(d, "saves"));
        assertEquals(List.of(p + ":Content!6: a totals row, not a video: its \"Total views\" and \"Total saves\" are the "
                + "sums of the 3 rows above it"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aTotalRowOfSomeColumnsOnlyIsATotalsRowToo() throws Exception {
        // Views 100 + 200 = 300 and saves 1 + 2 = 3; the likes of the total row were left blank.
        Path p = csv("some.csv", "title,views,likes,saves\na,100,10,1\nb,200,20,2\nTotal,300,,3\n");
        Dataset d = load(p);
        assertEquals(List.of(100L, 200L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of(p + ":4: a totals row, not a video: its \"views\" and \"saves\" are the sums of the 2 rows "
                + "above it"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aRowOfSumsWithRowsAfterItIsAVideo() throws Exception {
        // Row c happens to hold a + b, but a video follows it: only a table's last row can be its totals.
        Path p = csv("middle.csv", "title,views,saves\na,100,1\nb,200,2\nc,300,3\nd,50,1\n");
        Dataset d = load(p);
        assertEquals(List.of(100L, 200L, 300L, 50L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of(), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aTotalsRowIsStillFoundPastRowsRejectedAfterIt() throws Exception {
        // A note under the total has no count: it is rejected, and the total before it is still the last with counts.
        Path p = csv("note.csv", "title,,views,saves\na,,100,1\nb,,200,2\n,,300,3\nexported 27/12,,,\n");
        Dataset d = load(p);
        assertEquals(List.of(100L, 200L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of(p + ":5: no metric in this row (views, likes, comments, shares, saves all empty)",
                p + ":4: a totals row, not a video: its \"views\" and \"saves\" are the sums of the 2 rows above it"),
                LoaderFormatsTest.rejections(d));
        // Labelled, it is a total wherever it stands, and is rejected in the file's order.
        Path labelled = csv("note-labelled.csv", "title,views,saves\na,100,1\nb,200,2\nTotal,300,3\nexported 27/12,,\n");
        assertEquals(List.of(labelled + ":4: a totals row, not a video: its \"views\" and \"saves\" are the sums of the 2 "
                + "rows above it", labelled + ":5: no metric in this row (views, likes, comments, shares, saves all empty)"),
                LoaderFormatsTest.rejections(load(labelled)));
    }

    @Test
    void rowsThatOnlyLookLikeSumsAreVideos() throws Exception {
        // Zeros under zeros; a sum in one column only; a last row that carries a video link or an id.
        Path zeros = csv("zeros.csv", "title,views,saves\na,0,0\nb,0,0\nc,0,0\n");
        assertEquals(3, load(zeros).videos().rowCount());
        Path one = csv("one.csv", "title,views,saves\na,100,1\nb,200,2\nc,300,7\n");
        assertEquals(3, load(one).videos().rowCount());
        Path linked = csv("linked.csv", "title,link,views,saves\na,,100,1\nb,,200,2\n"
                + "c,https://www.tiktok.com/@lena/video/7400000000000000123,300,3\n");
        assertEquals(3, load(linked).videos().rowCount());
        Path ids = csv("ids.csv", "video_id,views,saves\n1,10,1\n2,20,2\n3,30,3\n");
        assertEquals(3, load(ids).videos().rowCount(), "an id with digits names a video");
        Path twoRows = csv("two.csv", "title,views,saves\na,100,1\nTotal,100,1\n");
        assertEquals(2, load(twoRows).videos().rowCount(), "one row above is not enough to tell a total");
        // A new account's third video with a posting time, whose 30 views and 3 saves happen to be the sums above.
        Path timed = csv("timed.csv", "Post day,Video title,Total views,Total saves\n01/03/26,a,10,1\n"
                + "02/03/26,b,20,2\n03/03/26,c,30,3\n");
        assertEquals(3, load(timed).videos().rowCount(), "a row with a posting time is a video");
    }

    /** "Total (2 videos)" in the id column is a label, not an id, though it holds a digit (2 videos, 30 views). */
    @Test
    void aTotalsLabelWithACountInItIsNoId() throws Exception {
        Path p = csv("label-digit.csv", "video_id,title,views,saves\n,a,10,1\n,b,20,2\nTotal (2 videos),,30,3\n");
        Dataset d = load(p);
        assertEquals(2, d.videos().rowCount());
        assertEquals(30, sum(d, "views"));
    }

    @Test
    void aRowWithAPostingTimeIsATotalsRowOnlyWhenAWordSaysSo() throws Exception {
        Path p = csv("labelled.csv", "Post day,Video title,Total views,Total saves\n01/03/26,a,10,1\n"
                + "02/03/26,b,20,2\n03/03/26,Grand Total:,30,3\n");
        Dataset d = load(p);
        assertEquals(2, d.videos().rowCount());
        assertEquals(30, sum(d, "views"));
        for (String word : List.of("Total", "TOTALS", " sum ", "Grand  total", "Summe", "Gesamt", "合计", "Итого",
                "Total (2 videos)", "Total:", "Grand total (March):")) {
            assertEquals(true, VideoFrameBuilder.totalsLabel(word), word);
        }
        for (String word : List.of("Total views", "Totally baked", "sums", "", "2", "(Total)", "Total (2) videos")) {
            assertEquals(false, VideoFrameBuilder.totalsLabel(word), word);
        }
    }

    @Test
    void theCanonicalCsvEndingInATotalsRowIsReadWithoutIt() throws Exception {
        // Every cell of the last row is plain, as the fast reader of this format takes it; it holds the sums of
        // the three rows above (1,000 + 2,000 + 500 views, 10 + 30 + 5 likes, ..., 1 + 3 + 5 saves).
        Path p = csv("canonical.csv", VideoFastCsv.HEADER + "\n"
                + "7400000000000000001,a,2025-01-01T10:00:00Z,tutorial,30,1000,10,1,1,1\n"
                + "7400000000000000002,b,2025-01-02T10:00:00Z,tutorial,30,2000,30,2,2,3\n"
                + "7400000000000000003,c,2025-01-03T10:00:00Z,tutorial,30,500,5,3,3,5\n"
                + "Total,total,2025-01-03T10:00:00Z,tutorial,90,3500,45,6,6,9\n");
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(List.of(p + ":5: a totals row, not a video: its \"views\", \"likes\", \"comments\", \"shares\" and "
                + "\"saves\" are the sums of the 3 rows above it"), LoaderFormatsTest.rejections(d));
    }
}
