package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import savescope.model.Dataset;
import savescope.model.SourceReport;

/** Headers from other tools and languages, the names that must never be taken for a video's counts, and the --map hints. */
class FieldsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vid_nsave|saves", "Guardados|saves", "salvos|saves", "Gespeichert|saves", "Enregistrements|saves",
            "gemmer|saves", "Sparade|saves", "Lượt lưu|saves", "收藏|saves", "保存数|saves", "Favourites|saves",
            "Bookmarks|saves", "save_count|saves", "Num_Saves|saves", "COLLECTS|saves",
            "vid_nview|views", "Plays|views", "play_count|views", "Visninger|views", "Visualizações|views",
            "Reproducciones|views", "Aufrufe|views", "vues|views", "Lượt xem|views", "播放量|views",
            "vid_nlike|likes", "Hearts|likes", "Me gusta|likes", "Lượt thích|likes", "点赞数|likes",
            "vid_ncomment|comments", "Comentários|comments", "Bình luận|comments", "评论数|comments",
            "vid_nshare|shares", "Compartilhamentos|shares", "Partages|shares", "分享|shares",
            "vid_postTime|posted_at", "Published at|posted_at", "Upload date|posted_at", "Ngày đăng|posted_at",
            "发布时间|posted_at", "vid_id|video_id", "vid_url|link", "vid_caption|title", "vid_duration|duration_s",
            "user_name|account"})
    void looseNamesAreRecognised(String header, String field) {
        assertEquals(field, Fields.looseField(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"followers", "user_followers", "Follower count", "author.favoriting_count",
            "author.total_favorited", "music_nused", "vid_scrapeTime", "Time", "comment", "music_id", "Profile views",
            "New followers", "Avg watch time", "Engagement rate"})
    void namesOfAPersonOrSomethingElseAreNever(String header) {
        assertNull(Fields.looseField(header), header);
    }

    @Test
    void aFileWithNoKnownMetricIsToldTheLikelyMapLine() throws Exception {
        Path f = dir.resolve("own.csv");
        Files.writeString(f, "clip,Saves (all time),watched\nc1,12,300\n");
        InputException e = assertThrows(InputException.class, () -> Loader.load(List.of(f), Loader.Options.defaults()));
        assertEquals(true, e.getMessage().endsWith("or name your columns with --map saves=\"Saves (all time)\" (and "
                + "--map views=HEADER for the views)."), e.getMessage());

        Path g = dir.resolve("counts.csv");
        Files.writeString(g, "clip,watched,kept\nc1,300,12\nc2,120,\n");
        e = assertThrows(InputException.class, () -> Loader.load(List.of(g), Loader.Options.defaults()));
        assertEquals(true, e.getMessage().endsWith("or name your columns with --map saves=HEADER --map views=HEADER; "
                + "the columns holding counts are \"watched\", \"kept\"."), e.getMessage());
    }

    @Test
    void videosWithoutSavesAreToldWhichColumnMightHoldThem() throws Exception {
        Path f = dir.resolve("videos.csv");
        Files.writeString(f, "video_id,views,likes,kept,note\nv1,300,20,12,ok\nv2,120,9,3,fine\n");
        Dataset d = Loader.load(List.of(f), Loader.Options.defaults());
        SourceReport s = d.load().sources().get(0);
        assertEquals(List.of("comments", "shares", "saves"), s.missingMetrics());
        assertEquals(List.of("No saves column was recognised; if one of the count columns \"kept\" holds saves, run "
                + "again with --map saves=kept (naming that column)."), s.warnings());

        Dataset mapped = Loader.load(List.of(f), new Loader.Options(Map.of("saves", "kept"), ContentTypes.defaults()));
        assertEquals(15L, (long) mapped.videos().longColumn("saves").sum());
        assertEquals(List.of("saves read from \"kept\" (--map)"), mapped.load().sources().get(0).assumptions());
        assertEquals(List.of(), mapped.load().sources().get(0).warnings());
    }

    @Test
    void jsonItemsAreToldTooWhichKeyMightHoldSaves() throws Exception {
        Path f = dir.resolve("items.json");
        Files.writeString(f, "[{\"id\":\"1\",\"views\":100,\"saves_total_all\":7},{\"id\":\"2\",\"views\":50,"
                + "\"saves_total_all\":2}]");
        Dataset d = Loader.load(List.of(f), Loader.Options.defaults());
        assertEquals(List.of("This source carries no saves count; its saves are missing, not zero.",
                "No saves column was recognised; if the key \"saves_total_all\" holds saves, run again with "
                + "--map saves=saves_total_all."), d.load().sources().get(0).warnings());

        Path g = dir.resolve("nothing.json");
        Files.writeString(g, "[{\"id\":\"1\",\"Saved (all time)\":3}]");
        InputException e = assertThrows(InputException.class, () -> Loader.load(List.of(g), Loader.Options.defaults()));
        assertEquals(true, e.getMessage().endsWith("or name the keys with --map saves=\"Saved (all time)\"."),
                e.getMessage());
    }
}
