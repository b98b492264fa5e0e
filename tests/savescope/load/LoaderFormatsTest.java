package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.model.Dataset;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/** One small fixture per format and per quirk (tests/fixtures/formats), with the exact values each must give. */
class LoaderFormatsTest {
    static final Path DIR = Path.of("tests", "fixtures", "formats");

    static Dataset load(String... names) {
        return load(Map.of(), names);
    }

    static Dataset load(Map<String, String> map, String... names) {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(DIR.resolve(n));
        }
        return Loader.load(paths, new Loader.Options(map, ContentTypes.defaults()));
    }

    static String f(String name) {
        return DIR.resolve(name).toString();
    }

    /** A count column as a list, null where missing. */
    static List<Long> longs(Table t, String column) {
        LongColumn c = t.longColumn(column);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.isMissing(i) ? null : c.getLong(i));
        }
        return out;
    }

    static List<String> rejections(Dataset d) {
        return d.load().rejections().stream().map(Rejection::toString).toList();
    }

    @Test
    void studioPerVideoExportWithBomQuotesAndNoTrailingNewline() {
        Dataset d = load("studio-per-video.csv");
        Table v = d.videos();
        assertEquals(List.of("7450000000000000001", "7450000000000000002", "7450000000000000003"),
                v.stringColumn("video_id").asList(), "ids come from the video and photo links");
        assertEquals(List.of("Lemon tart, step by step #tutorial", "Photo: flour guide #howto",
                "Too many \"quotes\", and a comma"), v.stringColumn("title").asList());
        // "1,234" -> 1234, "3.4M" -> 3,400,000, "800"
        assertEquals(List.of(1_234L, 3_400_000L, 800L), longs(v, "views"));
        // "1.2K" -> 1200, "12,500", "40"
        assertEquals(List.of(1_200L, 12_500L, 40L), longs(v, "likes"));
        // "-" is missing, not zero
        assertEquals(java.util.Arrays.asList(null, 310L, 2L), longs(v, "comments"));
        // "1 234" -> 1234; "undefined" is missing
        assertEquals(java.util.Arrays.asList(12L, 1_234L, null), longs(v, "shares"));
        // "98,765" -> 98765
        assertEquals(List.of(56L, 98_765L, 7L), longs(v, "saves"));
        assertEquals(0.0, v.doubleColumn("duration_s").get(1), "a photo post keeps duration 0");
        assertEquals(Instant.parse("2024-12-20T18:30:00Z"), v.instantColumn("posted_at").get(0));
        assertEquals("TikTok Studio per-video export", d.load().sources().get(0).format());
        assertEquals(0, d.load().rowsRejected());
    }

    @Test
    void handKeptSheetReadsNumberQuirksAndRejectsWhatIsNotACount() {
        Dataset d = load("handkept-quirks.csv");
        Table v = d.videos();
        // "1.234" (de/pt) and "1 234" -> 1234; "343296.0" -> 343296
        assertEquals(List.of(1_234L, 1_234L, 5_000L, 343_296L, 700L), longs(v, "views"));
        // "3." -> 3; a blank saves cell is missing
        assertEquals(java.util.Arrays.asList(9L, 17L, 3L, 5L, null), longs(v, "saves"));
        assertEquals(8, d.load().rowsRead());
        assertEquals(5, d.load().rowsUsed());
        String file = f("handkept-quirks.csv");
        assertEquals(List.of(
                file + ":6:8: column \"Total saves\": expected a count, found a percentage \"12.5%\"",
                file + ":7:8: column \"Total saves\": expected a count of zero or more, found a negative number \"-5\"",
                file + ":8:4: column \"Total views\": expected a number, found \"12a\""), rejections(d));
        assertEquals(LocalDate.of(2024, 9, 9), LocalDate.ofInstant(v.instantColumn("posted_at").get(0), java.time.ZoneOffset.UTC));
    }

    @Test
    void canonicalCsvWithOffsetsPhotoPostsAndAMissingSave() {
        Dataset d = load("canonical.csv");
        Table v = d.videos();
        assertEquals(List.of("7400000000000000001", "7400000000000000002", "7400000000000000003"),
                v.stringColumn("video_id").asList());
        assertEquals(Instant.parse("2024-09-02T07:15:00Z"), v.instantColumn("posted_at").get(1), "+02:00 becomes UTC");
        assertEquals(java.util.Arrays.asList(250L, 40L, null), longs(v, "saves"));
        assertEquals(List.of("tutorial", "photo", "comedy"), v.stringColumn("content_type").asList());
        assertEquals(62.5, v.doubleColumn("duration_s").get(0));
        assertEquals("canonical CSV", d.load().sources().get(0).format());
    }

    @Test
    void anyCsvWithAColumnMapping() {
        Dataset d = load(Map.of("video_id", "Clip", "posted_at", "Uploaded", "views", "Plays", "saves", "Favorites"),
                "mapped.csv");
        Table v = d.videos();
        assertEquals(List.of("a1", "a2"), v.stringColumn("video_id").asList());
        assertEquals(List.of(500L, 1_500L), longs(v, "views"));
        assertEquals(List.of(25L, 30L), longs(v, "saves"));
        // "Hearts" is a common name for likes: read without a mapping, and said so.
        assertEquals(List.of(50L, 90L), longs(v, "likes"));
        assertEquals(List.of("comments", "shares"), d.load().sources().get(0).missingMetrics());
        assertEquals(List.of("video_id read from \"Clip\" (--map)", "posted_at read from \"Uploaded\" (--map)",
                "views read from \"Plays\" (--map)", "likes read from \"Hearts\"",
                "saves read from \"Favorites\" (--map)"),
                d.load().sources().get(0).assumptions());
    }

    @Test
    void mappingLeavesStudioChannelTablesAlone() {
        Dataset d = load(Map.of("saves", "Add to Favorites"), "studio-folder");
        assertEquals(4, d.channelTable("Overview").orElseThrow().rowCount());
        assertEquals(List.of(60L, 110L), longs(d.videos(), "saves"));
    }

    @Test
    void mappingAlsoAppliesToSpreadsheets() {
        // Read views from the Likes column, to prove the mapping wins over the known header "Video views".
        Dataset d = load(Map.of("views", "Likes"), "studio-per-video.xlsx");
        assertEquals(List.of(900L, 700L), longs(d.videos(), "views"));
    }

    @Test
    void xlsxSheetsAreReadExactlyAndRejectionsNameTheCell() {
        Dataset d = load("studio-per-video.xlsx");
        Table v = d.videos();
        assertEquals(List.of("7540000000000000001", "7540000000000000003"), v.stringColumn("video_id").asList());
        assertEquals(List.of(12_000L, 8_000L), longs(v, "views"));
        assertEquals(List.of(410L, 275L), longs(v, "saves"));
        assertEquals(64.5, v.doubleColumn("duration_s").get(1));
        assertEquals(Instant.parse("2025-04-01T18:00:00Z"), v.instantColumn("posted_at").get(0), "a date cell");
        assertEquals(List.of(f("studio-per-video.xlsx") + ":Videos!H3: column \"Add to Favorites\": expected a number, "
                + "found \"lots\""), rejections(d));
        assertEquals(1, d.load().sources().size(), "the Notes sheet is skipped");
    }

    @Test
    void dailyFileIsTheDailySeriesAndRejectsANegativeIncrement() {
        Dataset d = load("canonical.csv", "daily.csv");
        assertEquals(2, d.daily().rowCount());
        assertEquals(List.of(150L, 100L), longs(d.daily(), "saves"));
        assertEquals(List.of(f("daily.csv") + ":4:3: column \"views\": expected a count of zero or more, found a "
                + "negative number \"-3\""), rejections(d));
    }

    @Test
    void researchApiOneResponse() {
        Dataset d = load("research-api.json");
        Table v = d.videos();
        assertEquals(List.of("7460000000000000001", "7460000000000000002"), v.stringColumn("video_id").asList());
        assertEquals(List.of(120L, 80L), longs(v, "saves"));
        assertEquals(List.of(4_000L, 2_000L), longs(v, "views"));
        // create_time 1735003600 = 2024-12-24T01:26:40Z
        assertEquals(Instant.parse("2024-12-24T01:26:40Z"), v.instantColumn("posted_at").get(0));
        assertEquals("recipe baking", v.stringColumn("hashtags").get(0));
        assertEquals("demo", v.stringColumn("account").get(0));
        assertEquals("TikTok Research API JSON", d.load().sources().get(0).format());
    }

    @Test
    void researchApiArrayOfResponsesLocatesRejectionsByJsonPointer() {
        Dataset d = load("research-api-array.json");
        assertEquals(List.of(120L, 80L), longs(d.videos(), "saves"));
        assertEquals(List.of(f("research-api-array.json") + ":/1/data/videos/1/favorites_count: column "
                + "\"favorites_count\": expected a number, found \"12x\""), rejections(d));
    }

    @Test
    void researchApiJsonLinesOfPages() {
        Dataset d = load("research-api-pages.jsonl");
        assertEquals(List.of(120L, 80L), longs(d.videos(), "saves"));
        assertEquals(List.of(f("research-api-pages.jsonl") + ":2:/data/videos/1/favorites_count: column "
                + "\"favorites_count\": expected a count of zero or more, found a negative number \"-1\""), rejections(d));
    }

    @Test
    void displayApiHasNoSavesAndSaysSo() {
        Dataset d = load("display-api.json");
        assertEquals(java.util.Arrays.asList((Long) null), longs(d.videos(), "saves"));
        assertEquals(List.of(1_800L), longs(d.videos(), "views"));
        SourceReport s = d.load().sources().get(0);
        assertEquals("TikTok Display API JSON (no saves)", s.format());
        assertEquals(List.of("saves"), s.missingMetrics());
        assertEquals(List.of("This source carries no saves count; its saves are missing, not zero."), s.warnings());
        assertEquals(List.of("saves"), d.load().metricsMissingEverywhere());
    }

    @Test
    void businessApiVideoList() {
        Dataset d = load("business-api.json");
        Table v = d.videos();
        assertEquals("7480000000000000001", v.stringColumn("video_id").get(0));
        assertEquals(List.of(210L), longs(v, "saves"));
        assertEquals(58.4, v.doubleColumn("duration_s").get(0));
        assertEquals("TikTok Business API JSON", d.load().sources().get(0).format());
    }

    @Test
    void webItemsFlatJsonWithMissingValues() {
        Dataset d = load("web-items-flat.json");
        Table v = d.videos();
        assertEquals(java.util.Arrays.asList(900L, null), longs(v, "saves"), "null collectCount is missing");
        assertEquals(java.util.Arrays.asList(44L, null), longs(v, "shares"), "\"n/a\" is missing");
        assertEquals("tutorial baking", v.stringColumn("hashtags").get(0));
        assertEquals(Instant.parse("2025-01-16T04:00:00Z"), v.instantColumn("posted_at").get(0));
        assertEquals("web-item JSON (flat)", d.load().sources().get(0).format());
    }

    @Test
    void webItemsNestedJsonLinesWithAPhotoPost() {
        Dataset d = load("web-items-nested.jsonl");
        Table v = d.videos();
        assertEquals(List.of(98_400L, 4_000L), longs(v, "views"));
        assertEquals(List.of(2_100L, 300L), longs(v, "saves"));
        assertEquals(0.0, v.doubleColumn("duration_s").get(1), "imagePost: duration 0");
        assertEquals(List.of("recipe", "howto"), v.stringColumn("hashtags").asList(), "challenges and textExtra");
    }

    @Test
    void mangledIdsAreWarnedAboutAndNeverMerged() {
        Dataset d = load("web-items-dotted.csv");
        Table v = d.videos();
        String file = f("web-items-dotted.csv");
        // Two rows share the rounded id 7.37023E+18: both stay, each under its own row id.
        assertEquals(List.of(file + "#2", file + "#3", "7510000000000000003"), v.stringColumn("video_id").asList());
        assertEquals(List.of(50L, 60L, 70L), longs(v, "saves"));
        assertEquals(List.of("2 video ids were rounded by a spreadsheet (the first: \"7.37023E+18\" at 2:1) and no longer "
                + "identify videos: 0 recovered from the video link, 2 rows kept each as its own video and never merged."),
                d.load().sources().get(0).warnings());
        assertEquals(0, d.load().rowsMerged());
    }

    @Test
    void instagramPostExport() {
        Dataset d = load("instagram-posts.csv");
        Table v = d.videos();
        assertEquals(List.of(120L, 95L), longs(v, "saves"));
        assertEquals(Instant.parse("2024-10-01T10:00:00Z"), v.instantColumn("posted_at").get(0), "+0000 offset");
        assertEquals("demo.ig", v.stringColumn("account").get(0));
        assertEquals("Instagram / Meta post export", d.load().sources().get(0).format());
    }

    @Test
    void commentsKeepNoUserFieldsAndRejectBadRows() {
        Dataset d = load("canonical.csv", "comments.json");
        Table c = d.comments();
        assertEquals(List.of("video_id", "text", "likes", "created_at"), c.columnNames());
        assertEquals(List.of("7400000000000000001"), c.stringColumn("video_id").asList());
        assertEquals(List.of("saved this!"), c.stringColumn("text").asList());
        assertEquals(List.of(3L), longs(c, "likes"));
        String file = f("comments.json");
        assertEquals(List.of(file + ":/1/text: expected the comment text, found nothing",
                file + ":/2/digg_count: expected a number, found \"many\""), rejections(d));
    }

    @Test
    void studioFolderWithZipsChannelTablesAndYearlessDates() {
        Dataset d = load("studio-folder");
        Table overview = d.channelTable("Overview").orElseThrow();
        // The ZIP name's epoch 1767430800 is 2026-01-03 09:00 UTC; rows run oldest to newest across New Year.
        assertEquals(List.of(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 2)), overview.dateColumn("date").asList());
        assertEquals(List.of(100L, 200L, 300L, 400L), longs(overview, "video_views"));
        Table history = d.channelTable("FollowerHistory").orElseThrow();
        // Recomputed from the totals 1000, 1010, 1035 (the file's own column is a day off).
        assertEquals(java.util.Arrays.asList(null, 10L, 25L), longs(history, "difference"));
        Table viewers = d.channelTable("Viewers").orElseThrow();
        assertEquals(java.util.Arrays.asList(50L, null), longs(viewers, "total_viewers"), "undefined is missing");
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)), viewers.dateColumn("date").asList());
        assertEquals(List.of(0.71, 0.27, 0.02), d.channelTable("FollowerGender").orElseThrow().doubleColumn("share").asList());
        assertEquals(List.of(0.5, 0.25), d.channelTable("FollowerTopTerritories").orElseThrow().doubleColumn("share").asList());
        assertEquals(List.of(20, 21), d.channelTable("FollowerActivity").orElseThrow().intColumn("hour").asList());
        Table content = d.channelTable("Content").orElseThrow();
        assertEquals(List.of(1_500L), longs(content, "views"));
        assertEquals(java.util.Arrays.asList((Long) null), longs(content, "saves"));

        Table v = d.videos();
        assertEquals(List.of("7520000000000000002", "7520000000000000001"), v.stringColumn("video_id").asList());
        // "December 28" with no year, exported on 2026-01-03: the latest December 28 before then.
        assertEquals(Instant.parse("2025-12-28T00:00:00Z"), v.instantColumn("posted_at").get(1));
        assertEquals(List.of(60L, 110L), longs(v, "saves"));
        assertTrue(d.load().warnings().contains(f("studio-folder/Viewers.csv") + ": its dates have no year; the years "
                + "were inferred from the Studio export time."), d.load().warnings().toString());
    }

    @Test
    void snapshotsOfTheSameVideosKeepTheLatestAndTheSeries() {
        Dataset d = load("snapshots");
        Table v = d.videos().sortAscendingOn("video_id");
        assertEquals(List.of("7530000000000000001", "7530000000000000002"), v.stringColumn("video_id").asList());
        // Video 1: 03-02 (100 views, 5 saves), 03-09 (400, 20), 03-16 (700, 31); video 2: 03-02 (50, 1), 03-09 (90, 3).
        assertEquals(List.of(700L, 90L), longs(v, "views"));
        assertEquals(List.of(31L, 3L), longs(v, "saves"));
        Table s = d.snapshots();
        assertEquals(List.of("7530000000000000001", "7530000000000000001", "7530000000000000001",
                "7530000000000000002", "7530000000000000002"), s.stringColumn("video_id").asList());
        assertEquals(List.of(Instant.parse("2025-03-02T00:00:00Z"), Instant.parse("2025-03-09T00:00:00Z"),
                Instant.parse("2025-03-16T00:00:00Z"), Instant.parse("2025-03-02T00:00:00Z"),
                Instant.parse("2025-03-09T00:00:00Z")), s.instantColumn("taken_at").asList());
        assertEquals(List.of(5L, 20L, 31L, 1L, 3L), longs(s, "saves"));
        assertEquals(5, d.load().rowsUsed());
        assertEquals(3, d.load().rowsMerged());
    }

    @Test
    void formatsMixInOneRun() {
        Dataset d = load("canonical.csv", "research-api.json", "web-items-nested.jsonl", "studio-per-video.xlsx",
                "display-api.json");
        // 3 + 2 + 2 + 2 + 1 videos, all with distinct ids
        assertEquals(10, d.videos().rowCount());
        // saves 290 + 200 + 2400 + 685 (the Display API video has none: missing, not zero)
        assertEquals(3_575L, (long) d.videos().longColumn("saves").sum());
        assertEquals(2, d.videos().longColumn("saves").countMissing());
        assertEquals(List.of(), d.load().metricsMissingEverywhere());
    }
}
