package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;

/**
 * Rows without a video id in several exports are snapshots of one video when they share the account, posting time
 * and title, and no export holds two rows alike so: the latest export's counts win, as for rows with an id.
 */
class SnapshotsWithoutIdsTest {
    @TempDir
    Path dir;

    /** The public hand-kept sheet (tests/fixtures/public/SOURCES.md): 105 videos, no ids, "Post day" dd/MM/yy. */
    static final Path WEEK1 = Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv");
    /** The same sheet a week later: every third video (35, the 1st, 4th, ...) has +500 views, +20 likes, +1 comment, +2 shares, +7 saves. */
    static final Path WEEK2 = Path.of("tests", "fixtures", "history", "handcopied-studio-content-week2.csv");

    private static Dataset load(Path... paths) {
        return Loader.load(List.of(paths), Loader.Options.defaults());
    }

    private static long sum(Dataset d, String column) {
        return (long) d.videos().longColumn(column).sum();
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void twoWeeklySnapshotsOfAHandKeptSheetAreItsVideosOnceWithTheLaterCounts() throws Exception {
        // Sums of the week-2 sheet by a Python csv.DictReader over it: 105 rows; 8,896,674 views, 361,728 likes,
        // 3,609 comments, 5,093 shares, 30,989 saves (week 1: 8,879,174, 361,028, 3,574, 5,023, 30,744).
        Path first = Files.copy(WEEK1, dir.resolve("Content_2024-12-27.csv"));
        Path second = Files.copy(WEEK2, dir.resolve("Content_2025-01-03.csv"));
        for (Dataset d : List.of(load(first, second), load(second, first), load(dir))) {
            assertEquals(105, d.videos().rowCount());
            assertEquals(8_896_674, sum(d, "views"));
            assertEquals(361_728, sum(d, "likes"));
            assertEquals(3_609, sum(d, "comments"));
            assertEquals(5_093, sum(d, "shares"));
            assertEquals(30_989, sum(d, "saves"));
            // The 70 unchanged rows are the same in every field, read once as before; the 35 changed ones merge.
            assertEquals(35, d.load().rowsMerged());
            assertEquals(70, d.load().rowsRejected());
            assertTrue(d.load().warnings().contains("35 rows without a video id were earlier snapshots of a video in "
                    + "another file: the same account, posting time (to the minute) and title, which no file holds "
                    + "twice; each video keeps its latest counts and the earlier ones form its snapshot series."),
                    d.load().warnings().toString());
            // Each merged video keeps the id of its oldest row, so it stays one video as weeks are added.
            int wolverine = d.videos().stringColumn("title").indexOf("Wolverine futur\u00edstico");
            assertEquals(first + "#2", d.videos().stringColumn("video_id").get(wolverine));
            assertEquals(5_077, d.videos().longColumn("views").get(wolverine), "4,577 + 500: the later count");
            assertEquals(70, d.snapshots().rowCount(), "two snapshots of each of the 35 videos that changed");
        }
    }

    @Test
    void aVideoRetitledBetweenWeeksIsOneVideoMatchedByAccountAndPostingMinute() throws Exception {
        String head = "Account,Video title,Post time,Video views,Saves\n";
        Path a = csv("a_2026-03-01.csv", head + "@lena,Recipe one,2026-02-20 10:00,100,1\n@lena,Other,2026-02-21 09:00,50,1\n"
                + "@lena,Third,2026-02-22 18:30,70,2\n");
        Path b = csv("b_2026-03-08.csv", head + "@lena,Recipe one (updated),2026-02-20 10:00,150,3\n"
                + "@lena,Other,2026-02-21 09:00,80,4\n@lena,Third,2026-02-22 18:30,90,2\n");
        Dataset d = load(a, b);
        // Week 2's counts: 150 + 80 + 90 = 320 views, 3 + 4 + 2 = 9 saves, over 3 videos (not 4 with 420 views).
        assertEquals(3, d.videos().rowCount());
        assertEquals(320, sum(d, "views"));
        assertEquals(9, sum(d, "saves"));
        assertTrue(d.videos().stringColumn("title").contains("Recipe one (updated)"), "the newest title");
        assertTrue(d.load().warnings().contains("1 video without a video id had another title in another file and "
                + "was matched by account and posting time (to the minute), which no other row of those files shares "
                + "(the first: \"Recipe one\" at " + a + ":2, then \"Recipe one (updated)\" at " + b + ":2): each is "
                + "counted once, as a video retitled between exports, with the newest export's title."),
                d.load().warnings().toString());

        // A second video of week 1 posted in the same minute: which one was retitled cannot be told, so none is matched.
        Path twice = csv("c_2026-03-01.csv", Files.readString(a) + "@lena,Recipe two,2026-02-20 10:00,40,1\n");
        Dataset both = load(twice, b);
        assertEquals(5, both.videos().rowCount());
        assertTrue(both.load().warnings().stream().noneMatch(w -> w.contains("retitled")), both.load().warnings().toString());

        // Posting days without a time (midnight) are too coarse: the two titles stay two videos.
        Path dayA = csv("d_2026-03-01.csv", Files.readString(a).replace(" 10:00", "").replace(" 09:00", "")
                .replace(" 18:30", ""));
        Path dayB = csv("e_2026-03-08.csv", Files.readString(b).replace(" 10:00", "").replace(" 09:00", "")
                .replace(" 18:30", ""));
        assertEquals(4, load(dayA, dayB).videos().rowCount());
    }

    @Test
    void aRetitledVideoIsOneVideoInThreeWeeklyExportsWhenTheNewTitleIsKeptOrTheOldOneComesBack() throws Exception {
        String head = "Account,Video title,Post time,Video views,Saves\n";
        String rest = "@lena,Other,2026-02-21 09:00,%d,1\n@lena,Third,2026-02-22 18:30,%d,2\n";
        Path a = csv("a_2026-03-01.csv", head + "@lena,Recipe one,2026-02-20 10:00,100,1\n" + rest.formatted(50, 70));
        Path b = csv("b_2026-03-08.csv", head + "@lena,Recipe one (updated),2026-02-20 10:00,150,3\n" + rest.formatted(80, 90));
        // Week 3 keeps week 2's title: weeks 2 and 3 match by title, week 1 by account and posting minute.
        Path c = csv("c_2026-03-15.csv", head + "@lena,Recipe one (updated),2026-02-20 10:00,170,3\n" + rest.formatted(90, 95));
        // Week 3 gives the old title back: weeks 1 and 3 match by title, week 2 by account and posting minute.
        Path back = csv("d_2026-03-15.csv", head + "@lena,Recipe one,2026-02-20 10:00,170,3\n" + rest.formatted(90, 95));
        for (List<Path> files : List.of(List.of(a, b, c), List.of(c, b, a), List.of(a, b, back))) {
            Dataset d = Loader.load(files, Loader.Options.defaults());
            // Week 3's counts: 170 + 90 + 95 = 355 views over 3 videos (not 4 videos with the week-1 or week-2 row's too).
            assertEquals(3, d.videos().rowCount(), files + " " + d.videos().stringColumn("title").asList());
            assertEquals(355, sum(d, "views"), files.toString());
            assertTrue(d.videos().stringColumn("title").contains(files.contains(c) ? "Recipe one (updated)" : "Recipe one"));
            assertTrue(d.load().warnings().stream().anyMatch(w -> w.startsWith("1 video without a video id had another "
                    + "title in another file")), d.load().warnings().toString());
        }
    }

    @Test
    void twoVideosOfOneFileWithTheSameTitleAndTimeAreNotMatchedAndTheWarningSaysWhy() throws Exception {
        Path a = csv("a_2026-03-01.csv", "Video title,Post time,Video views,Saves\nRecipe,2026-02-20 10:00,100,1\n"
                + "Recipe,2026-02-20 10:00,200,2\nOther,2026-02-21 09:00,50,1\n");
        Path b = csv("b_2026-03-08.csv", "Video title,Post time,Video views,Saves\nRecipe,2026-02-20 10:00,150,3\n"
                + "Other,2026-02-21 09:00,80,4\n");
        // Alone, a.csv's two "Recipe" rows are two videos and nothing needs saying.
        Dataset alone = load(a);
        assertEquals(3, alone.videos().rowCount());
        assertEquals(List.of(), alone.load().warnings());
        // Together: "Other" is one video (80 views, 4 saves); which "Recipe" b.csv's row is cannot be told, so the three
        // stay apart: 100 + 200 + 150 + 80 = 530 views, 1 + 2 + 3 + 4 = 10 saves, 4 videos.
        Dataset d = load(a, b);
        assertEquals(4, d.videos().rowCount());
        assertEquals(530, sum(d, "views"));
        assertEquals(10, sum(d, "saves"));
        assertEquals(1, d.load().rowsMerged());
        assertEquals(List.of(a + ": 2 rows share their account, posting time and title with another row of the same "
                + "source (\"Recipe\" posted 2026-02-20 10:00 UTC at " + a + ":2, " + a + ":3), so which is which in the "
                + "other exports cannot be told: these videos were not matched with their snapshots in other files by "
                + "account, posting time and title, and each row is counted as a video of its own (a video may be "
                + "counted more than once). A video id or link in the export would tell them apart.",
                "1 row without a video id was an earlier snapshot of a video in another file: the same account, posting "
                        + "time (to the minute) and title, which no file holds twice; each video keeps its latest "
                        + "counts and the earlier ones form its snapshot series."),
                d.load().warnings());
    }

    @Test
    void rowsWithoutAPostingTimeOrATitleAreNeverMatched() throws Exception {
        Path a = csv("a_2026-03-01.csv", "Video title,Post time,Video views,Saves\nNo date yet,,100,1\n"
                + ",2026-02-20 10:00,200,2\nDated,2026-02-21 09:00,300,3\nDated too,2026-02-22 09:00,10,1\n");
        Path b = csv("b_2026-03-08.csv", "Video title,Post time,Video views,Saves\nNo date yet,,110,2\n"
                + ",2026-02-20 10:00,220,4\nDated,2026-02-21 09:00,330,6\nDated too,2026-02-22 09:00,20,1\n");
        // Only "Dated" and "Dated too" are one video each (330 views, 6 saves; 20, 1): 100 + 110 + 200 + 220 + 330 + 20
        // = 980 views, 1 + 2 + 2 + 4 + 6 + 1 = 16 saves, 6 videos.
        Dataset d = load(a, b);
        assertEquals(6, d.videos().rowCount());
        assertEquals(980, sum(d, "views"));
        assertEquals(16, sum(d, "saves"));
        assertEquals(2, d.load().rowsMerged());
        // The two undated "No date yet" rows may be one video counted twice: said, with their places.
        assertTrue(d.load().warnings().contains(unmatched(2, "No date yet", a + ":2, " + b + ":2")),
                d.load().warnings().toString());
        // So may the two untitled rows posted at 10:00.
        assertTrue(d.load().warnings().contains("2 rows without a video id or title share their account and posting "
                + "time (to the minute) with such rows of other files (the first: posted 2026-02-20 10:00 UTC at " + a
                + ":3, " + b + ":3), so nothing tells whether they are one video seen in several exports: each row is "
                + "counted as a video of its own (a video may be counted more than once). A title, video id or link in "
                + "the exports would let them be matched."), d.load().warnings().toString());
    }

    /** Weekly sheets without a posting time column: every video is counted once per sheet, and the warning says so. */
    @Test
    void weeklySheetsWithoutPostingTimesAreCountedPerSheetAndSaidSo() throws Exception {
        // The two public weekly sheets with their "Post day" column cut off (by hand: the first field of every line).
        Path first = csv("Content_2024-12-27.csv", withoutFirstField(WEEK1));
        Path second = csv("Content_2025-01-03.csv", withoutFirstField(WEEK2));
        Dataset d = load(first, second);
        // 70 rows are the same in both, read once; the 35 changed ones are counted in both sheets: 105 + 35 = 140.
        assertEquals(140, d.videos().rowCount());
        assertTrue(d.load().warnings().contains(unmatched(70, "Wolverine futur\u00edstico", first + ":2, " + second
                + ":2")), d.load().warnings().toString());
    }

    /** A sheet that gained an account column: its rows no longer match the week before's, and the warning says so. */
    @Test
    void rowsAlikeButForTheirAccountAreCountedPerFileAndSaidSo() throws Exception {
        Path a = csv("a_2026-03-05.csv", "Video title,Post time,Video views,Saves\nDay 1,2026-03-02 10:00,900,5\n");
        Path b = csv("b_2026-03-12.csv", "Account,Video title,Post time,Video views,Saves\n"
                + "lena,Day 1,2026-03-02 10:00,950,6\n");
        // Two videos: 900 + 950 = 1,850 views, 5 + 6 = 11 saves; nothing merged.
        Dataset d = load(a, b);
        assertEquals(2, d.videos().rowCount());
        assertEquals(1_850, sum(d, "views"));
        assertEquals(11, sum(d, "saves"));
        assertEquals(0, d.load().rowsMerged());
        assertEquals(List.of(unmatched(2, "Day 1", a + ":2, " + b + ":2")), d.load().warnings());
    }

    static String unmatched(int rows, String title, String places) {
        return rows + " rows without a video id share their title with such rows of other files but not their account "
                + "and posting time to the minute (the first: \"" + title + "\" at " + places + "), so nothing tells "
                + "whether they are one video seen in several exports: each row is counted as a video of its own (a "
                + "video may be counted more than once). A posting time and account given alike in every export, or a "
                + "video id or link, would let them be matched.";
    }

    private static String withoutFirstField(Path sheet) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(sheet, StandardCharsets.UTF_8)) {
            out.append(line.substring(line.indexOf(',') + 1)).append('\n');
        }
        return out.toString();
    }

    /** "é" as one character in one week and as "e" with a combining accent the next is the same title. */
    @Test
    void titlesMatchWhateverUnicodeFormTheirAccentsAreIn() throws Exception {
        Path a = csv("a_2026-03-01.csv", "Video title,Post time,Video views,Saves\nCr\u00e8me br\u00fbl\u00e9e,"
                + "2026-02-20 10:00,100,1\nOther,2026-02-21 09:00,50,1\n");
        Path b = csv("b_2026-03-08.csv", "Video title,Post time,Video views,Saves\nCre\u0300me bru\u0302le\u0301e,"
                + "2026-02-20 10:00,150,3\nOther,2026-02-21 09:00,80,4\n");
        // Both are one video each, with b's counts: 150 + 80 = 230 views, 3 + 4 = 7 saves, 2 videos.
        Dataset d = load(a, b);
        assertEquals(2, d.videos().rowCount());
        assertEquals(230, sum(d, "views"));
        assertEquals(7, sum(d, "saves"));
        assertEquals(2, d.load().rowsMerged());
    }

    /**
     * Two creators' sheets without an account column, each with a "Parte 2" posted on 1 October 2024, share that one
     * key and nothing else: they are not weekly copies of one sheet, so the two videos stay two, and a warning says
     * why they were not matched.
     */
    @Test
    void twoCreatorsSheetsSharingOneTitleAndDayAreNotMatched() throws Exception {
        Path a = csv("creatorA.csv", "Post day,Video title,Total views,Total saves\n01/10/24,Parte 2,1000,10\n"
                + "02/10/24,Receita,300,3\n");
        Path b = csv("creatorB.csv", "Post day,Video title,Total views,Total saves\n01/10/24,Parte 2,5000,90\n");
        // Three videos: 1,000 + 300 + 5,000 = 6,300 views, 10 + 3 + 90 = 103 saves.
        Dataset d = load(a, b);
        assertEquals(3, d.videos().rowCount());
        assertEquals(6_300, sum(d, "views"));
        assertEquals(103, sum(d, "saves"));
        assertEquals(0, d.load().rowsMerged());
        assertTrue(d.load().warnings().contains("2 rows without a video id share their account, posting time and title "
                + "with a row of another file (\"Parte 2\" at " + a + ":2, " + b + ":2), but those files have too few "
                + "such videos in common to be exports of the same videos (at least two, and half of the smaller "
                + "file's, are needed), so each row is counted as a video of its own. An account column or video ids "
                + "in the exports would tell them apart."), d.load().warnings().toString());
    }

    @Test
    void accountsCompareAsHandlesAndTimesToTheMinute() throws Exception {
        Path a = csv("a_2026-03-05.csv", "Account,Video title,Post time,Video views,Saves\n"
                + "@lena,Day 1,2026-03-02 10:00,900,5\nbob,Day 1,2026-03-02 10:00,300,1\n"
                + "carl,Day 1,2026-03-02 10:00,40,1\n@lena,Day 2,2026-03-03 10:00,100,1\n");
        Path b = csv("b_2026-03-12.csv", "Account,Video title,Post time,Video views,Saves\n"
                + "Lena,Day 1,2026-03-02 10:00:40,950,6\nbob,Day 1,2026-03-02 10:01,310,2\n"
                + "dana,Day 1,2026-03-02 10:00,70,1\nlena,Day 2,2026-03-03 10:00,120,2\n");
        // "@lena" and "Lena" at 10:00 and 10:00:40 are one video (950 views, 6 saves), as are Lena's two "Day 2" rows
        // (120, 2); bob's rows a minute apart, and carl's and dana's (other accounts), are not: 950 + 120 + 300 + 310
        // + 40 + 70 = 1,790 views, 6 + 2 + 1 + 2 + 1 + 1 = 13 saves, 6 videos.
        Dataset d = load(a, b);
        assertEquals(6, d.videos().rowCount());
        assertEquals(1_790, sum(d, "views"));
        assertEquals(13, sum(d, "saves"));
        assertEquals(2, d.load().rowsMerged());
    }
}
