package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static savescope.load.LoaderFormatsTest.load;
import static savescope.load.LoaderFormatsTest.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.metrics.Totals;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;

/**
 * The standard TikTok Studio download (Content, Overview, Viewers, Followers; no saves anywhere) is read as
 * what it is: the Content tables become the videos, without saves. Fixture: tests/fixtures/formats/studio-no-saves,
 * two Content downloads a week apart (epochs 1767430800 = 2026-01-03 09:00 UTC and 1768035600 = 2026-01-10).
 */
class LoaderNoSavesTest {
    @TempDir
    Path dir;

    @Test
    void twoContentDownloadsAreTheVideosWithTheirLatestCountsAndNoSaves() {
        Dataset d = load("studio-no-saves");
        Table v = d.videos().sortAscendingOn("video_id");
        // Videos ...000 (only in the first download), ...001 and ...002 (in both), ...003 (only in the second).
        assertEquals(List.of("7520000000000000000", "7520000000000000001", "7520000000000000002", "7520000000000000003"),
                v.stringColumn("video_id").asList());
        assertEquals(List.of(18_250L, 2_950L, 3_900L, 4_800L), longs(v, "views"));
        assertEquals(List.of(1_204L, 175L, 240L, 310L), longs(v, "likes"));
        assertEquals(List.of(31L, 12L, 11L, 22L), longs(v, "comments"));
        assertEquals(List.of(17L, 8L, 9L, 41L), longs(v, "shares"));
        assertEquals(Arrays.asList(null, null, null, null), longs(v, "saves"), "saves are missing, never zero");
        // Totals by hand: views 18,250 + 2,950 + 3,900 + 4,800; likes 1,204 + 175 + 240 + 310.
        Totals t = Totals.of(d.videos());
        assertEquals(29_900L, t.views());
        assertEquals(1_929L, t.likes());
        assertEquals(null, t.saves());
        // "December 28" with no year, in a download of 2026-01-03: 2025-12-28.
        assertEquals(Instant.parse("2025-12-28T00:00:00Z"), v.instantColumn("posted_at").get(1));
        assertEquals(List.of("@demo"), d.videos().stringColumn("account").unique().asList());

        // The earlier counts of the two repeated videos are their snapshots, at each download's export time.
        Table s = d.snapshots();
        assertEquals(List.of("7520000000000000001", "7520000000000000001", "7520000000000000002", "7520000000000000002"),
                s.stringColumn("video_id").asList());
        assertEquals(List.of(2_500L, 2_950L, 1_500L, 3_900L), longs(s, "views"));
        assertEquals(List.of(Instant.ofEpochSecond(1767430800L), Instant.ofEpochSecond(1768035600L),
                Instant.ofEpochSecond(1767430800L), Instant.ofEpochSecond(1768035600L)), s.instantColumn("taken_at").asList());
        assertEquals(2, d.load().rowsMerged());

        List<SourceReport> content = d.load().sources().stream()
                .filter(r -> r.format().equals("TikTok Studio Content (no saves)")).toList();
        assertEquals(2, content.size());
        assertTrue(content.stream().allMatch(r -> r.kind().equals(SourceReport.VIDEOS)));
        assertEquals(List.of("saves"), content.get(0).missingMetrics());
        assertTrue(content.get(0).warnings().contains("This source carries no saves count; its saves are missing, "
                + "not zero."), content.get(0).warnings().toString());
        assertEquals(List.of("saves"), d.load().metricsMissingEverywhere());
        // Channel tables stay channel tables.
        assertEquals(List.of(100L, 200L, 300L, 400L), longs(d.channelTable("Overview").orElseThrow(), "video_views"));
        assertTrue(d.channelTable("Content").isEmpty(), "the Content rows are the videos, not a table beside them");
        assertEquals(0, d.load().rowsRejected());
    }

    @Test
    void looseContentFilesAreOrderedByTheirOwnTimeColumn() throws Exception {
        // Two unzipped downloads in folders of their own: no ZIP epoch, no date in the name; "Time" orders them.
        String header = "\uFEFF\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\","
                + "\"Total shares\",\"Total views\"\n";
        String link = "https://www.tiktok.com/@demo/video/7520000000000000009";
        Path later = dir.resolve("a").resolve("Content.csv");
        Path earlier = dir.resolve("b").resolve("Content.csv");
        Files.createDirectories(later.getParent());
        Files.createDirectories(earlier.getParent());
        Files.writeString(later, header + "\"2026-02-10 09:00:00\",\"Sourdough\",\"" + link + "\",\"2026-02-01 18:00:00\",\"20\",\"2\",\"1\",\"900\"");
        Files.writeString(earlier, header + "\"2026-02-03 09:00:00\",\"Sourdough\",\"" + link + "\",\"2026-02-01 18:00:00\",\"10\",\"1\",\"0\",\"400\"");
        Dataset d = Loader.load(List.of(dir), Loader.Options.defaults());
        assertEquals(List.of(900L), longs(d.videos(), "views"), "the later Time wins although its file is read first");
        assertEquals(List.of(400L, 900L), longs(d.snapshots(), "views"));
    }

    @Test
    void contentBesidePerVideoDataWithSavesStaysAChannelTable() {
        Dataset d = load("studio-folder");
        assertEquals(List.of(60L, 110L), longs(d.videos(), "saves"));
        assertEquals(List.of(1_500L), longs(d.channelTable("Content").orElseThrow(), "views"));
        assertFalse(d.load().sources().stream().anyMatch(r -> r.format().equals("TikTok Studio Content (no saves)")));
    }

    @Test
    void mapAppliesToStudioFilesToo() {
        // A Content file with a saves column the user names: read as per-video data with saves.
        Dataset d = load(Map.of("saves", "Total shares"), "studio-no-saves");
        assertEquals(List.of(17L, 8L, 9L, 41L), longs(d.videos().sortAscendingOn("video_id"), "saves"));
        // One column feeds one field: the mapped column is now the saves, so shares are missing, not read twice.
        assertEquals(List.of("shares"), d.load().metricsMissingEverywhere());
        assertTrue(d.load().allAssumptions().stream().anyMatch(a -> a.endsWith("saves read from \"Total shares\" (--map)")),
                d.load().allAssumptions().toString());
    }

    @Test
    void aMappingNeverTurnsTheDailyOverviewIntoVideos() {
        // "Likes" and "Shares" are Overview headers too; the Overview's rows stay days of the channel.
        Dataset d = load(Map.of("saves", "Total shares", "likes", "Total likes"), "studio-no-saves");
        assertEquals(4, d.videos().rowCount());
        assertEquals(List.of(100L, 200L, 300L, 400L), longs(d.channelTable("Overview").orElseThrow(), "video_views"));
        Dataset shares = load(Map.of("saves", "Shares"), "studio-no-saves");
        assertEquals(4, shares.channelTable("Overview").orElseThrow().rowCount());
        assertEquals(4, shares.videos().rowCount());
    }

    @Test
    void onlyChannelTablesAndNoVideosAtAllIsStillRefused() throws Exception {
        Path overview = dir.resolve("Overview.csv");
        Files.writeString(overview, "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n"
                + "\"2026-01-01\",\"1\",\"2\",\"3\",\"4\",\"5\"\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> Loader.load(List.of(overview), Loader.Options.defaults()));
        assertEquals(overview + ": found only TikTok Studio Overview (channel) and no per-video data; expected "
                + "per-video data as well (the Studio Content download, the Studio per-video export with \"Add to "
                + "Favorites\", web-item JSON or CSV, API JSON, or the canonical CSV).", e.getMessage());
    }
}
