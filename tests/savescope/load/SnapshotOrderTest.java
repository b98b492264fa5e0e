package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;

/**
 * Which of two snapshots of a video is newer: the time in the file or ZIP name, else a scrape-time column, else the
 * modification time; and what the load report says about it.
 */
class SnapshotOrderTest {
    @Test
    void fileAndZipNamesCarryTheExportTime() {
        assertEquals(Instant.parse("2026-10-23T00:00:00Z"), Loader.namedTime("videos_2026-10-23.csv"));
        // The name of tests/fixtures/public/apify-scraper-flat.json at its source (see SOURCES.md).
        assertEquals(Instant.parse("2025-07-31T01:55:06Z"),
                Loader.namedTime("dataset_tiktok-scraper_2025-07-31_01-55-06-405.json"));
        assertEquals(Instant.parse("2025-07-31T00:00:00Z"), Loader.namedTime("export_20250731.csv"));
        assertEquals(Instant.parse("2025-07-31T01:55:06Z"), Loader.namedTime("export_20250731_015506.csv"));
        assertEquals(Instant.parse("2025-07-31T00:00:00Z"), Loader.namedTime("scrape 2025.07.31.csv"));
        assertNull(Loader.namedTime("videos.csv"));
        assertNull(Loader.namedTime("7450000000000000001.json"), "a video id is no date");
        assertNull(Loader.namedTime("videos_2025-13-01.csv"), "month 13");
        // Studio ZIPs: the epoch is the export time (1736230000 s = 2025-01-07T06:06:40Z), not the date beside it.
        assertEquals(Instant.parse("2025-01-07T06:06:40Z"),
                Loader.zipExportTime("Content_2025-01-07_1736230000_handle.zip"));
        assertNull(Loader.zipExportTime("Content_2025-01-07_0000000123_handle.zip"), "no time since 2010");
    }

    @Test
    void scrapeTimeColumnsAreFoundByTheirUsualNames() {
        assertEquals(4, SnapshotOrder.scrapeColumn(List.of("vid_id", "vid_caption", "vid_postTime", "vid_nview",
                "vid_scrapeTime")));
        assertEquals(1, SnapshotOrder.scrapeColumn(List.of("id", "Scraped At", "collected_at")));
        assertEquals(0, SnapshotOrder.scrapeColumn(List.of("crawled_at")));
        assertEquals(0, SnapshotOrder.scrapeColumn(List.of("fetchedAt")));
        assertEquals(-1, SnapshotOrder.scrapeColumn(List.of("createTime", "collectCount", "Post time", "Date")));
    }

    @Test
    void datesInTheFileNamesOrderTheSnapshotsAndTheReportSaysSo() {
        Dataset d = LoaderFormatsTest.load("snapshots");
        assertEquals(List.of("snapshot order: from the dates in the file names (videos_2025-03-02.csv < "
                + "videos_2025-03-09.csv < videos_2025-03-16.csv)"), d.load().assumptions());
    }

    @Test
    void aScrapeTimeColumnOrdersFilesWhoseNamesHaveNoDate() {
        // feed-a.csv is loaded first but was scraped on 31 July, feed-b.csv on 24 July: feed-a's counts are newer.
        Dataset d = LoaderFormatsTest.load("scrapes");
        Table v = d.videos().sortAscendingOn("video_id");
        assertEquals(List.of(12_000L, 5_400L), LoaderFormatsTest.longs(v, "views"));
        assertEquals(List.of(610L, 150L), LoaderFormatsTest.longs(v, "saves"));
        assertEquals(List.of(Instant.parse("2025-07-24T09:10:00Z"), Instant.parse("2025-07-31T01:55:06Z"),
                Instant.parse("2025-07-24T09:10:02Z"), Instant.parse("2025-07-31T01:55:09Z")),
                d.snapshots().instantColumn("taken_at").asList());
        assertEquals(List.of("snapshot order: from each row's scrape time (feed-b.csv: column \"scrapedAt\", "
                + "2025-07-24 09:10 UTC; feed-a.csv: column \"scrapedAt\", 2025-07-31 01:55 UTC)"), d.load().assumptions());
        assertEquals(List.of("2 rows repeated videos already seen (the same id in several files or snapshots); each "
                + "video keeps its latest counts and the earlier ones form its snapshot series."), d.load().warnings());
    }

    @Test
    void jsonItemsCarryTheirScrapeTimeToo(@TempDir Path dir) throws Exception {
        String item = "{\"id\":\"7520000000000000001\",\"createTimeISO\":\"2025-07-20T17:00:00.000Z\","
                + "\"scrapedAt\":\"%s\",\"playCount\":%d,\"collectCount\":%d}\n";
        Files.writeString(dir.resolve("a.jsonl"), String.format(item, "2025-07-31T01:55:06Z", 12_000, 610));
        Files.writeString(dir.resolve("b.jsonl"), String.format(item, "2025-07-24T09:10:00Z", 7_000, 380));
        Dataset d = Loader.load(List.of(dir), Loader.Options.defaults());
        // a.jsonl is read first but scraped later: its 610 saves are the video's latest.
        assertEquals(List.of(610L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of("snapshot order: from each row's scrape time (b.jsonl: column \"scrapedAt\", "
                + "2025-07-24 09:10 UTC; a.jsonl: column \"scrapedAt\", 2025-07-31 01:55 UTC)"), d.load().assumptions());
    }

    @Test
    void aFileInsideAZipTakesTheDateInTheZipsName(@TempDir Path dir) throws Exception {
        // The newer snapshot (videos_2025-03-09.csv: video 1 at 400 views) goes into the ZIP that sorts first.
        zip(dir.resolve("a_2025-03-09.zip"), LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-09.csv"));
        zip(dir.resolve("b_2025-03-02.zip"), LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-02.csv"));
        Dataset d = Loader.load(List.of(dir), Loader.Options.defaults());
        assertEquals(List.of(400L, 90L), LoaderFormatsTest.longs(d.videos().sortAscendingOn("video_id"), "views"));
        assertEquals(List.of("snapshot order: from the dates in the file names (b_2025-03-02.zip!/videos.csv < "
                + "a_2025-03-09.zip!/videos.csv)"), d.load().assumptions());
    }

    private static void zip(Path zip, Path entry) throws Exception {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("videos.csv"));
            out.write(Files.readAllBytes(entry));
            out.closeEntry();
        }
    }

    @Test
    void modificationTimesDecideLastAndEqualOnesAreWarnedAbout(@TempDir Path dir) throws Exception {
        Path older = dir.resolve("b-older.csv");
        Path newer = dir.resolve("a-newer.csv");
        Files.copy(LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-02.csv"), older);
        Files.copy(LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-09.csv"), newer);
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2025-03-02T10:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2025-03-09T10:00:00Z")));
        Dataset byTime = Loader.load(List.of(dir), Loader.Options.defaults());
        // a-newer.csv (video 1: 400 views) is read first but modified later, so it wins over b-older.csv (100).
        assertEquals(List.of(400L, 90L), LoaderFormatsTest.longs(byTime.videos().sortAscendingOn("video_id"), "views"));
        assertEquals(List.of("snapshot order: from the files' modification times (b-older.csv < a-newer.csv); a date "
                + "in each file name (videos_2025-07-31.csv) would make it certain"), byTime.load().assumptions());
        assertEquals(1, byTime.load().warnings().size(), "only the note on repeated videos");

        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2025-03-09T10:00:00Z")));
        Dataset tied = Loader.load(List.of(dir), Loader.Options.defaults());
        // Same time: the file loaded last (b-older.csv) wins, and the report says the order is unknown.
        assertEquals(List.of(100L, 50L), LoaderFormatsTest.longs(tied.videos().sortAscendingOn("video_id"), "views"));
        assertEquals(List.of("The order of the snapshots a-newer.csv, b-older.csv is unknown: they carry no export "
                + "time (none in their names, no scrape-time column) and share one modification time (as files checked "
                + "out by git do); the one loaded last was taken as the newest. Put the export date in each file name "
                + "(videos_2025-07-31.csv) to set the order."), tied.load().warnings().subList(0, 1));
    }

    @Test
    void aFoldersFilesAreReadWithTheirNumbersInNumericOrder(@TempDir Path dir) throws Exception {
        // Weekly sheets with one modification time (as git checks them out): "week 10" is read after "week 9", so
        // it is the newest when nothing else tells (video 1: 400 views in week 10, 100 in week 9).
        Path week9 = dir.resolve("week 9.csv");
        Path week10 = dir.resolve("week 10.csv");
        Files.copy(LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-02.csv"), week9);
        Files.copy(LoaderFormatsTest.DIR.resolve("snapshots/videos_2025-03-09.csv"), week10);
        FileTime same = FileTime.from(Instant.parse("2025-03-09T10:00:00Z"));
        Files.setLastModifiedTime(week9, same);
        Files.setLastModifiedTime(week10, same);
        Dataset d = Loader.load(List.of(dir), Loader.Options.defaults());
        assertEquals(List.of(400L, 90L), LoaderFormatsTest.longs(d.videos().sortAscendingOn("video_id"), "views"));
        assertTrue(d.load().warnings().get(0).startsWith("The order of the snapshots week 9.csv, week 10.csv is unknown"),
                d.load().warnings().get(0));
        List<String> names = List.of("a10.csv", "a9.csv", "a010.csv", "a09.csv", "b.csv", "a.csv", "a9b.csv", "a9a.csv");
        List<String> sorted = names.stream().map(Path::of).sorted(Loader::naturalOrder).map(Path::toString).toList();
        assertEquals(List.of("a.csv", "a9.csv", "a09.csv", "a9a.csv", "a9b.csv", "a10.csv", "a010.csv", "b.csv"), sorted);
    }

    @Test
    void aFileWithoutADateNextToAStudioDownloadTakesItsExportTime() {
        Dataset d = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        assertEquals(List.of("snapshot order: videos_2026-10-23.csv (the date in its name) < videos_2026-11-06.csv "
                + "(the date in its name) < videos.csv (the export time of the Studio download beside it, 2026-11-20 "
                + "09:00 UTC)"), d.load().assumptions());
    }
}
