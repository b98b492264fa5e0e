package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

class CommentsReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsWebItemJsonWithoutUserFields() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, """
                [{"cid":"1","aweme_id":"7001","text":"saved!","digg_count":4,"create_time":1763698224,
                  "user":{"unique_id":"ruby.eats","nickname":"Ruby"}},
                 {"cid":"2","aweme_id":"","text":"no video"},
                 {"cid":"3","aweme_id":"7002","text":12},
                 {"cid":"4","aweme_id":"7002","text":"hola"}]""");
        Table t = Canonical.emptyComments("c");
        SourceReport r = CommentsReader.readJson(f, t);
        assertEquals(4, r.rowsRead());
        assertEquals(2, r.rowsUsed());
        assertEquals(f + ":/1: field \"aweme_id\": expected a video id, found nothing", r.rejections().get(0).toString());
        assertEquals(f + ":/2: field \"text\": expected the comment text, found number", r.rejections().get(1).toString());
        assertEquals("7001", t.stringColumn(Canonical.VIDEO_ID).get(0));
        assertEquals(4L, t.longColumn(Canonical.LIKES).get(0));
        assertEquals("2025-11-21T04:10:24Z", t.instantColumn(Canonical.CREATED_AT).get(0).toString());
        assertTrue(t.longColumn(Canonical.LIKES).isMissing(1));
        assertFalse(t.columnNames().stream().anyMatch(c -> c.contains("user") || c.contains("nick")));
    }

    @Test
    void readsACsvWithTextAndVideoId() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "video_id,text,likes\n7001,\"great, thanks\",3\n7002,hmm,3x\n");
        Table t = Canonical.emptyComments("c");
        SourceReport r = CommentsReader.readCsv(f, t);
        assertEquals(1, r.rowsUsed());
        assertEquals("great, thanks", t.stringColumn(Canonical.TEXT).get(0));
        assertTrue(r.rejections().get(0).toString().startsWith(f + ":3:3: column \"likes\": "),
                r.rejections().get(0).toString());
    }
}
