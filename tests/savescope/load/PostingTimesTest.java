package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;
import savescope.model.FieldGap;
import savescope.model.SourceReport;

/**
 * Posting times: numeric dates whose day/month order is settled per column (by a part above 12, else by the
 * export's convention), times of day joined to the row's date, and what is no posting time left missing.
 */
class PostingTimesTest {
    /** A builder fed one posting-time cell (and optionally a date cell) per row, each row with 1 view. */
    private static VideoFrameBuilder build(PostingTimes.Convention convention, String postedHeader, String[]... cells) {
        String[] headers = new String[VideoFrameBuilder.RAW_WIDTH];
        headers[VideoFrameBuilder.POSTED] = postedHeader;
        headers[VideoFrameBuilder.POSTED_DAY] = "Date";
        VideoFrameBuilder b = new VideoFrameBuilder("v.csv", "").headers(headers).dateConvention(convention);
        int line = 2;
        for (String[] c : cells) {
            String[] raw = new String[VideoFrameBuilder.RAW_WIDTH];
            raw[VideoFrameBuilder.ID] = "v" + line;
            raw[VideoFrameBuilder.VIEWS] = "1";
            raw[VideoFrameBuilder.POSTED] = c[0];
            raw[VideoFrameBuilder.POSTED_DAY] = c.length > 1 ? c[1] : null;
            int l = line++;
            b.add(raw, String.valueOf(l), f -> l + ":" + (f + 1), "v.csv#" + l);
        }
        b.finish();
        return b;
    }

    private static String[] row(String... cells) {
        return cells;
    }

    /** The posted_at column as a list, null where missing. */
    private static List<Instant> posted(Table t) {
        InstantColumn c = t.instantColumn("posted_at");
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.isMissing(i) ? null : c.get(i));
        }
        return out;
    }

    @Test
    void aPartAbove12SettlesTheOrderOfTheWholeColumnWhateverTheConvention() {
        // 13/01/25 can only be 13 January, so 05/02/25 (read later, after it) and 07/03/25 (read before) are day first.
        VideoFrameBuilder b = build(PostingTimes.Convention.META, "Posted", row("07/03/25 08:00"), row("13/01/25"),
                row("05/02/25 23:59:59"));
        assertEquals(Arrays.asList(Instant.parse("2025-03-07T08:00:00Z"), Instant.parse("2025-01-13T00:00:00Z"),
                Instant.parse("2025-02-05T23:59:59Z")), posted(b.table()));
        assertEquals(List.of("\"Posted\": dates read day first (dd/MM), as 13/01/25 shows"), b.assumptions());
        assertEquals(List.of(), b.postingTimeWarnings());
        assertEquals(List.of(), b.fieldGaps());
    }

    @Test
    void anUnsettledColumnTakesTheConventionAndSaysWhy() {
        VideoFrameBuilder other = build(PostingTimes.Convention.OTHER, "Posted", row("01/02/2025"), row("03.04.2025"));
        // Day first: 1 February and 3 April.
        assertEquals(List.of(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-04-03T00:00:00Z")),
                posted(other.table()));
        assertEquals(List.of("\"Posted\": its dates all read either way (like 01/02/2025); read day first (dd/MM), "
                + "the order most countries write and this format has no known convention; rewrite the column as "
                + "yyyy-MM-dd if that is wrong"), other.assumptions());
        VideoFrameBuilder meta = build(PostingTimes.Convention.META, "Publish time", row("01/02/2025 6:30 PM"));
        assertEquals(List.of(Instant.parse("2025-01-02T18:30:00Z")), posted(meta.table()), "month first, 6:30 PM");
    }

    @Test
    void aColumnWithBothOrdersIsInconsistentAndItsAmbiguousDatesAreLeftMissing() {
        VideoFrameBuilder b = build(PostingTimes.Convention.META, "Posted", row("13/01/2025"), row("05/06/2025"),
                row("01/14/2025"), row("07/08/2025"));
        // 13/01 and 01/14 have only one reading each; 05/06 and 07/08 could be either.
        assertEquals(Arrays.asList(Instant.parse("2025-01-13T00:00:00Z"), null, Instant.parse("2025-01-14T00:00:00Z"),
                null), posted(b.table()));
        assertEquals(List.of("column \"Posted\" has dates that can only be day first (13/01/2025) and others that can "
                + "only be month first (01/14/2025), so its order is inconsistent; the 2 that read either way (like "
                + "05/06/2025) were left missing."), b.postingTimeWarnings());
        FieldGap gap = b.fieldGaps().get(0);
        assertEquals(2, gap.rows());
        assertEquals(List.of("3:3", "5:3"), gap.firstPlaces());
        assertEquals(List.of(), b.assumptions());
        assertEquals(4, b.rowsUsed(), "the rows are kept");
    }

    @Test
    void whatIsNoPostingTimeIsLeftMissingCountedAndWarnedAbout() {
        VideoFrameBuilder b = build(PostingTimes.Convention.OTHER, "Posted", row("1899-12-31T06:30"),
                row("06:30", "Lifetime"), row("yesterday"), row("1000000000"), row("31/02/2025"), row(""),
                row("2025-01-07 06:30:00"));
        assertEquals(Arrays.asList(null, null, null, null, null, null, Instant.parse("2025-01-07T06:30:00Z")),
                posted(b.table()));
        // "1899-12-31T06:30" and epoch second 1000000000 (2001) fall before 2010; "06:30" has no day; "yesterday"
        // and 31 February are no dates; the blank cell is simply missing and not counted.
        FieldGap gap = b.fieldGaps().get(0);
        assertEquals(5, gap.rows());
        assertEquals(List.of("2:3", "3:3", "4:3", "5:3", "6:3"), gap.firstPlaces());
        assertEquals(List.of("2 posting times fall before 2010 (the first: \"1899-12-31T06:30\" at 2:3), which no "
                + "TikTok or Reels post does; a spreadsheet shows a time without a day as 31 Dec 1899. They were left "
                + "missing.", "1 posting time is only a time of day with no date for it (the first: \"06:30\" at 3:3, "
                + "beside \"Lifetime\"); it was left missing."), b.postingTimeWarnings());
        assertEquals(7, b.rowsUsed(), "no row is rejected for its posting time");
    }

    @Test
    void aTimeOfDayTakesItsDayFromTheDateColumnInThatColumnsOrder() {
        VideoFrameBuilder b = build(PostingTimes.Convention.META, "Publish time", row("06:30", "2025-01-07"),
                row("18:05:00", "2025-01-13T00:00"), row("9:00", "02/03/2025"), row("21:15", "12/28/2024"));
        // The Date column's 12/28/2024 settles it as month first, so 02/03/2025 is 3 February.
        assertEquals(List.of(Instant.parse("2025-01-07T06:30:00Z"), Instant.parse("2025-01-13T18:05:00Z"),
                Instant.parse("2025-02-03T09:00:00Z"), Instant.parse("2024-12-28T21:15:00Z")), posted(b.table()));
        assertEquals(List.of("\"Publish time\" holds only times of day; the day was taken from \"Date\"",
                "\"Date\": dates read month first (MM/dd), as 12/28/2024 shows"), b.assumptions());
        assertEquals(List.of(), b.fieldGaps());
    }

    @Test
    void metaInstagramExportWithMonthFirstTimesIsRead() {
        Dataset d = LoaderFormatsTest.load("meta-instagram-posts-us-dates.csv");
        Table v = d.videos();
        // 01/13/2025 can only be month first, so the column is: 7 Jan, 13 Jan, 3 Feb 2025, 28 Dec 2024.
        assertEquals(List.of(Instant.parse("2025-01-07T06:30:00Z"), Instant.parse("2025-01-13T18:05:00Z"),
                Instant.parse("2025-02-03T09:00:00Z"), Instant.parse("2024-12-28T21:15:00Z")), posted(v));
        // 5200 + 3100 + 1800 + 9400 views; 140 + 85 + 64 + 402 saves.
        assertEquals(19_500L, (long) v.longColumn("views").sum());
        assertEquals(691L, (long) v.longColumn("saves").sum());
        SourceReport s = d.load().sources().get(0);
        assertEquals(4, s.rowsUsed());
        assertEquals(0, s.rowsRejected());
        assertEquals(List.of("\"Publish time\": dates read month first (MM/dd), as 01/13/2025 18:05 shows"), s.assumptions());
        assertEquals(List.of(), s.fieldGaps());
    }

    @Test
    void metaFacebookExportWhoseDatesAllReadEitherWayFollowsMetasConvention() {
        Dataset d = LoaderFormatsTest.load("meta-facebook-posts.csv");
        assertEquals(List.of(Instant.parse("2025-03-04T12:00:00Z"), Instant.parse("2025-01-07T06:30:00Z"),
                Instant.parse("2025-02-05T19:45:00Z")), posted(d.videos()));
        // 4300 + 2100 + 6600 views; reactions 210 + 88 + 402 as likes; no saves column.
        assertEquals(13_000L, (long) d.videos().longColumn("views").sum());
        assertEquals(700L, (long) d.videos().longColumn("likes").sum());
        assertEquals(3, d.videos().longColumn("saves").countMissing());
        assertEquals(List.of("`" + LoaderFormatsTest.f("meta-facebook-posts.csv") + "`: \"Publish time\": its dates "
                + "all read either way (like 03/04/2025 12:00); read month first (MM/dd), as Meta Business Suite exports "
                + "write them"), d.load().allAssumptions());
    }

    @Test
    void handCopiedStudioSheetReadsDayFirstBecauseOfItsOwnDates() {
        // tests/fixtures/public/handcopied-studio-content.csv, from MatheusDiani/project (public/Content.csv; see
        // SOURCES.md): "Post day" runs 09/09/24 .. 26/12/24, and its fifth row, 13/09/24, can only be day first.
        Dataset d = Loader.load(List.of(Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv")),
                Loader.Options.defaults());
        SourceReport s = d.load().sources().get(0);
        assertEquals(List.of("\"Post day\": dates read day first (dd/MM), as 13/09/24 shows"), s.assumptions());
        List<Instant> p = posted(d.videos());
        assertEquals(Instant.parse("2024-09-09T00:00:00Z"), p.get(0));
        assertEquals(Instant.parse("2024-10-01T00:00:00Z"), p.get(22), "01/10/24, the 23rd row, is 1 October");
        assertEquals(Instant.parse("2024-12-26T00:00:00Z"), p.get(p.size() - 1));
    }

    /**
     * A Meta export opened and saved in Excel: {@code Date} became a date cell and {@code Publish time} a time-only
     * cell ({@code h:mm}); one lifetime row has no date; one row kept its full date-time cell.
     */
    @Test
    void excelEditedMetaExportJoinsItsDateAndTimeCells(@TempDir Path dir) throws Exception {
        // POI logs through Log4j's API; keep it quiet as the loader does.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        Path file = dir.resolve("meta-excel.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("h:mm"));
            CellStyle both = book.createCellStyle();
            both.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yyyy h:mm"));
            Sheet sheet = book.createSheet("Posts");
            String[] header = {"Post ID", "Account username", "Publish time", "Post type", "Date", "Views", "Likes",
                "Saves"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Object[][] rows = {
                {"18050000000000001", 6.5 / 24, LocalDateTime.of(2025, 1, 7, 0, 0), 5200, 310, 140},
                {"18050000000000002", (18 + 5 / 60.0) / 24, LocalDateTime.of(2025, 1, 13, 0, 0), 3100, 190, 85},
                {"18050000000000003", 9.0 / 24, "Lifetime", 1800, 120, 64},
                {"18050000000000004", LocalDateTime.of(2024, 12, 28, 21, 15), LocalDateTime.of(2024, 12, 28, 0, 0),
                    9400, 650, 402},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue("demo.bakes");
                var t = row.createCell(2);
                if (rows[r][1] instanceof Double fraction) {
                    t.setCellValue(fraction);
                    t.setCellStyle(time);
                } else {
                    t.setCellValue((LocalDateTime) rows[r][1]);
                    t.setCellStyle(both);
                }
                row.createCell(3).setCellValue("IG reel");
                var d = row.createCell(4);
                if (rows[r][2] instanceof LocalDateTime day) {
                    d.setCellValue(day);
                    d.setCellStyle(date);
                } else {
                    d.setCellValue((String) rows[r][2]);
                }
                for (int c = 3; c < 6; c++) {
                    row.createCell(c + 2).setCellValue((Integer) rows[r][c]);
                }
            }
            book.write(out);
        }
        Dataset d = Loader.load(List.of(file), Loader.Options.defaults());
        assertEquals(Arrays.asList(Instant.parse("2025-01-07T06:30:00Z"), Instant.parse("2025-01-13T18:05:00Z"), null,
                Instant.parse("2024-12-28T21:15:00Z")), posted(d.videos()), "never 31 Dec 1899");
        // 140 + 85 + 64 + 402: the row without a posting time still counts.
        assertEquals(691L, (long) d.videos().longColumn("saves").sum());
        SourceReport s = d.load().sources().get(0);
        assertEquals(4, s.rowsUsed());
        assertEquals(List.of("\"Publish time\" holds only times of day; the day was taken from \"Date\""), s.assumptions());
        assertEquals(1, s.fieldGaps().get(0).rows());
        assertEquals(List.of("Posts!C4"), s.fieldGaps().get(0).firstPlaces());
        assertTrue(s.warnings().contains("1 posting time is only a time of day with no date for it (the first: "
                + "\"09:00:00\" at Posts!C4, beside \"Lifetime\"); it was left missing."), s.warnings().toString());
    }

    @Test
    void spreadsheetDateCellsBecomeADateATimeOrBoth() {
        assertEquals("06:30:00", XlsxRows.dateText(6.5 / 24, LocalDateTime.of(1899, 12, 31, 6, 30)));
        assertEquals("2025-01-07", XlsxRows.dateText(45664, LocalDateTime.of(2025, 1, 7, 0, 0)));
        assertEquals("2025-01-07T06:30", XlsxRows.dateText(45664 + 6.5 / 24, LocalDateTime.of(2025, 1, 7, 6, 30)));
    }
}
