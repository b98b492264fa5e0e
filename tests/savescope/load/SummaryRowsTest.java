package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Summary rows of hand-kept sheets other than one last "Total" row (see {@link TotalsRowTest}): an average or
 * median row under the total or alone, and subtotals of groups (months) with a grand total. Each is rejected with
 * its place and reason only when a word labels it and its arithmetic holds; rows that merely look like them stay
 * videos.
 *
 * <p>The public sheet is MatheusDiani/project @ 02710a50 : public/Content.csv (105 videos, see
 * data/public/SOURCES.md). Its figures below were computed apart, by Python's csv module over that file:
 * sums 8,879,174 views, 361,028 likes, 3,574 comments, 5,023 shares, 30,744 saves; means 84,563.5619...,
 * 3,438.3619..., 34.0381..., 47.8381..., 292.8; medians 26,000, 625, 24, 7, 18; per month of "Post day"
 * (09/24: 22 videos, 10/24: 34, 11/24: 23, 12/24: 26) the sums 3,161,517 / 1,624,000 / 1,518,000 / 2,575,657
 * views, 138,129 / 44,605 / 36,641 / 141,653 likes, 654 / 1,094 / 924 / 902 comments, 1,465 / 596 / 663 /
 * 2,299 shares and 12,463 / 2,019 / 1,705 / 14,557 saves.
 */
class SummaryRowsTest {
    static {
        Loader.quietPoiLogging();
    }

    @TempDir
    Path dir;

    private static final Path PUBLIC_SHEET = Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv");
    private static final String ALL_COUNTS = "\"Total views\", \"Total likes\", \"Total comments\", \"Total shares\" and "
            + "\"Total saves\"";

    private static Dataset load(Path p) {
        return Loader.load(List.of(p), Loader.Options.defaults());
    }

    private static long sum(Dataset d, String column) {
        return (long) d.videos().longColumn(column).sum();
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertPublicTotals(Dataset d) {
        assertEquals(105, d.videos().rowCount());
        assertEquals(8_879_174, sum(d, "views"));
        assertEquals(361_028, sum(d, "likes"));
        assertEquals(3_574, sum(d, "comments"));
        assertEquals(5_023, sum(d, "shares"));
        assertEquals(30_744, sum(d, "saves"));
    }

    @Test
    void aTotalRowThenAnAverageRowAreBothRejected() throws Exception {
        // Line 107 the sums, line 108 the means shown with two decimals, as a spreadsheet's 0.00 format shows them.
        Path p = csv("total-average.csv", Files.readString(PUBLIC_SHEET) + "Total,,,8879174,361028,3574,5023,30744,,,,,\n"
                + "Média,,,84563.56,3438.36,34.04,47.84,292.80,,,,,\n");
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":107: a totals row, not a video: its " + ALL_COUNTS + " are the sums of the 105 rows "
                + "above it", p + ":108: a row of averages, not a video: its " + ALL_COUNTS + " are the means of the 105 "
                + "videos above it (to the rounding shown)"), LoaderFormatsTest.rejections(d));
        assertEquals(107, d.load().rowsRead());
        assertEquals(2, d.load().rowsRejected());
    }

    @Test
    void anUnlabelledSumRowThenAnAverageRowAreRejectedInTheFilesOrder() throws Exception {
        // The sum row has no label (held until the table ends); the average under it is labelled in the title column.
        Path p = csv("sum-avg.csv", Files.readString(PUBLIC_SHEET) + ",,,8879174,361028,3574,5023,30744,,,,,\n"
                + ",Avg,,84564,3438,34,48,293,,,,,\n");
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":107: a totals row, not a video: its " + ALL_COUNTS + " are the sums of the 105 rows "
                + "above it", p + ":108: a row of averages, not a video: its " + ALL_COUNTS + " are the means of the 105 "
                + "videos above it (to the rounding shown)"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aWorkbooksSumAndUnroundedAverageRowsAreBothRejected() throws Exception {
        // The public sheet's day, title and counts in a workbook, then Excel's SUM and AVERAGE of each count with
        // their values saved unrounded (84,563.5619047619...).
        Path p = dir.resolve("total-average.xlsx");
        List<String> lines = Files.readAllLines(PUBLIC_SHEET);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = book.createSheet("Content");
            for (int r = 0; r < lines.size(); r++) {
                // Split at commas outside quotes: three titles hold commas.
                String[] cells = lines.get(r).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue(cells[0]);
                row.createCell(1).setCellValue(cells[1].replace("\"", ""));
                for (int c = 3; c < 8; c++) {
                    if (r == 0) {
                        row.createCell(c - 1).setCellValue(cells[c]);
                    } else {
                        row.createCell(c - 1).setCellValue(Long.parseLong(cells[c]));
                    }
                }
            }
            XSSFRow total = sheet.createRow(106);
            XSSFRow average = sheet.createRow(107);
            total.createCell(0).setCellValue("Total");
            average.createCell(0).setCellValue("Média");
            for (int c = 2; c < 7; c++) {
                char col = (char) ('A' + c);
                total.createCell(c).setCellFormula("SUM(" + col + "2:" + col + "106)");
                average.createCell(c).setCellFormula("AVERAGE(" + col + "2:" + col + "106)");
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
            book.write(out);
        }
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":Content!107: a totals row, not a video: its " + ALL_COUNTS + " are the sums of the 105 "
                + "rows above it", p + ":Content!108: a row of averages, not a video: its " + ALL_COUNTS + " are the means "
                + "of the 105 videos above it (to the rounding shown)"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void anAverageRowAloneIsRejectedRoundedOrCutOff() throws Exception {
        // Rounded to whole counts (84,563.56 -> 84,564; 292.8 -> 293) and cut off (84,563; 292), with a thousands comma.
        for (String row : List.of("Average,,,84564,3438,34,48,293,,,,,\n", "Average:,,,\"84,563\",\"3,438\",34,47,292,,,,,\n",
                "Durchschnitt,,,84563.6,3438.4,34.0,47.8,292.8,,,,,\n")) {
            Path p = csv("average.csv", Files.readString(PUBLIC_SHEET) + row);
            Dataset d = load(p);
            assertPublicTotals(d);
            assertEquals(List.of(p + ":107: a row of averages, not a video: its " + ALL_COUNTS + " are the means of the "
                    + "105 videos above it (to the rounding shown)"), LoaderFormatsTest.rejections(d), row);
        }
    }

    @Test
    void aMedianRowIsRejected() throws Exception {
        Path p = csv("median.csv", Files.readString(PUBLIC_SHEET) + "Mediana,,,26000,625,24,7,18,,,,,\n");
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":107: a row of medians, not a video: its " + ALL_COUNTS + " are the medians of the "
                + "105 videos above it"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void monthlySubtotalsAndAGrandTotalAreRejected() throws Exception {
        // The public sheet grouped by month as a hand-kept sheet is: a subtotal row after each month's videos
        // (lines 24, 59, 83, 110), then the grand total of the videos (line 111).
        List<String> lines = Files.readAllLines(PUBLIC_SHEET);
        String[] subtotals = {"Total setembro,,,3161517,138129,654,1465,12463,,,,,",
                "Total outubro,,,1624000,44605,1094,596,2019,,,,,", "Total novembro,,,1518000,36641,924,663,1705,,,,,",
                "Total dezembro,,,2575657,141653,902,2299,14557,,,,,"};
        StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
        int month = 0;
        for (int i = 1; i < lines.size(); i++) {
            text.append(lines.get(i)).append('\n');
            if (i + 1 == lines.size() || !lines.get(i + 1).substring(3, 8).equals(lines.get(i).substring(3, 8))) {
                text.append(subtotals[month++]).append('\n');
            }
        }
        text.append("Total geral,,,8879174,361028,3574,5023,30744,,,,,\n");
        Path p = csv("monthly.csv", text.toString());
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":24: a subtotal row, not a video: its " + ALL_COUNTS + " are the sums of the 22 videos "
                + "above it", p + ":59: a subtotal row, not a video: its " + ALL_COUNTS + " are the sums of the 34 videos "
                + "since the subtotal row 24", p + ":83: a subtotal row, not a video: its " + ALL_COUNTS + " are the sums "
                + "of the 23 videos since the subtotal row 59", p + ":110: a subtotal row, not a video: its " + ALL_COUNTS
                + " are the sums of the 26 videos since the subtotal row 83", p + ":111: a totals row, not a video: its "
                + ALL_COUNTS + " are the sums of the 105 videos above it (the 4 subtotal rows above not counted)"),
                LoaderFormatsTest.rejections(d));
        assertEquals(110, d.load().rowsRead());
    }

    @Test
    void aGrandTotalLabelledWithItsYearUnderMonthlySubtotals() throws Exception {
        // January 100 + 300 views, 10 + 20 likes, 1 + 3 saves; February 50 + 250, 5 + 15, 0 + 6; the year 700, 50, 10.
        Path p = csv("year.csv", "Post day,title,views,likes,saves\n02/01/24,a,100,10,1\n15/01/24,b,300,20,3\n"
                + "January 2024 total,,400,30,4\n03/02/24,c,50,5,0\n20/02/24,d,250,15,6\nFebruary 2024 total,,300,20,6\n"
                + "Total 2024,,700,50,10\n");
        Dataset d = load(p);
        assertEquals(List.of(100L, 300L, 50L, 250L), LoaderFormatsTest.longs(d.videos(), "views"));
        String names = "\"views\", \"likes\" and \"saves\"";
        assertEquals(List.of(p + ":4: a subtotal row, not a video: its " + names + " are the sums of the 2 videos above it",
                p + ":7: a subtotal row, not a video: its " + names + " are the sums of the 2 videos since the subtotal row 4",
                p + ":8: a totals row, not a video: its " + names + " are the sums of the 4 videos above it (the 2 subtotal "
                        + "rows above not counted)"), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aGrandTotalThatAlsoAddsTheSubtotalsIsRejected() throws Exception {
        // A SUM over the whole column takes in the subtotal rows too: 700 + 700 views, 50 + 50 likes, 10 + 10 saves.
        Path p = csv("twice.csv", "Post day,title,views,likes,saves\n02/01/24,a,100,10,1\n15/01/24,b,300,20,3\n"
                + "January 2024 total,,400,30,4\n03/02/24,c,50,5,0\n20/02/24,d,250,15,6\nFebruary 2024 total,,300,20,6\n"
                + "Grand total,,1400,100,20\n");
        Dataset d = load(p);
        assertEquals(List.of(100L, 300L, 50L, 250L), LoaderFormatsTest.longs(d.videos(), "views"));
        String names = "\"views\", \"likes\" and \"saves\"";
        assertEquals(p + ":8: a totals row, not a video: its " + names + " are the sums of the 4 videos above it and of "
                + "the 2 subtotal rows among them", LoaderFormatsTest.rejections(d).get(2));
        // Off by one like: a video, whose counts go into the totals.
        Path off = csv("off.csv", Files.readString(p).replace("Grand total,,1400,100,20", "Grand total,,1400,101,20"));
        assertEquals(5, load(off).videos().rowCount());
    }

    /** A small sheet grouped by month, as rows of the CSV and the workbook alike (sums, means and medians by hand). */
    private static final Object[][] VIDEOS = {{"02/01/25", "Sourdough basics", 1200, 80, 15},
            {"09/01/25", "Knife skills", 3400, 150, 42}, {"20/01/25", "Pasta from scratch", 900, 45, 6},
            {"03/02/25", "Ramen night", 2500, 130, 30}, {"17/02/25", "Dumplings", 1800, 95, 21}};

    /**
     * January: 1,200 + 3,400 + 900 = 5,500 views, 80 + 150 + 45 = 275 likes, 15 + 42 + 6 = 63 saves; February:
     * 4,300, 225, 51; all: 9,800, 500, 114; means 1,960, 100, 22.8; medians 1,800, 95, 21.
     */
    private static List<String> groupedReasons(String file, String at) {
        String names = "\"Total views\", \"Total likes\" and \"Total saves\"";
        return List.of(file + ":" + at + "5: a subtotal row, not a video: its " + names + " are the sums of the 3 videos above it",
                file + ":" + at + "8: a subtotal row, not a video: its " + names + " are the sums of the 2 videos since the "
                        + "subtotal row " + at + "5",
                file + ":" + at + "9: a totals row, not a video: its " + names + " are the sums of the 5 videos above it "
                        + "(the 2 subtotal rows above not counted)",
                file + ":" + at + "10: a row of averages, not a video: its " + names + " are the means of the 5 videos above "
                        + "it (to the rounding shown)",
                file + ":" + at + "11: a row of medians, not a video: its " + names + " are the medians of the 5 videos "
                        + "above it");
    }

    @Test
    void aGroupedSheetReadsTheSameAsCsvAndAsWorkbook() throws Exception {
        Path c = csv("grouped.csv", "Post day,Video title,Total views,Total likes,Total saves\n"
                + "02/01/25,Sourdough basics,1200,80,15\n09/01/25,Knife skills,3400,150,42\n20/01/25,Pasta from scratch,900,45,6\n"
                + "January total,,5500,275,63\n03/02/25,Ramen night,2500,130,30\n17/02/25,Dumplings,1800,95,21\n"
                + "February total,,4300,225,51\nGrand total,,9800,500,114\nAverage,,1960,100,22.8\nMedian,,1800,95,21\n");
        Path x = dir.resolve("grouped.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(x)) {
            XSSFSheet sheet = book.createSheet("Content");
            WorkbookSheetsTest.fill(sheet, new Object[][] {{"Post day", "Video title", "Total views", "Total likes",
                    "Total saves"}, VIDEOS[0], VIDEOS[1], VIDEOS[2]});
            String[][] formulas = {{"January total", "SUM(%1$s2:%1$s4)"}, null, null,
                    {"February total", "SUM(%1$s6:%1$s7)"}, {"Grand total", "SUM(%1$s2:%1$s4,%1$s6:%1$s7)"},
                    {"Average", "AVERAGE(%1$s2:%1$s4,%1$s6:%1$s7)"}, {"Median", "MEDIAN(%1$s2:%1$s4,%1$s6:%1$s7)"}};
            for (int r = 4; r < 11; r++) {
                XSSFRow row = sheet.createRow(r);
                String[] f = formulas[r - 4];
                if (f == null) {
                    Object[] video = VIDEOS[r == 5 ? 3 : 4];
                    row.createCell(0).setCellValue((String) video[0]);
                    row.createCell(1).setCellValue((String) video[1]);
                    for (int col = 2; col < 5; col++) {
                        row.createCell(col).setCellValue(((Number) video[col]).doubleValue());
                    }
                    continue;
                }
                row.createCell(0).setCellValue(f[0]);
                for (int col = 2; col < 5; col++) {
                    row.createCell(col).setCellFormula(String.format(f[1], (char) ('A' + col)));
                }
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
            book.write(out);
        }
        Dataset fromCsv = load(c);
        Dataset fromBook = load(x);
        for (Dataset d : List.of(fromCsv, fromBook)) {
            assertEquals(List.of(1200L, 3400L, 900L, 2500L, 1800L), LoaderFormatsTest.longs(d.videos(), "views"));
            assertEquals(114, sum(d, "saves"));
        }
        assertEquals(groupedReasons(c.toString(), ""), LoaderFormatsTest.rejections(fromCsv));
        assertEquals(groupedReasons(x.toString(), "Content!"), LoaderFormatsTest.rejections(fromBook));
    }

    @Test
    void theCanonicalCsvEndingInAnAverageRowIsReadWithoutIt() throws Exception {
        // Means of the three videos: 3,500 / 3 = 1,166.67 views (shown 1167), 45 / 3 = 15 likes, 2 comments,
        // 2 shares, 9 / 3 = 3 saves.
        Path p = csv("canonical.csv", VideoFastCsv.HEADER + "\n"
                + "7400000000000000001,a,2025-01-01T10:00:00Z,tutorial,30,1000,10,1,1,1\n"
                + "7400000000000000002,b,2025-01-02T10:00:00Z,tutorial,30,2000,30,2,2,3\n"
                + "7400000000000000003,c,2025-01-03T10:00:00Z,tutorial,30,500,5,3,3,5\n"
                + ",Average,2025-01-03T10:00:00Z,tutorial,30,1167,15,2,2,3\n");
        Dataset d = load(p);
        assertEquals(List.of(1000L, 2000L, 500L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of(p + ":5: a row of averages, not a video: its \"views\", \"likes\", \"comments\", \"shares\" "
                + "and \"saves\" are the means of the 3 videos above it (to the rounding shown)"),
                LoaderFormatsTest.rejections(d));
    }

    @Test
    void largestAndSmallestValueRowsUnderTheTotalsAreRejected() throws Exception {
        // The public sheet's column maxima (1,231,269 views, 96,000 likes, 277 comments, 1,678 shares, 10,000 saves)
        // and minima (2,700, 78, 2, 0, 1), computed by Python's csv module, under its total row, as sheets end.
        Path p = csv("extremes.csv", Files.readString(PUBLIC_SHEET) + "Total,,,8879174,361028,3574,5023,30744,,,,,\n"
                + "Máximo,,,1231269,96000,277,1678,10000,,,,,\n" + ",Min,,2700,78,2,0,1,,,,,\n");
        Dataset d = load(p);
        assertPublicTotals(d);
        assertEquals(List.of(p + ":107: a totals row, not a video: its " + ALL_COUNTS + " are the sums of the 105 rows "
                + "above it", p + ":108: a row of largest values, not a video: its " + ALL_COUNTS + " are the largest of "
                + "the 105 videos above it", p + ":109: a row of smallest values, not a video: its " + ALL_COUNTS
                + " are the smallest of the 105 videos above it"), LoaderFormatsTest.rejections(d));
        // A row labelled so whose counts are not the extremes (one view off) is a video, as is one with a single count.
        for (String last : List.of("Max,,,1231268,96000,277,1678,10000,,,,,\n", "Min,,,2700,,,,,,,,,\n")) {
            Path q = csv("near.csv", Files.readString(PUBLIC_SHEET) + last);
            assertEquals(106, load(q).videos().rowCount(), last);
            assertEquals(List.of(), LoaderFormatsTest.rejections(load(q)), last);
        }
    }

    @Test
    void aDatedVideoTitledMaxOrMinIsAVideoWhateverItsCountsTieWith() throws Exception {
        String head = "Post day,Video title,Total views,Total likes,Total comments,Total shares,Total saves\n";
        // "Max" (the dog) copied again at the end with the best video's counts; "Min" posted today after two other
        // videos without a view yet. Each has its posting day: a row of largest or smallest values has none.
        Path max = csv("max.csv", head + "01/09/24,Max,300,20,4,2,9\n02/09/24,B,100,5,1,0,1\n04/09/24,Max,300,20,4,2,9\n");
        Path min = csv("min.csv", head + "01/09/24,Intro,0,0,0,0,0\n02/09/24,Part 2,0,0,0,0,0\n03/09/24,Min,0,0,0,0,0\n");
        for (Path p : List.of(max, min)) {
            Dataset d = load(p);
            assertEquals(3, d.videos().rowCount(), p.toString());
            assertEquals(List.of(), LoaderFormatsTest.rejections(d), p.toString());
        }
        // The label in the posting-day column, as the public sheet's first column holds it, is still a label.
        Path labelled = csv("labelled.csv", head + "01/09/24,A,100,10,1,2,3\n02/09/24,B,300,5,4,1,9\n"
                + "Max,,300,10,4,2,9\n최소,,100,5,1,1,3\n");
        Dataset d = load(labelled);
        assertEquals(2, d.videos().rowCount());
        assertEquals(400, sum(d, "views"));
    }

    @Test
    void maxAndMinRowsOverAGroupedSheetAreRejectedAlsoWhenTheirFormulaTookInTheSubtotals() throws Exception {
        String head = "Post day,Video title,Total views,Total likes,Total comments,Total shares,Total saves\n"
                + "01/09/24,A,100,10,1,2,3\n02/09/24,B,300,5,4,1,9\nSeptember total,,400,15,5,3,12\n"
                + "03/10/24,C,200,20,2,0,1\nOctober total,,200,20,2,0,1\nGrand total,,600,35,7,3,13\n";
        // =MAX(C2:C7) over the month rows too: the largest views, comments, shares and saves are September's sums.
        Path p = csv("grouped-max.csv", head + "Max,,400,20,5,3,12\nMin,,100,5,1,0,1\n");
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(600, sum(d, "views"));
        assertTrue(LoaderFormatsTest.rejections(d).contains(p + ":8: a row of largest values, not a video: its \"Total "
                + "views\", \"Total likes\", \"Total comments\", \"Total shares\" and \"Total saves\" are the largest of the "
                + "3 videos above it and of the 2 subtotal rows among them"), LoaderFormatsTest.rejections(d).toString());
    }

    @Test
    void rowsThatOnlyLookLikeSummariesAreVideos() throws Exception {
        String head = "Post day,Video title,Video link,Total views,Total likes,Total saves\n"
                + "02/01/25,Sourdough basics,,1200,80,15\n09/01/25,Knife skills,,3400,150,42\n";
        // Means of the two above: 2,300 views, 115 likes, 28.5 saves; sums 4,600, 230, 57.
        List<String> lastRows = List.of(
                // A title that starts with a totals word, holding the sums above, with a video after it.
                "03/01/25,Total beginner guide,,4600,230,57\n04/01/25,Ramen night,,2500,130,30\n",
                // The same title last, with counts that add up to nothing.
                "03/01/25,Total beginner guide,,777,31,4\n",
                // A last video whose counts equal nothing above.
                "03/01/25,Dumplings,,1800,95,21\n",
                // An average word with means off by more than the rounding shown (2,300 shown as 2,301; 28.5 as 30).
                "03/01/25,Average,,2301,115,28\n",
                ",Average,,2300,115,30\n",
                // An average, median or subtotal word on a row that carries a video link.
                ",Mean,https://www.tiktok.com/@lena/video/7400000000000000123,2300,115,29\n",
                ",January total,https://www.tiktok.com/@lena/video/7400000000000000123,4600,230,57\n",
                // A subtotal word whose sums are off in one count.
                ",January total,,4600,230,58\n",
                // Words that are not labels: a title that only contains them.
                ",Average day in Lisbon,,2300,115,29\n", "05/01/25,My January total haul,,4600,230,57\n");
        for (String last : lastRows) {
            Path p = csv("look.csv", head + last);
            Dataset d = load(p);
            assertEquals(2 + last.split("\n").length, d.videos().rowCount(), last);
            assertEquals(List.of(), LoaderFormatsTest.rejections(d), last);
        }
        // Decimals off by more than their last digit (28.5 shown as 28.3) are no average, and no count either.
        Path off = csv("off.csv", head + ",Average,,2300,115,28.3\n");
        assertEquals(List.of(off + ":4:6: column \"Total saves\": expected a whole count, found \"28.3\""),
                LoaderFormatsTest.rejections(load(off)));
        // An id with digits names a video, whatever its title says.
        Path ids = csv("ids.csv", "video_id,title,views,saves\n1,a,10,1\n2,b,20,3\n3,Average,15,2\n4,Subtotal,45,6\n");
        assertEquals(4, load(ids).videos().rowCount());
        // One video above is not enough to tell an average (the mean of one row is that row).
        Path one = csv("one.csv", "title,views,saves\na,100,1\nAverage,100,1\n");
        assertEquals(2, load(one).videos().rowCount());
    }

    @Test
    void summaryLabels() {
        for (String word : List.of("Average", "AVG", "Avg.", "Mean:", "Durchschnitt", "Moyenne", "Promedio", "Média",
                "平均", "Ø", "Average (105 videos)")) {
            assertEquals(true, VideoFrameBuilder.averageLabel(word), word);
        }
        for (String word : List.of("Median", "Mediana", "Médiane")) {
            assertEquals(true, VideoFrameBuilder.medianLabel(word), word);
        }
        for (String word : List.of("Max", "MAX:", "Maximum", "Máx.", "Min", "Minimum", "Mínimo", "最小", "최대", "최소")) {
            assertEquals(true, VideoFrameBuilder.summaryLabel(word), word);
        }
        for (String word : List.of("Subtotal", "Sub-total:", "January total", "Total January", "Total January 2025",
                "Jan 2025 total", "Total for week 3", "Total setembro", "Subtotal - Q1", "2024 totals", "Zwischensumme",
                "Total 09/24")) {
            assertEquals(true, VideoFrameBuilder.subtotalLabel(word), word);
        }
        for (String word : List.of("Total beginner guide", "Average day in Lisbon", "My January total", "January",
                "Totally January", "Mean girls", "Total views", "", "Median strip")) {
            assertEquals(false, VideoFrameBuilder.summaryLabel(word), word);
        }
    }
}
