package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;

/**
 * CSV text as files really come: every mix of line ends, quotes left open, encodings other than UTF-8, very
 * wide rows and runaway lines. Each row is used or rejected with its place; none is lost.
 */
class CsvTextTest {
    private static final String HEADER = "video_id,title,views,saves";

    @TempDir
    Path dir;

    private Dataset load(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return Loader.load(List.of(p), Loader.Options.defaults());
    }

    private Dataset load(String name, String text) throws Exception {
        return load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Twenty rows, video i with title "t{i}", views 100 + i and saves i. */
    private static List<String> twentyRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(i + ",t" + i + "," + (100 + i) + "," + i);
        }
        return rows;
    }

    /** The header and rows joined with the line ends given in turn (cycled), the last row ended by {@code last}. */
    private static String joined(List<String> ends, String last) {
        StringBuilder text = new StringBuilder(HEADER).append(ends.get(0));
        List<String> rows = twentyRows();
        for (int i = 0; i < rows.size(); i++) {
            text.append(rows.get(i)).append(i == rows.size() - 1 ? last : ends.get((i + 1) % ends.size()));
        }
        return text.toString();
    }

    @Test
    void everyMixOfLineEndsReadsEveryRow() throws Exception {
        List<List<String>> mixes = List.of(List.of("\r\n"), List.of("\n"), List.of("\r"), List.of("\r\n", "\n"),
                List.of("\n", "\r\n"), List.of("\r\n", "\r", "\n"), List.of("\r", "\n"));
        for (List<String> mix : mixes) {
            for (String last : List.of("", "\n", "\r\n", "\r")) {
                String text = joined(mix, last);
                Dataset d = load("mix.csv", text);
                String what = "line ends " + mix.toString().replace("\r", "CR").replace("\n", "LF") + ", last '"
                        + last.replace("\r", "CR").replace("\n", "LF") + "'";
                assertEquals(20, d.load().rowsRead(), what);
                assertEquals(20, d.videos().rowCount(), what);
                // Views 101..120 add up to 20 * 100 + (1 + ... + 20) = 2210.
                assertEquals(2210L, (long) d.videos().longColumn("views").sum(), what);
                assertEquals("t20", d.videos().stringColumn("title").get(19), what);
            }
        }
    }

    @Test
    void aQuotedTitleOverLinesStaysOneRowAndKeepsLineNumbers() throws Exception {
        String text = HEADER + "\r\n1,\"first line\r\nsecond, line\",10,1\n2,plain,20,2\r\n3,\"a \"\"quote\"\"\",30,x\n";
        Dataset d = load("q.csv", text);
        assertEquals(List.of("first line\nsecond, line", "plain"), d.videos().stringColumn("title").asList());
        // The bad count "x" is on the row that starts on line 5 (the title took lines 2 and 3).
        assertEquals(List.of(dir.resolve("q.csv") + ":5:4: column \"saves\": expected a number, found \"x\""),
                LoaderFormatsTest.rejections(d));
    }

    @Test
    void aQuoteLeftOpenRejectsOnlyItsLine() throws Exception {
        List<String> rows = twentyRows();
        // Row 5 (line 6) opens a quote it never closes; no other quote follows, so it would swallow the file.
        rows.set(4, "5,\"t5 never closed,105,5");
        Dataset d = load("open.csv", HEADER + "\n" + String.join("\n", rows) + "\n");
        assertEquals(20, d.load().rowsRead());
        assertEquals(19, d.videos().rowCount());
        assertEquals(List.of(dir.resolve("open.csv") + ":6:2: a quote opened in field 2 is not closed where a row "
                + "could end; expected a closing quote (\") before the end of the row. Only this line was skipped: "
                + "reading went on with the next line."), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aQuoteLeftOpenBeforeALaterQuotedTitleIsStillOneRejection() throws Exception {
        List<String> rows = twentyRows();
        rows.set(2, "3,\"t3 open,103,3");
        // Ten rows on, a properly quoted title: the open quote would close at its first quote mark.
        rows.set(12, "13,\"t13, quoted\",113,13");
        Dataset d = load("open2.csv", HEADER + "\r\n" + String.join("\r\n", rows));
        assertEquals(20, d.load().rowsRead());
        assertEquals(19, d.videos().rowCount());
        assertEquals(1, d.load().rowsRejected());
        assertEquals("4:2", d.load().rejections().get(0).location());
        assertEquals("t13, quoted", d.videos().stringColumn("title").get(11));
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineIsRejected() throws Exception {
        Dataset d = load("last.csv", HEADER + "\n1,a,10,1\n2,\"b,20,2\n");
        assertEquals(2, d.load().rowsRead());
        assertEquals(1, d.videos().rowCount());
        assertEquals("3:2", d.load().rejections().get(0).location());
    }

    @Test
    void tenThousandColumnsLoad() throws Exception {
        StringBuilder header = new StringBuilder("video_id,views,saves");
        StringBuilder row = new StringBuilder("1,100,7");
        for (int c = 0; c < 10_007; c++) {
            header.append(",extra").append(c);
            row.append(',').append(c);
        }
        Dataset d = load("wide.csv", header + "\n" + row + "\n");
        assertEquals(1, d.videos().rowCount());
        assertEquals(7L, d.videos().longColumn("saves").get(0));
    }

    @Test
    void zeroBytesAfterTheRowsAreRejectedNotRead() throws Exception {
        Path p = dir.resolve("sparse.csv");
        // Real rows, then a sparse tail of zero bytes (what `truncate -s` leaves) well past the first buffers.
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 3000; i++) {
            text.append(i).append(",title ").append(i).append(',').append(i).append(",1\n");
        }
        Files.writeString(p, text);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() + (64L << 20));
        }
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(3000, d.videos().rowCount());
        assertEquals(3001, d.load().rowsRead());
        assertEquals(List.of(p + ":3002: found binary data (zero bytes) instead of text, as in a file cut short while "
                + "it was written; expected CSV text. The line was skipped."), LoaderFormatsTest.rejections(d));
    }

    @Test
    void zeroBytesRightAfterTheHeaderAreNoRowsNotBinary() throws Exception {
        byte[] text = (HEADER + "\n1,a,10,1\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 1000);
        Dataset d = load("tail.csv", bytes);
        assertEquals(1, d.videos().rowCount());
        assertEquals(1, d.load().rowsRejected());
    }

    @Test
    void aHugeHeaderGivesAShortMessage() throws Exception {
        String huge = "x".repeat(5_000_000);
        String message = assertThrows(InputException.class, () -> load("h.csv", "\"" + huge + "\",foo\n1,2\n"))
                .getMessage();
        assertTrue(message.length() <= 2_000 + 60, "message of " + message.length() + " chars");
        assertTrue(message.endsWith("… (the message was cut at 2,000 characters)"), message.substring(1900));
    }

    @Test
    void aHugeValueIsCutInItsRejection() throws Exception {
        Dataset d = load("v.csv", HEADER + "\n1,a,10,\"" + "9z".repeat(10_000) + "\"\n2,b,20,2\n");
        assertEquals(List.of(dir.resolve("v.csv") + ":2:4: column \"saves\": expected a number, found \""
                + "9z".repeat(40) + "…\""), LoaderFormatsTest.rejections(d));
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedAndSkipped() throws Exception {
        String longTitle = "y".repeat(CsvRows.MAX_RECORD_CHARS + 10);
        // Unquoted, quoted, and text running on after a closing quote: each kind of field is bounded.
        Dataset d = load("long.csv", HEADER + "\n1,a,10,1\n2," + longTitle + ",20,2\n3,\"" + longTitle + "\",30,3\n"
                + "4,\"a\"" + longTitle + ",40,4\n5,e,50,5\n");
        assertEquals(List.of("1", "5"), d.videos().stringColumn("video_id").asList());
        String why = ": the line is longer than 16,777,216 characters; expected a row of an export. The line was skipped.";
        String file = dir.resolve("long.csv").toString();
        assertEquals(List.of(file + ":3" + why, file + ":4" + why, file + ":5" + why), LoaderFormatsTest.rejections(d));
    }

    @Test
    void windows1252IsDetectedAndSaidSo() throws Exception {
        String text = HEADER + "\n1,Café crème brûlée,10,1\n2,Smörgåsbord,20,2\n";
        Dataset d = load("latin.csv", text.getBytes(Charset.forName("windows-1252")));
        assertEquals(List.of("Café crème brûlée", "Smörgåsbord"), d.videos().stringColumn("title").asList());
        assertEquals(List.of("`" + dir.resolve("latin.csv") + "`: the text is not valid UTF-8; it was read as Windows-1252 "
                + "(Western European, as Excel on Windows saves \"CSV\")."), d.load().allAssumptions());
    }

    @Test
    void windows1252WhoseFirstAccentComesLateIsStillRead() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 5000; i++) {
            text.append(i).append(",plain title ").append(i).append(',').append(i).append(",1\n");
        }
        text.append("5001,Jalapeño,1,1\n");
        Dataset d = load("late.csv", text.toString().getBytes(Charset.forName("windows-1252")));
        assertTrue(text.length() > CsvRows.HEAD_BYTES, "the accent is past the bytes looked at first");
        assertEquals("Jalapeño", d.videos().stringColumn("title").get(5000));
        assertEquals(1, d.load().allAssumptions().size());
        assertTrue(d.load().allAssumptions().get(0).contains("read as Windows-1252"), d.load().allAssumptions().get(0));
    }

    @Test
    void utf16WithAndWithoutByteOrderMarkIsRead() throws Exception {
        // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
        String text = "video_id\ttitle\tviews\tsaves\r\n1\tÜber café\t10\t1\r\n2\t日本語\t20\t2\r\n";
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            for (boolean bom : List.of(true, false)) {
                byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(Charset.forName(charset));
                Dataset d = load("u16.csv", bytes);
                String what = charset + (bom ? " with BOM" : " without BOM");
                assertEquals(List.of("Über café", "日本語"), d.videos().stringColumn("title").asList(), what);
                assertEquals(List.of(1L, 2L), LoaderFormatsTest.longs(d.videos(), "saves"), what);
                assertTrue(d.load().allAssumptions().get(0).contains(charset), what + ": " + d.load().allAssumptions());
            }
        }
    }

    @Test
    void jsonInUtf16AndWindows1252IsRead() throws Exception {
        String json = "[{\"id\":\"1\",\"desc\":\"Crème brûlée\",\"stats\":{\"playCount\":10,\"collectCount\":3}}]";
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "windows-1252")) {
            Dataset d = load("items.json", json.getBytes(Charset.forName(charset)));
            assertEquals("Crème brûlée", d.videos().stringColumn("title").get(0), charset);
            assertEquals(List.of(3L), LoaderFormatsTest.longs(d.videos(), "saves"), charset);
            assertTrue(d.load().allAssumptions().get(0).contains(charset.replace("windows", "Windows")),
                    d.load().allAssumptions().toString());
        }
    }

    @Test
    void utf8WithBomNeedsNoAssumption() throws Exception {
        Dataset d = load("bom.csv", "\uFEFF" + HEADER + "\n1,Crème,10,1\n");
        assertEquals("Crème", d.videos().stringColumn("title").get(0));
        assertEquals(List.of(), d.load().allAssumptions());
    }

    @Test
    void semicolonsAndTabsAreStillDetected() throws Exception {
        Dataset semi = load("semi.csv", "video_id;title;views;saves\n1;\"a; b\";10;1\n");
        assertEquals("a; b", semi.videos().stringColumn("title").get(0));
        Dataset tab = load("tab.tsv", "video_id\ttitle\tviews\tsaves\n1\ta, b\t10\t1\n");
        assertEquals("a, b", tab.videos().stringColumn("title").get(0));
    }
    @Test
    void excelsSepLineNamesTheSeparatorAndIsNoRow() throws Exception {
        // The header has as many commas as semicolons, so counting them would split at commas; the sep line settles
        // it. Counts as German (71.500,00) and Swiss (71'500) sheets write them.
        String text = "\uFEFFsep=;\r\nvideo_id;title;views;saves;notes (a,b,c,d)\r\n1;a, b, c;71.500,00;1.191,00;x\r\n"
                + "2;d;71'500;885,00;y\r\n";
        Dataset d = load("sep.csv", text);
        assertEquals(List.of(71_500L, 71_500L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of(1_191L, 885L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of("a, b, c", "d"), d.videos().stringColumn("title").asList());
        assertEquals(2, d.load().rowsRead());
        assertEquals(List.of("the first line \"sep=;\" names the separator, as Excel writes it; the lines below were "
                + "split at \";\" and it was not read as a row."), d.load().sources().get(0).assumptions());
        // A bad count names its line as the file numbers it: the sep line is line 1.
        Dataset bad = load("sep-bad.csv", "sep=;\nvideo_id;views;saves\n1;10;x\n2;20;3\n");
        assertEquals(List.of(dir.resolve("sep-bad.csv") + ":3:3: column \"saves\": expected a number, found \"x\""),
                bad.load().rejections().stream().map(Object::toString).toList());
    }

    /** "sep=" and a tab: the tab is the separator (titles hold commas and semicolons, which must not split). */
    @Test
    void aSepLineNamingATabSplitsAtTabs() throws Exception {
        Dataset d = load("sep-tab.csv", "sep=\t\r\nvideo_id\ttitle\tviews\tsaves\r\n1\ta, b; c\t100\t2\r\n"
                + "2\td\t300\t4\r\n");
        assertEquals(List.of(100L, 300L), LoaderFormatsTest.longs(d.videos(), "views"));
        assertEquals(List.of("a, b; c", "d"), d.videos().stringColumn("title").asList());
    }
}
