package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static savescope.load.LoaderFormatsTest.f;
import static savescope.load.LoaderFormatsTest.load;
import static savescope.load.LoaderFormatsTest.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;

/** Ids a spreadsheet rounded are never trusted to merge videos; links name the video when they can. */
class LoaderIdsTest {
    @TempDir
    Path dir;

    @Test
    void roundedIdsAreRecoveredFromLinksOrKeptEachAsItsOwnVideo() {
        Dataset d = load("rounded-ids.csv");
        Table v = d.videos();
        String file = f("rounded-ids.csv");
        // Lines 2-4 have /video/ and /photo/ links; line 5 a short vm.tiktok.com link (no id in it); lines 6-8 no
        // link; line 8's digits end in sixteen zeros; line 9 is a real id.
        assertEquals(List.of("7420000000000000101", "7420000000000000202", "7400000000000000303", file + "#5",
                file + "#6", file + "#7", file + "#8", "7430000000000000123"), v.stringColumn("video_id").asList());
        // 50 + 60 + ... + 120: the two rows sharing "7,42E+18" are two videos, both kept.
        assertEquals(680L, (long) v.longColumn("saves").sum());
        assertEquals(List.of(15.5, 21.0, 0.0, 30.0, 12.0, 13.0, 14.0, 15.0), v.doubleColumn("duration_s").asList());
        assertEquals(0, d.load().rowsMerged());
        assertEquals(0, d.load().rowsRejected());
        assertEquals(List.of("7 video ids were rounded by a spreadsheet (the first: \"7,42E+18\" at 2:1) and no longer "
                + "identify videos: 3 recovered from the video link, 4 rows kept each as its own video and never merged."),
                d.load().sources().get(0).warnings());
        assertEquals(List.of(), d.load().warnings());
    }

    @Test
    void rowsWhoseLinksNameDifferentVideosAreNeverMergedEvenWithOneId() {
        Dataset d = load("link-conflict");
        Table v = d.videos();
        // Video ...001 seen on 03-10 (100 views, 5 saves) and 03-17 (300, 9): merged, latest kept. The 03-17 row
        // whose id cell repeats ...001 but whose link names ...003 stays a video of its own, under its link's id.
        assertEquals(List.of("7440000000000000002", "7440000000000000001", "7440000000000000003"),
                v.stringColumn("video_id").asList());
        assertEquals(List.of(50L, 300L, 70L), longs(v, "views"));
        assertEquals(15L, (long) v.longColumn("saves").sum());
        assertEquals(1, d.load().rowsMerged());
        assertEquals(2, d.snapshots().rowCount(), "only video ...001 has a snapshot series");
        String first = f("link-conflict/videos_2025-03-10.csv");
        String second = f("link-conflict/videos_2025-03-17.csv");
        assertEquals(List.of("3 rows share the id 7440000000000000001 but their links name 2 different videos; only "
                + "rows of the same video were merged: " + first + ":2 (video 7440000000000000001), " + second
                + ":2 (video 7440000000000000001), " + second + ":3 (video 7440000000000000003).",
                "1 row repeated a video already seen (the same id in several files or snapshots); each video keeps its "
                + "latest counts and the earlier ones form its snapshot series."), d.load().warnings());
    }

    @Test
    void aColumnOfIdsRoundedToFifteenDigitsIsToldByItsZeros() throws Exception {
        // Excel keeps 15 significant digits: 7502050641603284245 -> 7502050641603280000, and two videos posted in
        // the same second can round alike (7501653242284166408 and ...169999 -> ...170000).
        Path p = dir.resolve("excel.csv");
        Files.writeString(p, "video_id,views,saves\n7502050641603280000,10,1\n7501653242284170000,20,2\n"
                + "7501653242284170000,30,3\n");
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of(p + "#2", p + "#3", p + "#4"), d.videos().stringColumn("video_id").asList());
        assertEquals(6L, (long) d.videos().longColumn("saves").sum());
        assertEquals(List.of("3 video ids were rounded by a spreadsheet (the first: \"7502050641603280000\" at 2:1) and "
                + "no longer identify videos: 0 recovered from the video link, 3 rows kept each as its own video and "
                + "never merged."), d.load().sources().get(0).warnings());
    }

    @Test
    void oneIdEndingInZerosAmongRealOnesIsTakenAsRealAndSaidSo() throws Exception {
        Path p = dir.resolve("mostly-real.csv");
        Files.writeString(p, "video_id,views,saves\n7502050641603284245,10,1\n7501653242284166408,20,2\n"
                + "7501653242284170000,30,3\n");
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of("7502050641603284245", "7501653242284166408", "7501653242284170000"),
                d.videos().stringColumn("video_id").asList());
        assertEquals(List.of(), d.load().sources().get(0).warnings());
        assertEquals(List.of("1 id ends in four or more zeros, as ids rounded to 15 digits by a spreadsheet do; so few "
                + "(one real id in 10,000 does) that they were taken as real ids"), d.load().sources().get(0).assumptions());
    }

    @Test
    void twoRowsOfOneFileWithTheSameZeroEndingIdAreNotMerged() throws Exception {
        Path p = dir.resolve("pair.csv");
        Files.writeString(p, "video_id,views,saves\n7502050641603284245,10,1\n7501653242284166408,20,2\n"
                + "7500000000000000123,5,1\n7501653242284170000,30,3\n7501653242284170000,40,4\n");
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(5, d.videos().rowCount());
        assertEquals(0, d.load().rowsMerged());
        assertEquals(11L, (long) d.videos().longColumn("saves").sum());
        assertEquals(List.of("2 video ids were rounded by a spreadsheet (the first: \"7501653242284170000\" at 5:1) and "
                + "no longer identify videos: 0 recovered from the video link, 2 rows kept each as its own video and "
                + "never merged."), d.load().sources().get(0).warnings());
    }

    @Test
    void oneIdWithTwoLinksInOneFileIsTwoVideos() throws Exception {
        Path p = dir.resolve("same-id.csv");
        Files.writeString(p, "video_id,link,views,saves\n"
                + "7480000000000000001,https://www.tiktok.com/@a/video/7480000000000000001,10,1\n"
                + "7480000000000000001,https://www.tiktok.com/@a/video/7480000000000000002,20,2\n");
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of("7480000000000000001", "7480000000000000002"), d.videos().stringColumn("video_id").asList());
        assertEquals(0, d.load().rowsMerged());
        assertEquals(List.of("2 rows share the id 7480000000000000001 but their links name 2 different videos; only "
                + "rows of the same video were merged: " + p + ":2 (video 7480000000000000001), " + p + ":3 (video "
                + "7480000000000000002)."), d.load().warnings());
    }
}
