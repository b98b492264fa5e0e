package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import savescope.model.SourceReport;

/** The byte-level daily reader gives exactly the general reader's table, and gives up on anything unusual. */
class DailyFastCsvTest {
    @TempDir
    Path dir;

    private static final String PLAIN = """
            video_id,date,views,likes,comments,shares,saves
            a1,2026-03-01,100,10,1,0,5
            a1,2026-03-02,50,4,0,1,2
            a1,2026-03-03,0,0,0,0,0
            b2,2026-02-28,7,1,0,0,1
            b2,2026-03-01,9,0,0,0,3
            a1,2026-03-04,12,1,0,0,1
            """;

    private static LoadState state() {
        return new LoadState(Loader.Options.defaults(), null);
    }

    /** The fast reader's state, or null when it gave up (then it must have left the state untouched). */
    private static LoadState fast(byte[] bytes) throws Exception {
        LoadState s = state();
        boolean read = DailyFastCsv.read(new ByteArrayInputStream(bytes), "d.csv", bytes.length, s);
        if (!read) {
            assertEquals(0, s.daily.rowCount(), "a reader that gives up adds no rows");
            assertTrue(s.sources.isEmpty(), "a reader that gives up reports no source");
            return null;
        }
        return s;
    }

    /** The general reader: {@link CsvRows} records through {@link DailyCsv}. */
    private static LoadState general(byte[] bytes) throws Exception {
        LoadState s = state();
        try (CsvRows rows = new CsvRows("d.csv", new ByteArrayInputStream(bytes))) {
            s.sources.add(DailyCsv.read(rows, s.daily));
        }
        return s;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every cell, column type and name, and the source report, compared. */
    private static void assertSameTables(LoadState expected, LoadState actual) {
        assertSameTable(expected.daily, actual.daily);
        assertEquals(expected.sources, actual.sources);
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(e.isMissing(r), a.isMissing(r), e.name() + " row " + r);
                assertEquals(e.get(r), a.get(r), e.name() + " row " + r);
            }
        }
    }

    @Test
    void plainFileGivesTheGeneralReadersTable() throws Exception {
        LoadState f = fast(utf8(PLAIN));
        assertTrue(f != null, "a plain daily file takes the fast path");
        assertSameTables(general(utf8(PLAIN)), f);
        // Spot checks by hand: 6 rows, the fourth is b2 on 2026-02-28 with 7 views and 1 save.
        assertEquals(6, f.daily.rowCount());
        assertEquals("b2", f.daily.stringColumn(Canonical.VIDEO_ID).get(3));
        assertEquals(LocalDate.of(2026, 2, 28), f.daily.dateColumn(Canonical.DATE).get(3));
        assertEquals(7L, f.daily.longColumn(Canonical.VIEWS).get(3));
        assertEquals(1L, f.daily.longColumn(Canonical.SAVES).get(3));
        assertEquals(6, f.sources.get(0).rowsUsed());
    }

    @Test
    void everyMixOfLineEndsTakesTheFastPathAndGivesTheGeneralReadersTable() throws Exception {
        List<String> lines = PLAIN.lines().toList();
        List<List<String>> mixes = List.of(List.of("\r\n", "\n"), List.of("\n", "\r\n"), List.of("\r"),
                List.of("\r", "\r\n", "\n"));
        for (List<String> ends : mixes) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                text.append(lines.get(i)).append(i == lines.size() - 1 ? "" : ends.get(i % ends.size()));
            }
            String what = ends.toString().replace("\r", "CR").replace("\n", "LF");
            LoadState f = fast(utf8(text.toString()));
            assertTrue(f != null, what + " takes the fast path");
            assertEquals(6, f.daily.rowCount(), what);
            assertSameTables(general(utf8(PLAIN)), f);
        }
        // A CR that ends the first buffer exactly, its LF in the next: one line end, not an empty line.
        StringBuilder big = new StringBuilder("video_id,date,views,likes,comments,shares,saves\r\n");
        int row = 0;
        while (big.length() < (1 << 16) - 100) {
            big.append("v").append(row++).append(",2026-03-01,1,1,1,1,1\r\n");
        }
        big.append("x".repeat((1 << 16) - 1 - big.length() - ",2026-03-01,1,1,1,1,1".length()))
                .append(",2026-03-01,1,1,1,1,1\r\nlast,2026-03-01,1,1,1,1,1\r\n");
        assertEquals('\r', big.charAt((1 << 16) - 1));
        LoadState f = fast(utf8(big.toString()));
        assertTrue(f != null, "a CRLF split across buffers takes the fast path");
        assertEquals(row + 2, f.daily.rowCount());
    }

    @Test
    void aRunawayLineIsLeftToTheGeneralReaderWithoutBeingHeld() throws Exception {
        byte[] head = utf8("video_id,date,views,likes,comments,shares,saves\na1,2026-03-01,1,1,1,1,1\n");
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + (8 << 20));
        assertEquals(null, fast(bytes), "8 MB of zero bytes with no line end");
    }

    @Test
    void columnsInAnotherOrderBomCrlfAndNoFinalNewline() throws Exception {
        String text = "\uFEFFdate,saves,video_id,views,likes,comments,shares\r\n"
                + "2026-03-01,5,a1,100,10,1,0\r\n"
                + "2026-03-02,2,a1,50,4,0,1\r\n"
                + "2024-02-29,3,b2,9,0,0,0";
        LoadState f = fast(utf8(text));
        assertTrue(f != null);
        assertSameTables(general(utf8(text)), f);
        assertEquals(LocalDate.of(2024, 2, 29), f.daily.dateColumn(Canonical.DATE).get(2));
        assertEquals(3L, f.daily.longColumn(Canonical.SAVES).get(2));
        assertEquals("b2", f.daily.stringColumn(Canonical.VIDEO_ID).get(2));
    }

    @Test
    void leapDaysAndMonthEndsAreRead() throws Exception {
        String text = "video_id,date,views,likes,comments,shares,saves\n"
                + "a1,2000-02-29,1,0,0,0,1\na1,2024-02-29,2,0,0,0,0\na1,2024-12-31,3,0,0,0,0\na1,2025-01-31,4,0,0,0,0\n";
        LoadState f = fast(utf8(text));
        assertTrue(f != null);
        assertSameTables(general(utf8(text)), f);
        assertEquals(LocalDate.of(2000, 2, 29), f.daily.dateColumn(Canonical.DATE).get(0));
        assertEquals(LocalDate.of(2024, 2, 29), f.daily.dateColumn(Canonical.DATE).get(1));
        assertEquals(LocalDate.of(2025, 1, 31), f.daily.dateColumn(Canonical.DATE).get(3));
    }

    @Test
    void oddDatesAndIdsAtEveryColumnGiveTheGeneralReadersTableOrAreLeftToIt() throws Exception {
        // Dates at the edges of the calendar (years 0 and 9999, century leap rules, months and days 0 and past
        // the end) and ids of digits mixed with other bytes, each with the id and the date at every position:
        // the fast reader must read each as the general reader does, or give up.
        List<String> dates = List.of("0000-02-29", "0000-01-01", "1900-02-29", "1900-02-28", "2000-02-29",
                "2100-02-29", "2024-02-30", "2024-02-29", "2026-00-10", "2026-13-01", "2026-01-00", "2026-01-32",
                "2026-12-31", "9999-12-31", "0999-06-30", "0001-01-01", "0099-02-29", "0400-02-29", "2026-99-99");
        List<String> ids = List.of("7300\t1", "12 3", "12;3", "12\"3", "12\\3", "12\u007f3", "12\u00e93", "12\u20ac",
                "1".repeat(200), "0", "007", "12a3", "a123", "123a", "12-3", "12.3", "12/3", "12:3", "12\u00003");
        String[] names = {"video_id", "date", "views", "likes", "comments", "shares", "saves"};
        int taken = 0;
        for (int idAt = 0; idAt < names.length; idAt++) {
            for (int dateAt = 0; dateAt < names.length; dateAt++) {
                if (dateAt == idAt) {
                    continue;
                }
                // Each odd date with a plain id, and each odd id with a plain date: one oddity a row.
                for (int k = 0; k < dates.size() + ids.size(); k++) {
                    String[] header = new String[names.length];
                    String[] row = new String[names.length];
                    String[] next = new String[names.length];
                    header[idAt] = names[0];
                    header[dateAt] = names[1];
                    row[idAt] = k < dates.size() ? "7300123" : ids.get(k - dates.size());
                    row[dateAt] = k < dates.size() ? dates.get(k) : "2026-02-27";
                    next[idAt] = "99";
                    next[dateAt] = "2026-03-01";
                    int count = 2;
                    for (int c = 0; c < names.length; c++) {
                        if (header[c] == null) {
                            header[c] = names[count];
                            row[c] = String.valueOf(count * 3);
                            next[c] = String.valueOf(count++);
                        }
                    }
                    // A plain row first and after, so that the odd one is met mid-file with a date known before.
                    String text = String.join(",", header) + "\n" + String.join(",", next) + "\n"
                            + String.join(",", row) + "\n" + String.join(",", next).replace("2026-03-01", "2026-03-02")
                            + "\n";
                    LoadState f = fast(utf8(text));
                    if (f != null) {
                        taken++;
                        assertSameTables(general(utf8(text)), f);
                    }
                }
            }
        }
        assertTrue(taken > 0, "some of the odd rows are plain enough for the fast path");
    }

    @Test
    void theIdOrTheDateLastEndsEachRowAtItsLineEnd() throws Exception {
        // A row's last field stops at LF, CR or CRLF (or the file's end); any of the three may follow an id or a date.
        for (String header : List.of("date,saves,views,likes,comments,shares,video_id",
                "video_id,saves,views,likes,comments,shares,date")) {
            boolean idLast = header.endsWith("video_id");
            String a = idLast ? "2026-03-01,5,100,10,1,0,a1" : "a1,5,100,10,1,0,2026-03-01";
            String b = idLast ? "2026-03-02,2,50,4,0,1,a1" : "a1,2,50,4,0,1,2026-03-02";
            String c = idLast ? "2024-02-29,3,9,0,0,0,b2" : "b2,3,9,0,0,0,2024-02-29";
            String text = header + "\n" + a + "\r" + b + "\r\n" + c;
            LoadState f = fast(utf8(text));
            assertTrue(f != null, header);
            assertSameTables(general(utf8(text)), f);
            assertEquals(3, f.daily.rowCount());
            assertEquals("b2", f.daily.stringColumn(Canonical.VIDEO_ID).get(2));
            assertEquals(LocalDate.of(2026, 3, 2), f.daily.dateColumn(Canonical.DATE).get(1));
            assertEquals(2L, f.daily.longColumn(Canonical.SAVES).get(1));
        }
    }

    @Test
    void unusualFilesAreLeftToTheGeneralReader() throws Exception {
        String header = "video_id,date,views,likes,comments,shares,saves\n";
        List<String> unusual = List.of(
                header + "\"a1\",2026-03-01,1,1,1,1,1\n",          // a quoted field
                header + "a1,2026-03-01,x,1,1,1,1\n",              // a count that is not digits
                header + "a1,2026-03-01,,1,1,1,1\n",               // an empty count
                header + "a1,2026-03-01,1 000,1,1,1,1\n",          // a count with a space
                header + "a1,01/03/2026,1,1,1,1,1\n",              // a date in another form
                header + "a1,2026-02-30,1,1,1,1,1\n",              // no such day
                header + "a1,2023-02-29,1,1,1,1,1\n",              // no leap day in a common year
                header + "a1,2100-02-29,1,1,1,1,1\n",              // nor in a century not divisible by 400
                header + "a1,2026-04-31,1,1,1,1,1\n",              // a 30-day month
                header + "a1,ab26-cd-05,1,1,1,1,1\n",              // letters where digits belong
                header + "a1,2026-03-0x,1,1,1,1,1\n",
                header + "a1,2026-03-01,1,1,1,1\n",                // a field too few
                header + "a1,2026-03-01,1,1,1,1,1,9\n",            // a field too many
                header + "a1,2026-03-01,3000000000,1,1,1,1\n",     // above an int
                header + "a1,2026-03-01,1,1,1,1,1\n\nb2,2026-03-01,1,1,1,1,1\n", // an empty line
                header + "a1,2026-03-01,1,1\n1,1,1\n",             // a row broken after its likes
                header + "a1,2026-03\n-01,1,1,1,1,1\n",            // and inside its date
                header + "a1\r2026-03-01,1,1,1,1,1\n",             // a CR after its id
                header + "a1,2026-03-01\n",                        // a row cut after its date
                header + "é1,2026-03-01,1,1,1,1,1\n",              // a non-ASCII id
                "Video_ID,date,views,likes,comments,shares,saves\na1,2026-03-01,1,1,1,1,1\n", // header not plain
                "video_id,date,views,saves\na1,2026-03-01,1,1\n",  // not all seven columns
                header,                                            // no data rows
                header.strip(),                                    // a header alone, without a line end
                "x".repeat(200_000));                              // no line end in the first buffer
        for (String text : unusual) {
            assertEquals(null, fast(utf8(text)), text);
        }
    }

    @Test
    void aLoadThatFallsBackRejectsAsTheGeneralReaderDoes() throws Exception {
        String videos = "video_id,title,post_time,views,likes,comments,shares,saves\n"
                + "a1,A,2026-03-01T10:00:00Z,1000,10,1,1,9\n";
        // Line 3 has a count "lots": the general reader rejects that row, naming line 3, field 3.
        String daily = "video_id,date,views,likes,comments,shares,saves\n"
                + "a1,2026-03-01,100,10,1,0,5\n"
                + "a1,2026-03-02,lots,4,0,1,2\n"
                + "\"a1\",2026-03-03,7,0,0,0,1\n";
        Path v = dir.resolve("videos.csv");
        Path d = dir.resolve("daily.csv");
        Files.writeString(v, videos);
        Files.writeString(d, daily);
        Dataset data = Loader.load(List.of(v, d), Loader.Options.defaults());
        LoadState expected = general(utf8(daily));
        assertSameTable(expected.daily, data.daily());
        SourceReport report = data.load().sources().stream().filter(s -> s.kind().equals(SourceReport.DAILY))
                .findFirst().orElseThrow();
        SourceReport generalReport = expected.sources.get(0);
        assertEquals(3, report.rowsRead());
        assertEquals(2, report.rowsUsed());
        assertEquals(1, report.rejections().size());
        // Same message as today's reader, with the real file name in place of the test's.
        assertEquals(generalReport.rejections().get(0).toString().replace("d.csv", d.toString()),
                report.rejections().get(0).toString());
        assertTrue(report.rejections().get(0).toString().contains(":3:3"), report.rejections().get(0).toString());
        assertTrue(report.rejections().get(0).toString().contains("lots"), report.rejections().get(0).toString());
    }

    @Test
    void aSecondDailyFileIsAppendedAsTheGeneralReaderAppendsIt() throws Exception {
        String second = """
                video_id,date,views,likes,comments,shares,saves
                c3,2026-03-05,4,0,0,0,2
                a1,2026-03-05,6,0,0,0,0
                """;
        LoadState f = fast(utf8(PLAIN));
        assertTrue(DailyFastCsv.read(new ByteArrayInputStream(utf8(second)), "d.csv", second.length(), f));
        LoadState g = general(utf8(PLAIN));
        try (CsvRows rows = new CsvRows("d.csv", new ByteArrayInputStream(utf8(second)))) {
            g.sources.add(DailyCsv.read(rows, g.daily));
        }
        assertSameTables(g, f);
        assertEquals(8, f.daily.rowCount());
        assertEquals("c3", f.daily.stringColumn(Canonical.VIDEO_ID).get(6));
    }

    @Test
    void aCountColumnAroundItsArrayActsAsOneAppendedValueByValue() {
        long[] values = {5, 0, 1_234_567_890_123L, 7, -1, 99}; // the last two are spare capacity, not rows
        tech.tablesaw.api.LongColumn wrapped = DailyFastCsv.countColumn("saves", values, 4);
        tech.tablesaw.api.LongColumn appended = tech.tablesaw.api.LongColumn.create("saves");
        for (long v : new long[] {5, 0, 1_234_567_890_123L, 7}) {
            appended.append(v);
        }
        assertEquals(appended.asList(), wrapped.asList());
        assertEquals(4, wrapped.size());
        assertEquals(1_234_567_890_135L, (long) wrapped.sum());
        wrapped.append(8L);
        appended.append(8L);
        wrapped.append(appended.first(2));
        appended.append(appended.first(2));
        assertEquals(appended.asList(), wrapped.asList());
        assertEquals(appended.copy().asList(), wrapped.copy().asList());
        assertEquals(tech.tablesaw.api.ColumnType.LONG, wrapped.type());
    }

    /** A daily series of {@code videos} videos over 40 days each, ids recurring in both halves of the file. */
    private static String series(int videos, String lineEnd) {
        StringBuilder text = new StringBuilder("video_id,date,views,likes,comments,shares,saves").append(lineEnd);
        LocalDate start = LocalDate.of(2026, 1, 25);
        for (int v = 0; v < videos; v++) {
            String id = "7" + (v * 7919 % 100_003);
            for (int d = 0; d < 40; d++) {
                text.append(id).append(',').append(start.plusDays(d)).append(',').append((v + 3) * d % 997).append(',')
                        .append(d % 7).append(',').append(v % 3).append(",0,").append(d * v % 11).append(lineEnd);
            }
        }
        // The first video again at the end (a second export appended): its ids are known from the first half,
        // and its first day repeats an earlier row, which the later row replaces.
        text.append("7").append(0).append(",2026-01-25,5,0,0,0,1").append(lineEnd);
        text.append("7").append(0).append(",2026-03-20,6,0,0,0,2").append(lineEnd);
        return text.toString();
    }

    /** The file read in two halves (any size splits), or null when that reader gave up. */
    private LoadState split(String text, List<Long> progress) throws Exception {
        Path f = dir.resolve("daily.csv");
        Files.writeString(f, text);
        LoadState s = state();
        boolean read = DailyFastCsv.read(f, "d.csv", s, (bytes, total) -> progress.add(bytes), 1);
        if (!read) {
            assertEquals(0, s.daily.rowCount(), "a reader that gives up adds no rows");
            assertTrue(s.sources.isEmpty(), "a reader that gives up reports no source");
            return null;
        }
        return s;
    }

    @Test
    void aFileReadInTwoHalvesGivesTheOnePassTable() throws Exception {
        for (String lineEnd : List.of("\n", "\r\n")) {
            String text = series(300, lineEnd);
            List<Long> progress = new ArrayList<>();
            LoadState halves = split(text, progress);
            assertTrue(halves != null, "a plain file takes the fast path in two halves");
            assertSameTables(fast(utf8(text)), halves);
            assertSameTables(general(utf8(text)), halves);
            // 300 videos x 40 days + 2 rows, one of which replaces an earlier row: 12,001 kept.
            assertEquals(12_001, halves.daily.rowCount());
            assertEquals(1, halves.sources.get(0).rejections().size(), "the replaced row, counted");
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
            }
            assertEquals(utf8(text).length, progress.get(progress.size() - 1), "every byte counted once");
        }
    }

    @Test
    void aFileReplacedWhileItIsReadGivesTheHalvesOfOneFile() throws Exception {
        // An exporter that rewrites the series in place (a new file moved over the old one) while a report
        // reads it: both halves must come from the file as it was opened, never half of each.
        String before = series(300, "\n");
        String after = series(300, "\n").replace(",2026-01-2", ",2025-01-2");
        assertEquals(before.length(), after.length(), "the same layout, so a mix would still parse");
        Path f = dir.resolve("daily.csv");
        Path replacement = dir.resolve("daily.new");
        Files.writeString(f, before);
        Files.writeString(replacement, after);
        LoadState s = state();
        boolean[] moved = {false};
        boolean read = DailyFastCsv.read(f, "d.csv", s, (bytes, total) -> {
            if (!moved[0]) {
                moved[0] = true; // first heard after the first bytes are read, before the header is known
                try {
                    Files.move(replacement, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, 1);
        assertTrue(moved[0] && read);
        assertSameTables(fast(utf8(before)), s);
    }

    @Test
    void aSecondHalfThatIsNotPlainLeavesTheFileToTheGeneralReader() throws Exception {
        String text = series(200, "\n");
        int last = text.lastIndexOf("70,2026-03-20");
        assertTrue(split(text.substring(0, last) + "\"70\",2026-03-20,6,0,0,0,2\n", new ArrayList<>()) == null);
        assertTrue(split("video_id;date;views\n" + text, new ArrayList<>()) == null, "a header not plain");
    }

    @Test
    void manyRowsAcrossBufferRefills() throws Exception {
        // Well past the 64 KiB read buffer and the first size estimate, so rows straddle refills and arrays grow.
        StringBuilder text = new StringBuilder("video_id,date,views,likes,comments,shares,saves\n");
        LocalDate start = LocalDate.of(2025, 12, 20);
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < 400; v++) {
            ids.add("video" + (v * 7919 % 100_003));
        }
        for (String id : ids) {
            for (int d = 0; d < 30; d++) {
                text.append(id).append(',').append(start.plusDays(d)).append(',').append(d * 37 % 1000).append(",1,")
                        .append(d % 3).append(",0,").append(d % 5).append('\n');
            }
        }
        byte[] bytes = utf8(text.toString());
        LoadState s = state();
        // A size hint far too small makes the arrays grow while reading.
        assertTrue(DailyFastCsv.read(new ByteArrayInputStream(bytes), "d.csv", 1000, s));
        assertSameTables(general(bytes), s);
        assertEquals(12_000, s.daily.rowCount());
        assertFalse(s.daily.longColumn(Canonical.SAVES).isMissing(11_999));
    }

    @Test
    void seventyThousandVideosThenAnotherFileReadTheGeneralWay() throws Exception {
        // More distinct ids than a short-keyed dictionary holds: the id column's dictionary is built directly,
        // and must then take further rows (a known id and a new one) as one built by appending would.
        StringBuilder text = new StringBuilder("video_id,date,views,likes,comments,shares,saves\n");
        for (int v = 0; v < 70_000; v++) {
            text.append("v").append(v).append(",2026-03-0").append(1 + v % 9).append(',').append(v % 1000)
                    .append(",0,0,0,").append(v % 7).append('\n');
        }
        byte[] wide = utf8(text.toString());
        byte[] more = utf8("video_id,date,views,likes,comments,shares,saves\nv69999,2026-03-09,1,0,0,0,1\n"
                + "new,2026-03-09,2,0,0,0,2\nv5,2026-03-09,3,0,0,0,3\n");
        LoadState f = fast(wide);
        assertTrue(f != null);
        LoadState g = general(wide);
        assertSameTables(g, f);
        for (LoadState s : List.of(f, g)) {
            try (CsvRows rows = new CsvRows("d.csv", new ByteArrayInputStream(more))) {
                s.sources.add(DailyCsv.read(rows, s.daily));
            }
        }
        assertSameTables(g, f);
        var ids = f.daily.stringColumn(Canonical.VIDEO_ID);
        assertEquals(70_003, ids.size());
        assertEquals(70_001, ids.countUnique(), "70,000 ids and one new");
        assertEquals(2, ids.isEqualTo("v5").size(), "v5's first row and the appended one");
        assertEquals(List.of(5, 70_002), List.of(ids.isEqualTo("v5").get(0), ids.isEqualTo("v5").get(1)));
        assertEquals("new", ids.get(70_001));
    }

    @Test
    void progressGoesOnlyForwardWhenABigFileIsReadAgain() throws Exception {
        Path v = dir.resolve("videos.csv");
        Files.writeString(v, "video_id,title,post_time,views,likes,comments,shares,saves\n"
                + "a1,A,2026-03-01T10:00:00Z,1000,10,1,1,9\n");
        // About 300 KB of plain rows, then one the fast reader gives up on: the file is read twice.
        StringBuilder text = new StringBuilder("video_id,date,views,likes,comments,shares,saves\n");
        for (int i = 0; i < 10_000; i++) {
            // One row per video: a repeated (video, day) would replace the row before instead of adding one.
            text.append("a").append(i).append(",2026-03-01,").append(i).append(",1,1,1,1\n");
        }
        text.append("a1,2026-03-02,\"5\",1,1,1,1\n");
        Path d = dir.resolve("daily.csv");
        Files.writeString(d, text);
        long total = Files.size(v) + Files.size(d);
        List<long[]> calls = new ArrayList<>();
        Dataset data = Loader.load(List.of(v, d), Loader.Options.defaults()
                .withProgress((read, all) -> calls.add(new long[] {read, all})));
        // Only a1 is among the videos: the other daily rows are read, then rejected as days of unknown videos.
        assertEquals(10_001, data.load().sources().get(1).rowsRead(), "the quoted count is read by the general reader");
        assertEquals(2, data.daily().rowCount());
        assertTrue(calls.size() > 3, "several calls while the big file is read");
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(total, calls.get(i)[1]);
            assertTrue(i == 0 || calls.get(i)[0] >= calls.get(i - 1)[0], "never goes back, call " + i);
        }
        assertEquals(total, calls.get(calls.size() - 1)[0]);
    }
}
