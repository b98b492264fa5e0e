package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;

/** Comments reach Dataset.comments through the loader, from web-item JSON or a CSV, with rejections and places. */
class LoaderCommentsTest {
    @TempDir
    Path dir;

    private Path videos() throws Exception {
        Path v = dir.resolve("videos.csv");
        Files.writeString(v, "video_id,title,views,saves\n7001,a,100,5\n7002,b,200,8\n");
        return v;
    }

    private static SourceReport source(Dataset d, String file) {
        return d.load().sources().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void webItemJsonWithoutUserFields() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, """
                [{"cid":"1","aweme_id":"7001","text":"saved!","digg_count":4,"create_time":1763698224,
                  "user":{"unique_id":"ruby.eats","nickname":"Ruby"}},
                 {"cid":"2","aweme_id":"","text":"no video"},
                 {"cid":"3","aweme_id":"7002","text":""},
                 {"cid":"4","aweme_id":"7002","text":"hola"}]""");
        Dataset d = Loader.load(List.of(videos(), f), Loader.Options.defaults());
        Table t = d.comments();
        SourceReport r = source(d, f.toString());
        assertEquals(SourceReport.COMMENTS, r.kind());
        assertEquals(4, r.rowsRead());
        assertEquals(2, r.rowsUsed());
        assertEquals(f + ":/1/aweme_id: expected the id of the commented video, found nothing",
                r.rejections().get(0).toString());
        assertEquals(f + ":/2/text: expected the comment text, found nothing", r.rejections().get(1).toString());
        assertEquals(List.of("7001", "7002"), t.stringColumn(Canonical.VIDEO_ID).asList());
        assertEquals(4L, t.longColumn(Canonical.LIKES).get(0));
        // 1763698224 s after the epoch: 20,413 days (2025-11-21) and 15,024 s (04:10:24).
        assertEquals("2025-11-21T04:10:24Z", t.instantColumn(Canonical.CREATED_AT).get(0).toString());
        assertTrue(t.longColumn(Canonical.LIKES).isMissing(1));
        assertFalse(t.columnNames().stream().anyMatch(c -> c.contains("user") || c.contains("nick")));
        assertFalse(t.stringColumn(Canonical.TEXT).asList().stream().anyMatch(s -> s.contains("ruby")));
    }

    @Test
    void csvWithTextAndVideoId() throws Exception {
        Path f = dir.resolve("comments.csv");
        Files.writeString(f, "video_id,text,likes,created_at,username\n"
                + "7001,\"great, thanks\",3,2026-03-14T10:00:00Z,ruby.eats\n"
                + "7002,hmm,3x,,laura\n"
                + ",orphan,1,,x\n"
                + "7002,\"saving this\",,2026-03-15,y\n");
        Dataset d = Loader.load(List.of(videos(), f), Loader.Options.defaults());
        Table t = d.comments();
        SourceReport r = source(d, f.toString());
        assertEquals(SourceReport.COMMENTS, r.kind());
        assertEquals(4, r.rowsRead());
        assertEquals(2, r.rowsUsed());
        assertEquals(List.of("great, thanks", "saving this"), t.stringColumn(Canonical.TEXT).asList());
        assertEquals(List.of("7001", "7002"), t.stringColumn(Canonical.VIDEO_ID).asList());
        assertEquals(3L, t.longColumn(Canonical.LIKES).get(0));
        assertTrue(t.longColumn(Canonical.LIKES).isMissing(1));
        assertEquals("2026-03-15T00:00:00Z", t.instantColumn(Canonical.CREATED_AT).get(1).toString());
        // Line 3, column 3 holds "3x"; line 4, column 1 is empty.
        assertTrue(r.rejections().get(0).toString().startsWith(f + ":3:3: column \"likes\": "),
                r.rejections().get(0).toString());
        assertEquals(f + ":4:1: column \"video_id\": expected the id of the commented video, found nothing",
                r.rejections().get(1).toString());
        // The comments file is not taken for videos, and no user name is kept.
        assertEquals(2, d.videos().rowCount());
        assertFalse(t.columnNames().contains("username"));
    }

    @Test
    void tiktokStyleHeadersAndNoOptionalColumns() throws Exception {
        Path f = dir.resolve("c2.csv");
        Files.writeString(f, "aweme_id,comment,digg_count,create_time\n7001,yum,12,1763698224\n");
        Path g = dir.resolve("c3.csv");
        Files.writeString(g, "video_id,text\n7002,plain\n");
        Dataset d = Loader.load(List.of(videos(), f, g), Loader.Options.defaults());
        Table t = d.comments();
        assertEquals(List.of("yum", "plain"), t.stringColumn(Canonical.TEXT).asList());
        assertEquals(12L, t.longColumn(Canonical.LIKES).get(0));
        assertEquals("2025-11-21T04:10:24Z", t.instantColumn(Canonical.CREATED_AT).get(0).toString());
        assertTrue(t.longColumn(Canonical.LIKES).isMissing(1));
        assertTrue(t.instantColumn(Canonical.CREATED_AT).isMissing(1));
        assertEquals(1, source(d, g.toString()).rowsUsed());
    }

    @Test
    void aCaptionCalledTextWithCountsIsStillAVideoTable() throws Exception {
        Path f = dir.resolve("items.csv");
        Files.writeString(f, "id,text,playCount,collectCount\n7003,caption #recipe,500,20\n");
        Dataset d = Loader.load(List.of(f), Loader.Options.defaults());
        assertEquals(0, d.comments().rowCount());
        assertEquals(1, d.videos().rowCount());
        assertEquals("recipe", d.videos().stringColumn(Canonical.HASHTAGS).get(0));
    }

    @Test
    void progressCountsEveryByteOfEveryFile() throws Exception {
        Path v = videos();
        Path c = dir.resolve("comments.csv");
        Files.writeString(c, "video_id,text\n7001,nice\n");
        long total = Files.size(v) + Files.size(c);
        List<long[]> calls = new ArrayList<>();
        Loader.load(List.of(v, c), new Loader.Options(Map.of(), ContentTypes.defaults())
                .withProgress((read, all) -> calls.add(new long[] {read, all})));
        assertFalse(calls.isEmpty());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(total, last[0]);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(total, calls.get(i)[1]);
            assertTrue(i == 0 || calls.get(i)[0] >= calls.get(i - 1)[0], "never goes back");
        }
    }
}
