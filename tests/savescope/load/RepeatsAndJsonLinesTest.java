package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;

/**
 * What repeats mean: a header or JSON key given twice (the first is read, and a warning names it), a daily
 * (video, day) given twice (the later row is kept); and JSON Lines with a broken line or a very long value.
 */
class RepeatsAndJsonLinesTest {
    private static final String VIDEOS = "video_id,title,post_time,views,likes,comments,shares,saves\n"
            + "a1,A,2026-03-01T10:00:00Z,1000,10,1,1,9\nb2,B,2026-03-02T10:00:00Z,500,5,1,1,4\n";

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

    private static List<String> warnings(Dataset d, Path file) {
        return d.load().sources().stream().filter(s -> s.file().equals(file.toString())).findFirst().orElseThrow()
                .warnings();
    }

    @Test
    void aRepeatedHeaderReadsItsFirstColumnAndSaysSo() throws Exception {
        Path p = write("dup.csv", "video_id,views,saves,saves\n1,100,7,9\n");
        Dataset d = load(p);
        assertEquals(List.of(7L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of("the header \"saves\" appears more than once, in columns 3 and 4; the first (column 3) was read as saves "
                + "and the others were ignored."), warnings(d, p));
    }

    @Test
    void aRepeatedJsonKeyReadsItsFirstValueAsForHeaders() throws Exception {
        Path p = write("dup.json", "[{\"id\":\"1\",\"stats\":{\"playCount\":100,\"collectCount\":7,\"collectCount\":9}},\n"
                + "{\"id\":\"2\",\"stats\":{\"playCount\":50,\"collectCount\":3}}]");
        Dataset d = load(p);
        assertEquals(List.of(7L, 3L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertTrue(warnings(d, p).contains("the key \"collectCount\" is repeated inside an object 1 time (first on line 1);"
                + " the first value was read and the repeats ignored, as for a CSV header that appears twice."),
                warnings(d, p).toString());
    }

    @Test
    void aRepeatedDailyDayKeepsTheLaterRowInBothReaders() throws Exception {
        Path v = write("videos.csv", VIDEOS);
        // Lines 2-4: a1's days; line 5 gives a1's 2026-03-02 again (a re-export), line 6 b2's only day.
        String plain = "video_id,date,views,likes,comments,shares,saves\n"
                + "a1,2026-03-01,100,10,1,0,5\n"
                + "a1,2026-03-02,40,4,0,1,2\n"
                + "a1,2026-03-03,7,0,0,0,1\n"
                + "a1,2026-03-02,50,5,0,1,3\n"
                + "b2,2026-03-01,20,1,0,0,1\n";
        // The same rows with one quoted id, which the fast reader leaves to the general one.
        String general = plain.replace("b2,2026-03-01", "\"b2\",2026-03-01");
        for (String text : List.of(plain, general)) {
            Path d = write("daily.csv", text);
            Dataset data = load(v, d);
            // Saves: 5 + 1 + 3 (the later 2026-03-02) + 1 = 10, not 12 with the earlier row added.
            assertEquals(10L, (long) data.daily().longColumn("saves").sum(), text);
            assertEquals(4, data.daily().rowCount(), text);
            assertEquals(List.of(d + ":3: video a1 on 2026-03-02 is given again at line 5; the later row was kept, as a "
                    + "repeated day is that day exported again."), LoaderFormatsTest.rejections(data), text);
            assertEquals(List.of("1 row gave a video's day that a later row gives again (first: line 3 and line 5); "
                    + "each such day keeps its last row, so no day is counted twice."), warnings(data, d), text);
            assertEquals(5, data.load().sources().get(1).rowsRead());
        }
    }

    @Test
    void theFastDailyReaderTakesEveryMixOfLineEnds() throws Exception {
        Path v = write("videos.csv", VIDEOS);
        List<String> rows = List.of("a1,2026-03-01,100,10,1,0,5", "a1,2026-03-02,40,4,0,1,2", "b2,2026-03-01,20,1,0,0,1");
        for (String first : List.of("\n", "\r\n", "\r")) {
            for (String rest : List.of("\n", "\r\n", "\r")) {
                String text = "video_id,date,views,likes,comments,shares,saves" + first + String.join(rest, rows) + rest;
                Path d = write("daily.csv", text);
                Dataset data = load(v, d);
                String what = (first + "|" + rest).replace("\r", "CR").replace("\n", "LF");
                assertEquals(3, data.daily().rowCount(), what);
                assertEquals(8L, (long) data.daily().longColumn("saves").sum(), what);
                assertEquals(0, data.load().rowsRejected(), what);
            }
        }
    }

    @Test
    void aCutJsonLineIsRejectedWithItsOwnNumber() throws Exception {
        Path p = write("items.jsonl", "{\"id\":\"1\",\"stats\":{\"playCount\":100,\"collectCount\":7}}\n"
                + "{\"id\":\"2\",\"stats\":{\"playCount\":50,\"collec\n"
                + "\n"
                + "{\"id\":\"3\",\"stats\":{\"playCount\":20,\"collectCount\":1}}\r\n"
                + "{\"id\":\"4\",\"stats\":{\"playCount\":10,\"collectCount\":2}}"
                // Two objects run together on the last line: both are read, none silently dropped.
                + "{\"id\":\"5\",\"stats\":{\"playCount\":10,\"collectCount\":2}}");
        Dataset d = load(p);
        assertEquals(List.of("1", "3", "4", "5"), d.videos().stringColumn("video_id").asList());
        List<String> rejected = LoaderFormatsTest.rejections(d);
        assertEquals(1, rejected.size());
        assertTrue(rejected.get(0).startsWith(p + ":2:"), rejected.get(0));
        assertTrue(rejected.get(0).contains("the JSON on this line is cut off inside a key; expected one complete JSON object per line"), rejected.get(0));
        assertEquals(5, d.load().rowsRead());
    }

    @Test
    void aJsonStringPastJacksonsDefaultLimitIsRead() throws Exception {
        // 21 million characters: past the 20 million Jackson refuses by default.
        String title = "t".repeat(21_000_000);
        Path p = write("long.json", "[{\"id\":\"1\",\"desc\":\"" + title + "\",\"stats\":{\"playCount\":5,\"collectCount\":1}}]");
        Dataset d = load(p);
        // Read whole, then cut where it is read: 10,000 characters and an ellipsis, and the cut is said.
        assertEquals("t".repeat(10_000) + "…", d.videos().stringColumn("title").get(0));
        assertEquals(List.of("1 title longer than 10,000 characters was cut to that length (the first at /0/desc)"),
                d.load().sources().get(0).assumptions());
    }

    @Test
    void aJsonStringPastOurLimitIsSaidInWords() throws Exception {
        String title = "t".repeat(JsonReader.MAX_STRING_CHARS + 1);
        Path p = write("longer.json", "[{\"id\":\"1\",\"desc\":\"" + title + "\"}]");
        String message = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> load(p)).getMessage();
        assertTrue(message.startsWith(p + ":"), message);
        assertTrue(message.endsWith(": a text value is longer than 50,000,000 characters; expected the text of an export "
                + "(captions, ids, names)."), message);
    }

    @Test
    void aJsonNestedTooDeepIsSaidInWords() throws Exception {
        Path p = write("deep.json", "[{\"id\":\"1\",\"stats\":{\"playCount\":5,\"collectCount\":1},\"x\":"
                + "[".repeat(1_500) + "]".repeat(1_500) + "}]");
        String message = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> load(p)).getMessage();
        assertTrue(message.startsWith(p + ":"), message);
        assertTrue(message.endsWith("the JSON is nested more than 1,000 levels deep; expected the items of an export."),
                message);
        assertFalse(message.contains("StreamReadConstraints"), message);
    }
}
