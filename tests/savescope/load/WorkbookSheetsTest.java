package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;

/**
 * Which sheets of a hand-kept workbook are read as videos: hidden sheets and sheets of sums (no column names a
 * video) are left out, each with a warning, so a workbook's totals are those of its videos alone.
 */
class WorkbookSheetsTest {
    static {
        Loader.quietPoiLogging();
    }

    @TempDir
    Path dir;

    private static final Object[] HEADER = {"Post day", "Video title", "Total views", "Total saves"};
    /** Three videos: 1,000 + 2,000 + 500 = 3,500 views and 10 + 30 + 5 = 45 saves. */
    private static final Object[][] VIDEOS = {HEADER, {"01/09/24", "Bread", 1000, 10}, {"02/09/24", "Cake", 2000, 30},
            {"03/09/24", "Pie", 500, 5}};

    static void sheet(XSSFWorkbook book, String name, Object[][] rows) {
        fill(book.createSheet(name), rows);
    }

    /** Writes {@code rows} from the sheet's first row on: numbers as number cells, text as text, null left empty. */
    static void fill(XSSFSheet sheet, Object[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (rows[r][c] != null) {
                    row.createCell(c).setCellValue((String) rows[r][c]);
                }
            }
        }
    }

    private Path write(String name, XSSFWorkbook book) throws Exception {
        Path p = dir.resolve(name);
        try (book; OutputStream out = Files.newOutputStream(p)) {
            book.write(out);
        }
        return p;
    }

    private static Dataset load(Path p) {
        return Loader.load(List.of(p), Loader.Options.defaults());
    }

    private static long sum(Dataset d, String column) {
        return (long) d.videos().longColumn(column).sum();
    }

    @Test
    void aPivotSheetOfMonthlySumsIsSkippedWithAWarningNamingIt() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "Content", VIDEOS);
        // As a pivot table of the sheet above: its rows repeat the videos' sums, and no column names a video.
        sheet(book, "Pivot", new Object[][] {{"Month", "Total views", "Total saves", "Videos"}, {"09/24", 3500, 45, 3},
                {"Grand Total", 3500, 45, 3}});
        Path p = write("pivot.xlsx", book);
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(45, sum(d, "saves"));
        assertEquals(List.of(p + ": the sheet \"Pivot\" was not read: no column names a video (an id, link, title or "
                + "posting time) and its counts are the sums of the other sheets' videos, so it is a summary of them "
                + "(totals, a pivot table), not videos."), d.load().warnings());
        assertEquals(1, d.load().sources().size(), "the summary sheet is no source");
    }

    @Test
    void aHiddenSheetIsNotReadAndTheRunSaysSo() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "Content", VIDEOS);
        // An old copy of the first two rows, hidden: read, it would count those videos twice.
        sheet(book, "old", new Object[][] {HEADER, VIDEOS[1], VIDEOS[2]});
        book.setSheetVisibility(1, SheetVisibility.HIDDEN);
        Path p = write("hidden.xlsx", book);
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(List.of(p + ": the hidden sheet \"old\" was not read; unhide it in the workbook to include its rows."),
                d.load().warnings());
    }

    @Test
    void veryHiddenSheetsAreNotReadEitherAndOneWarningNamesThemAll() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "old", new Object[][] {HEADER, VIDEOS[1]});
        sheet(book, "Content", VIDEOS);
        sheet(book, "workings", new Object[][] {HEADER, VIDEOS[3]});
        book.setSheetVisibility(0, SheetVisibility.HIDDEN);
        book.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
        book.setActiveSheet(1);
        Path p = write("very-hidden.xlsx", book);
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(45, sum(d, "saves"));
        assertEquals(List.of(p + ": the hidden sheets \"old\", \"workings\" were not read; unhide them in the workbook "
                + "to include their rows."), d.load().warnings());
    }

    @Test
    void aMonthlySumsSheetWithoutItsGrandTotalIsSkippedToo() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "Content", VIDEOS);
        // Two months that add up to the videos' 3,500 views and 45 saves.
        sheet(book, "By month", new Object[][] {{"Month", "Total views", "Total saves"}, {"09/24", 3000, 40},
                {"10/24", 500, 5}});
        Dataset d = load(write("months.xlsx", book));
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(1, d.load().warnings().size(), d.load().warnings().toString());
    }

    /**
     * A sheet whose videos are named under a header SaveScope does not know ("Video") is no summary: its counts
     * are not the other sheet's sums, so it is read (3 + 2 videos, 3,500 + 300 views).
     */
    @Test
    void aSecondSheetOfVideosUnderAnUnknownHeaderIsRead() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "January", VIDEOS);
        sheet(book, "February", new Object[][] {{"Video", "Total views", "Total saves"}, {"Scones", 100, 2},
                {"Rolls", 200, 3}});
        Dataset d = load(write("two-months.xlsx", book));
        assertEquals(5, d.videos().rowCount());
        assertEquals(3800, sum(d, "views"));
        assertEquals(50, sum(d, "saves"));
        assertEquals(List.of(), d.load().warnings());
    }

    /** A workbook whose only sheet names no video is read as it always was: there is nothing for it to sum. */
    @Test
    void aWorkbookOfOneSheetWithoutATitleColumnIsRead() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        sheet(book, "Videos", new Object[][] {{"Video", "Total views", "Total saves"}, {"Scones", 100, 2},
                {"Rolls", 200, 3}, {"Buns", 50, 1}});
        Dataset d = load(write("one-sheet.xlsx", book));
        assertEquals(3, d.videos().rowCount());
        assertEquals(350, sum(d, "views"));
    }

    @Test
    void aWorkbookWhoseDataIsAllHiddenSaysWhereItIs() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        book.createSheet("Sheet1");
        sheet(book, "Data", VIDEOS);
        book.setSheetVisibility(1, SheetVisibility.HIDDEN);
        Path p = write("all-hidden.xlsx", book);
        InputException e = assertThrows(InputException.class, () -> load(p));
        assertEquals(p + ": every visible sheet is empty (the hidden sheet \"Data\" was not read; unhide it in the "
                + "workbook to include its rows); expected a sheet with a header row and data rows.", e.getMessage());
    }
}
