package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Daily rows are checked against the videos and against each other across files. Fixture:
 * tests/fixtures/formats/daily-checks (two videos posted 2026-03-01 and 2026-03-05; two daily downloads named
 * 2026-03-10 and 2026-03-20 that share two video-days, one with other counts; a day of an unknown video 999, a day
 * long before a posting day, a day after the date in its file's name (kept: the name only orders the files), and a
 * day one before a posting day, which time zones allow).
 */
class DailyChecksTest {
    private static final Path DIR = Path.of("tests", "fixtures", "formats", "daily-checks");

    @TempDir
    Path dir;

    @Test
    void overlappingDownloadsKeepTheLaterExportsDayAndBadDaysAreRejectedWithTheirPlace() {
        // The later download is named first: the dates in the names, not the order, say which is later.
        Path later = DIR.resolve("daily_2026-03-20.csv");
        Path earlier = DIR.resolve("daily_2026-03-10.csv");
        Dataset d = Loader.load(List.of(DIR.resolve("videos.csv"), later, earlier), Loader.Options.defaults());
        // Kept by hand: from the later file 02-28, 03-03, 03-04, 03-06 (saves 5), 03-07, 03-25; from the earlier
        // 03-01, 03-02, 03-05. Saves 0 + 1 + 1 + 5 + 2 + 1 + 4 + 2 + 3 = 19; summing both files' rows gave 28.
        // 03-25 lies after the date in its file's name, which only orders the files: the day is kept (saves 1).
        assertEquals(9, d.daily().rowCount());
        assertEquals(19L, (long) d.daily().longColumn(Canonical.SAVES).sum());
        SourceReport late = d.load().sources().get(1);
        SourceReport early = d.load().sources().get(2);
        assertEquals(6, late.rowsRead());
        assertEquals(6, late.rowsUsed());
        assertEquals(List.of(), late.rejections());
        assertEquals(7, early.rowsRead());
        assertEquals(3, early.rowsUsed());
        String kept = "; its row was kept, so the day is counted once";
        assertEquals(List.of(
                earlier + ":video 7600000000000000001, 2026-03-03: the same video and day is given by " + later
                        + ", a later export" + kept,
                earlier + ":video 7600000000000000002, 2026-03-06: the same video and day is given by " + later
                        + ", a later export with other counts" + kept,
                earlier + ":video 999, 2026-03-06: the video is not in the videos data, so its day cannot be placed; "
                        + "the row was not used",
                earlier + ":video 7600000000000000001, 2026-02-20: the day is before the video was posted (2026-03-01); "
                        + "the row was not used"),
                early.rejections().stream().map(Rejection::toString).toList());
        assertEquals(4, d.load().rowsRejected());
        assertEquals(List.of("2 daily rows give a video's day that another daily file gives as well (first: video "
                + "7600000000000000001 on 2026-03-03 (" + earlier + " and " + later + ")); each such day keeps the row "
                + "of the later export, so no day is counted twice; 1 of them had other counts than the later export "
                + "(first: video 7600000000000000002 on 2026-03-06 (" + earlier + " and " + later + "))."),
                d.load().warnings());
    }

    @Test
    void withoutDatesInTheNamesTheFileReadLaterWinsAndNoDayMayBeAfterToday() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        String header = "video_id,date,views,likes,comments,shares,saves\n";
        Files.writeString(a, header + "7600000000000000001,2026-03-02,50,5,0,0,2\n"
                + "7600000000000000001,2099-01-01,1,0,0,0,1\n");
        Files.writeString(b, header + "7600000000000000001,2026-03-02,55,5,0,0,3\n");
        Dataset d = Loader.load(List.of(DIR.resolve("videos.csv"), a, b), Loader.Options.defaults());
        assertEquals(List.of(3L), d.daily().longColumn(Canonical.SAVES).asList());
        List<String> reasons = d.load().sources().get(1).rejections().stream().map(Rejection::message).toList();
        assertEquals(2, reasons.size());
        assertEquals("the same video and day is given by " + b + ", a later export with other counts; its row was "
                + "kept, so the day is counted once", reasons.get(0));
        assertEquals(true, reasons.get(1).startsWith("the day is after today ("), reasons.get(1));
    }

    /**
     * Numeric ids are looked up as numbers, others as text; either way an id matches only the same text: "0123"
     * is not video 123, and a daily "123" is not video "abc" (ids by hand; both files' days lie after posting).
     */
    @Test
    void idsMatchOnlyTheSameTextWhetherLookedUpAsNumbersOrAsText() throws Exception {
        String daily = "video_id,date,views,likes,comments,shares,saves\n";
        Path numeric = dir.resolve("numeric.csv");
        Files.writeString(numeric, "video_id,title,post_time,views,likes,comments,shares,saves\n"
                + "123,One,2026-03-01T10:00:00Z,10,1,0,0,1\n"
                + "9223372036854775807,Two,2026-03-01T10:00:00Z,10,1,0,0,1\n");
        Path numericDaily = dir.resolve("numeric-daily.csv");
        Files.writeString(numericDaily, daily + "123,2026-03-02,5,0,0,0,1\n0123,2026-03-02,5,0,0,0,1\n"
                + "9223372036854775807,2026-03-02,5,0,0,0,1\n9223372036854775808,2026-03-02,5,0,0,0,1\n");
        Dataset d = Loader.load(List.of(numeric, numericDaily), Loader.Options.defaults());
        assertEquals(List.of("123", "9223372036854775807"), d.daily().stringColumn(Canonical.VIDEO_ID).asList());
        assertEquals(List.of("0123", "9223372036854775808"), d.load().sources().get(1).rejections().stream()
                .map(r -> r.location().replaceAll("^video (\\S+),.*", "$1")).toList());

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "video_id,title,post_time,views,likes,comments,shares,saves\n"
                + "abc,One,2026-03-01T10:00:00Z,10,1,0,0,1\n123,Two,2026-03-01T10:00:00Z,10,1,0,0,1\n");
        Path textDaily = dir.resolve("text-daily.csv");
        Files.writeString(textDaily, daily + "abc,2026-03-02,5,0,0,0,1\n0123,2026-03-02,5,0,0,0,1\n"
                + "123,2026-03-02,5,0,0,0,1\nABC,2026-03-02,5,0,0,0,1\n");
        Dataset t = Loader.load(List.of(text, textDaily), Loader.Options.defaults());
        assertEquals(List.of("abc", "123"), t.daily().stringColumn(Canonical.VIDEO_ID).asList());
        assertEquals(2, t.load().sources().get(1).rejections().size());
    }
}
