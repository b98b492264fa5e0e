package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seeded random files, plain and then damaged byte by byte, read by both byte readers and by the general
 * reader: whenever a fast reader takes a file, its rows, values and source report are the general reader's.
 * Reads come in random short pieces too (a pipe's), so rows, CRLF pairs and UTF-8 sequences straddle refills.
 */
class FastCsvFuzzTest {
    @TempDir
    Path dir;

    private static final Instant MODIFIED = Instant.parse("2026-05-01T00:00:00Z");
    private static final long SEED = 20261205L;
    /** Each reader is fuzzed for this long at most; a failure prints the iteration's seed. */
    private static final long BUDGET_NANOS = 3_000_000_000L;

    /** Hands out the bytes in random pieces of 1 to {@code most} bytes, as a pipe or socket may. */
    private static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private final int most;
        private int at;

        Pieces(byte[] bytes, Random random, int most) {
            this.bytes = bytes;
            this.random = random;
            this.most = most;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), 1 + random.nextInt(most));
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }

    private static InputStream stream(byte[] bytes, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new ByteArrayInputStream(bytes);
            case 1 -> new Pieces(bytes, random, 7);
            default -> new Pieces(bytes, random, 70_000);
        };
    }

    private static LoadState state() {
        return new LoadState(Loader.Options.defaults(), null);
    }

    private static LoadState.FileContext context() {
        return new LoadState.FileContext("v.csv", null, Loader.namedTime("v.csv"), MODIFIED);
    }

    // ---- generators -------------------------------------------------------------------------------------

    private static final String[] TITLE_BITS = {"Row", "x", " ", "é", "日本", "😀", "#tag", "#save_me", "a,b",
            "say \"\"hi\"\"", "-", "0", "tutorial", "ü", "\u00a0", "#İSTANBUL", "#ΟΔΟΣ", "\u0085", "\u2028", "\uFEFF",
            "\u007F", "ＡＢ１", "e\u0301", "#TAG"};
    /** Ids that are not ASCII, so that ASCII titles follow fields that were decoded (and the reverse). */
    private static final String[] ODD_IDS = {"é1", "v😀", "İd", "ﬁ9", "日本"};

    private static String title(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        int parts = kind == 1 ? 200 + r.nextInt(3000) : 1 + r.nextInt(12);
        for (int i = 0; i < parts; i++) {
            t.append(TITLE_BITS[r.nextInt(TITLE_BITS.length)]);
        }
        String s = t.toString();
        boolean needsQuotes = s.contains(",") || s.contains("\"");
        if (needsQuotes || r.nextInt(4) == 0) {
            return "\"" + (needsQuotes ? s : s) + "\"";
        }
        return s;
    }

    private static String time(Random r) {
        String date = String.format("20%02d-%02d-%02d", 15 + r.nextInt(12), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String clock = String.format("T%02d:%02d", r.nextInt(24), r.nextInt(60));
        if (r.nextBoolean()) {
            clock += String.format(":%02d", r.nextInt(60));
        }
        String zone = switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "Z";
            case 2 -> "+02:00";
            default -> "-05:30";
        };
        return date + clock + zone;
    }

    private static byte[] videoFile(Random r) {
        StringBuilder text = new StringBuilder();
        if (r.nextInt(8) == 0) {
            text.append('\uFEFF');
        }
        text.append(VideoFastCsv.HEADER).append('\n');
        int rows = r.nextInt(5) == 0 ? r.nextInt(4) : 1 + r.nextInt(r.nextBoolean() ? 40 : 1500);
        String[] types = {"tutorial", "vlog", "", "dance", "Q&A"};
        for (int i = 0; i < rows; i++) {
            String id = r.nextInt(30) == 0 ? "" : r.nextInt(8) == 0 ? ODD_IDS[r.nextInt(ODD_IDS.length)] + r.nextInt(50)
                    : String.valueOf(7_400_000_000_000_000_000L + r.nextInt(2_000));
            text.append(id).append(',').append(title(r)).append(',').append(time(r)).append(',')
                    .append(types[r.nextInt(types.length)]).append(',').append(r.nextInt(600));
            for (int c = 0; c < 5; c++) {
                text.append(',').append(r.nextInt(4) == 0 ? r.nextInt(10) : r.nextInt(2_000_000));
            }
            if (i < rows - 1 || r.nextInt(5) != 0) {
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] ENDS = {"\n", "\r\n", "\r"};

    private static byte[] dailyFile(Random r, int videos, int days) {
        List<String> names = new ArrayList<>(List.of(Canonical.VIDEO_ID, Canonical.DATE, Canonical.VIEWS,
                Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES, Canonical.SAVES));
        if (r.nextBoolean()) {
            Collections.shuffle(names, r);
        }
        // One line end for the file, or any mix.
        boolean mixed = r.nextInt(3) == 0;
        String end = ENDS[r.nextInt(ENDS.length)];
        StringBuilder text = new StringBuilder();
        if (r.nextInt(8) == 0) {
            text.append('\uFEFF');
        }
        text.append(String.join(",", names)).append(mixed ? ENDS[r.nextInt(3)] : end);
        int rows = 0;
        int total = videos * days;
        for (int v = 0; v < videos; v++) {
            String id = r.nextInt(3) == 0 ? "v" + v : String.valueOf(7_400_000_000_000_000_000L + v * 31L);
            int start = r.nextInt(60);
            for (int d = 0; d < days; d++) {
                int day = start + (r.nextInt(20) == 0 ? 0 : d); // now and then a day twice: a repeat
                String date = java.time.LocalDate.of(2026, 1, 1).plusDays(day).toString();
                for (int f = 0; f < names.size(); f++) {
                    if (f > 0) {
                        text.append(',');
                    }
                    String name = names.get(f);
                    text.append(name.equals(Canonical.VIDEO_ID) ? id : name.equals(Canonical.DATE) ? date
                            : String.valueOf(r.nextInt(3) == 0 ? r.nextInt(5) : r.nextInt(100_000)));
                }
                rows++;
                if (rows < total || r.nextInt(4) != 0) {
                    text.append(mixed ? ENDS[r.nextInt(3)] : end);
                }
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- damage ----------------------------------------------------------------------------------------

    private static final byte[][] INSERTS = {{'\n'}, {'\r'}, {'\r', '\n'}, {'\n', '\n'}, {','}, {'"'}, {0}, {' '},
            {'x'}, {'5'}, {'-'}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {'\r', '\r'}, {'\n', '\r'}, {'\t'}, {';'}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xBF},
            {(byte) 0xE9}, {(byte) 0xC2, (byte) 0x85}};

    /** {@code bytes} with a few random insertions, deletions, overwrites or a cut. */
    private static byte[] damage(byte[] bytes, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int edits = r.nextInt(4);
        byte[] b = bytes;
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length + 1);
            // Most damage lands near a line end, where the readers decide where a row stops.
            if (r.nextBoolean()) {
                for (int k = at; k < b.length; k++) {
                    if (b[k] == '\n' || b[k] == '\r') {
                        at = k + r.nextInt(3) - 1;
                        break;
                    }
                }
                at = Math.max(0, Math.min(b.length, at));
            }
            out.reset();
            switch (r.nextInt(4)) {
                case 0 -> {
                    out.write(b, 0, at);
                    out.writeBytes(INSERTS[r.nextInt(INSERTS.length)]);
                    out.write(b, at, b.length - at);
                }
                case 1 -> {
                    out.write(b, 0, at);
                    int skip = Math.min(b.length - at, 1 + r.nextInt(3));
                    out.write(b, at + skip, b.length - at - skip);
                }
                case 2 -> {
                    out.write(b, 0, at);
                    if (at < b.length) {
                        byte[] ins = INSERTS[r.nextInt(INSERTS.length)];
                        out.write(ins[0]);
                        out.write(b, at + 1, b.length - at - 1);
                    }
                }
                default -> out.write(b, 0, at); // a truncated file
            }
            b = out.toByteArray();
        }
        return b;
    }

    // ---- comparisons -----------------------------------------------------------------------------------

    private static void assertSameTable(Table expected, Table actual, String what) {
        assertEquals(expected.columnNames(), actual.columnNames(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), what + " " + e.name());
            for (int row = 0; row < expected.rowCount(); row++) {
                assertEquals(e.isMissing(row), a.isMissing(row), what + " " + e.name() + " row " + row);
                assertEquals(e.get(row), a.get(row), what + " " + e.name() + " row " + row);
            }
        }
    }

    /** The general reader's state, as the loader reads a CSV, with the rows the text itself made unreadable. */
    private static LoadState general(byte[] bytes, String name, boolean[] clean) throws Exception {
        LoadState s = state();
        try (CsvRows rows = new CsvRows(name, new ByteArrayInputStream(bytes))) {
            TableRouter.read(rows, new LoadState.FileContext(name, null, Loader.namedTime(name), MODIFIED), s);
            clean[0] = rows.rejections().isEmpty() && rows.assumptions().isEmpty();
        }
        return s;
    }

    private static String describe(long seed, byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return "seed " + seed + " (" + bytes.length + " bytes): " + text.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    @Test
    void videoFilesTakenByTheFastReaderReadAsTheGeneralReaderReadsThem() throws Exception {
        Random seeds = new Random(SEED);
        long until = System.nanoTime() + BUDGET_NANOS;
        int taken = 0;
        int tried = 0;
        while (System.nanoTime() < until || tried < 50) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            byte[] bytes = videoFile(r);
            if (r.nextInt(3) != 0) {
                bytes = damage(bytes, r);
            }
            tried++;
            LoadState f = state();
            String what = describe(seed, bytes);
            if (!VideoFastCsv.read(stream(bytes, r), context(), f)) {
                assertTrue(f.videos.isEmpty() && f.sources.isEmpty(), "a reader that gives up changes nothing: " + what);
                continue;
            }
            taken++;
            boolean[] clean = {false};
            LoadState g = general(bytes, "v.csv", clean);
            assertTrue(clean[0], "the general reader found the text itself broken: " + what);
            assertEquals(g.sources, f.sources, what);
            assertEquals(1, g.videos.size(), what);
            VideoFrameBuilder e = g.videos.get(0);
            VideoFrameBuilder a = f.videos.get(0);
            assertSameTable(e.table(), a.table(), what);
            assertEquals(e.ids(), a.ids(), what);
            assertEquals(e.rowsRead(), a.rowsRead(), what);
            assertEquals(e.assumptions(), a.assumptions(), what);
        }
        // The damage must leave enough files plain for the comparison to mean something.
        assertTrue(taken * 5 > tried, taken + " of " + tried + " files taken by the fast reader");
    }

    @Test
    void dailyFilesTakenByTheFastReaderReadAsTheGeneralReaderReadsThem() throws Exception {
        Random seeds = new Random(SEED + 1);
        long until = System.nanoTime() + BUDGET_NANOS;
        int taken = 0;
        int tried = 0;
        while (System.nanoTime() < until || tried < 50) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            byte[] bytes = dailyFile(r, 1 + r.nextInt(r.nextBoolean() ? 5 : 80), 1 + r.nextInt(60));
            if (r.nextInt(3) != 0) {
                bytes = damage(bytes, r);
            }
            tried++;
            String what = describe(seed, bytes);
            LoadState f = state();
            boolean read;
            if (r.nextInt(4) == 0) {
                // Two halves side by side (any size splits), the second from the first line start past the middle.
                Path file = dir.resolve("d.csv");
                Files.write(file, bytes);
                read = DailyFastCsv.read(file, "d.csv", f, null, 1);
            } else {
                read = DailyFastCsv.read(stream(bytes, r), "d.csv", bytes.length, f);
            }
            if (!read) {
                assertTrue(f.daily.rowCount() == 0 && f.sources.isEmpty(), "a reader that gives up changes nothing: "
                        + what);
                continue;
            }
            taken++;
            boolean[] clean = {false};
            LoadState g = general(bytes, "d.csv", clean);
            assertTrue(clean[0], "the general reader found the text itself broken: " + what);
            assertSameTable(g.daily, f.daily, what);
            assertEquals(g.sources, f.sources, what);
        }
        assertTrue(taken * 5 > tried, taken + " of " + tried + " files taken by the fast reader");
    }

    /** {@code text} with {@code long} put in at {@code at} (a placeholder in it). */
    private static byte[] with(String text, String placeholder, String inserted) {
        return text.replace(placeholder, inserted).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesPastTheLongestRowEmptyAndHeaderOnlyFilesAreReadAsTheGeneralReaderReadsThem() throws Exception {
        Random r = new Random(SEED + 2);
        String row = "7400000000000000001,T,2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2";
        String day = "a1,2026-03-01,100,10,1,0,5";
        // A row of 1.2 MB (the buffer grows to hold it) and one of 2.5 MB (past what it holds), as the first
        // row, a middle one, and the last with and without a line end; in the title or id, and in the day's id.
        for (int size : new int[] {1_200_000, 2_500_000}) {
            String big = "x".repeat(size);
            for (String shape : List.of("H\nBIG\nR\nR\n", "H\nR\nBIG\nR\n", "H\nR\nR\nBIG\n", "H\nR\nBIG")) {
                String videos = shape.replace("H", VideoFastCsv.HEADER).replace("R", row);
                String days = shape.replace("H", "video_id,date,views,likes,comments,shares,saves").replace("R", day);
                checkVideos(with(videos, "BIG", row.replace(",T,", "," + big + ",")), r, size + " title " + shape);
                checkVideos(with(videos, "BIG", big + row.substring(19)), r, size + " id " + shape);
                checkDaily(with(days, "BIG", big + day.substring(2)), r, size + " daily id " + shape);
                checkDaily(with(days.replace("\n", "\r\n"), "BIG", big + day.substring(2)), r, size + " CRLF " + shape);
            }
        }
        for (String text : List.of("", "\uFEFF", VideoFastCsv.HEADER, VideoFastCsv.HEADER + "\n", "\n" + VideoFastCsv.HEADER
                + "\n" + row + "\n", "\uFEFF" + VideoFastCsv.HEADER + "\n" + row)) {
            checkVideos(text.getBytes(StandardCharsets.UTF_8), r, "small: " + text);
        }
        String dailyHeader = "video_id,date,views,likes,comments,shares,saves";
        for (String text : List.of("", "\uFEFF", dailyHeader, dailyHeader + "\r", dailyHeader + "\r\n",
                "\n" + dailyHeader + "\n" + day, "\r" + dailyHeader + "\r" + day, dailyHeader + "\r\r\n" + day)) {
            checkDaily(text.getBytes(StandardCharsets.UTF_8), r, "small: " + text);
        }
    }

    /** The fast reader gives up, or gives the general reader's frame and report. */
    private void checkVideos(byte[] bytes, Random r, String what) throws Exception {
        LoadState f = state();
        if (!VideoFastCsv.read(stream(bytes, r), context(), f)) {
            assertTrue(f.videos.isEmpty() && f.sources.isEmpty(), "a reader that gives up changes nothing: " + what);
            return;
        }
        boolean[] clean = {false};
        LoadState g = general(bytes, "v.csv", clean);
        assertTrue(clean[0], what);
        assertEquals(g.sources, f.sources, what);
        assertSameTable(g.videos.get(0).table(), f.videos.get(0).table(), what);
    }

    private void checkDaily(byte[] bytes, Random r, String what) throws Exception {
        LoadState f = state();
        if (!DailyFastCsv.read(stream(bytes, r), "d.csv", bytes.length, f)) {
            assertTrue(f.daily.rowCount() == 0 && f.sources.isEmpty(), "a reader that gives up changes nothing: " + what);
            return;
        }
        boolean[] clean = {false};
        LoadState g = general(bytes, "d.csv", clean);
        assertTrue(clean[0], what);
        assertSameTable(g.daily, f.daily, what);
        assertEquals(g.sources, f.sources, what);
    }
}
