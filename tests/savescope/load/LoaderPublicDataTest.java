package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;
import savescope.metrics.Totals;
import savescope.model.Dataset;
import savescope.model.Rejection;

/**
 * Totals of real public exports (tests/fixtures/public, sources in its SOURCES.md). The expected numbers were
 * computed independently with Python's csv and json modules: for the CSVs, the sum of int() of each count
 * cell over the rows whose five counts are all present (a trailing "." stripped, "343296.0" read as a float);
 * for the JSON, the sum of each item's stats.collectCount.
 */
class LoaderPublicDataTest {
    private static final Path PUBLIC = Path.of("tests", "fixtures", "public");

    private static Dataset load(String name) {
        return Loader.load(List.of(PUBLIC.resolve(name)), Loader.Options.defaults());
    }

    @Test
    void handCopiedStudioSheetTotals() {
        Dataset d = load("handcopied-studio-content.csv");
        Totals t = Totals.of(d.videos());
        assertEquals(105, t.videos());
        assertEquals(8_879_174L, t.views());
        assertEquals(30_744L, t.saves());
        assertEquals(105, d.load().rowsRead());
        assertEquals(0, d.load().rowsRejected());
        assertEquals("hand-kept TikTok Studio sheet", d.load().sources().get(0).format());
    }

    @Test
    void scrapedFlatCsvTotalsAndItsFourBrokenRows() {
        Dataset d = load("scraped-videos-flat.csv");
        Totals t = Totals.of(d.videos());
        // 1,652 records; one description with line breaks split a record into four (lines 2804-2808), three
        // with no counts at all and one whose collectCount column holds "FALSE".
        assertEquals(1_648, t.videos());
        assertEquals(25_095_767L, t.saves());
        assertEquals(1_652, d.load().rowsRead());
        assertEquals(4, d.load().rowsRejected());
        String file = PUBLIC.resolve("scraped-videos-flat.csv").toString();
        assertEquals(List.of(
                file + ":2804: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2806: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2807: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2808:60: column \"stats.collectCount\": expected a number, found \"FALSE\""),
                d.load().rejections().stream().map(Rejection::toString).toList());
        // Every id in this file was rounded by a spreadsheet: all rows kept, none merged.
        // Its video.id column is rounded as well and it has no video links: nothing to recover the ids from.
        assertEquals(List.of("1,648 video ids were rounded by a spreadsheet (the first: \"7.37023E+18\" at 2:41) and no "
                + "longer identify videos: 0 recovered from the video link, 1,648 rows kept each as its own video and "
                + "never merged."), d.load().sources().get(0).warnings());
    }

    @Test
    void scrapedNestedJsonTotals() {
        Dataset d = load("scraped-videos-nested.json");
        Totals t = Totals.of(d.videos());
        assertEquals(26, t.videos());
        assertEquals(158_125L, t.saves());
        assertEquals(38_145_900L, t.views());
        assertEquals("7470484781977931026", d.videos().stringColumn("video_id").get(0));
        assertEquals("web-item JSON (nested)", d.load().sources().get(0).format());
    }

    @Test
    void scrapedFeedWithTheScrapersOwnHeadersNeedsNoMap() {
        // thienphucle/IE403.P21_Social_Media_Data_Mining, finalProject/data/tiktok_feed.csv (see SOURCES.md).
        // Totals from Python: csv.DictReader, "13.9M" as Decimal("13.9") * 10**6, blank cells missing.
        Dataset d = load("scraped-feed-vn.csv");
        Totals t = Totals.of(d.videos());
        assertEquals(4_127, t.videos());
        assertEquals(14_388_659_444L, t.views());
        assertEquals(1_111_211_813L, t.likes());
        assertEquals(15_051_752L, t.comments());
        assertEquals(218_683_859L, t.shares());
        assertEquals(63_751_195L, t.saves());
        assertEquals(1_049, d.videos().longColumn("views").countMissing());
        assertEquals(0, d.load().rowsRejected());
        // 4,125 durations written mm:ss add up to 122,587 s; two are blank.
        assertEquals(122_587.0, d.videos().doubleColumn("duration_s").sum(), 1e-9);
        assertEquals("7502050641603284245", d.videos().stringColumn("video_id").get(0));
        assertEquals("abahoatattoo", d.videos().stringColumn("account").get(0));
        assertEquals("CSV with its own headers (recognised)", d.load().sources().get(0).format());
        assertEquals(List.of("video_id read from \"vid_id\"", "title read from \"vid_caption\"",
                "posted_at read from \"vid_postTime\"", "duration_s read from \"vid_duration\"",
                "views read from \"vid_nview\"", "likes read from \"vid_nlike\"",
                "comments read from \"vid_ncomment\"", "shares read from \"vid_nshare\"",
                "saves read from \"vid_nsave\"", "hashtags read from \"vid_hashtags\"", "link read from \"vid_url\"",
                "account read from \"user_name\""), d.load().sources().get(0).assumptions());
    }

    @Test
    void hostedScraperFlatJsonWithTheIdOnlyInTheLink() {
        // emilywebster25-jpg/tiktok-scraper, 04_docs/archive/old_data/dataset_tiktok-scraper_2025-07-31_01-55-06-405.json
        // (see SOURCES.md). Totals from Python's json module: sums of playCount and collectCount over the 40 items.
        Dataset d = load("apify-scraper-flat.json");
        Totals t = Totals.of(d.videos());
        assertEquals(40, t.videos());
        assertEquals(17_577_859L, t.views());
        assertEquals(340_647L, t.saves());
        assertEquals("7456472400465513770", d.videos().stringColumn("video_id").get(0));
        assertEquals("web-item JSON (flat)", d.load().sources().get(0).format());
        assertEquals(List.of(), d.load().metricsMissingEverywhere());
    }

    /** The --map lines a user may give for the scraped feed (its vid_* headers are also recognised without them). */
    static final List<String> FEED_MAPS = List.of("--map", "video_id=vid_id", "--map", "title=vid_caption",
            "--map", "posted_at=vid_postTime", "--map", "duration_s=vid_duration", "--map", "views=vid_nview",
            "--map", "likes=vid_nlike", "--map", "comments=vid_ncomment", "--map", "shares=vid_nshare",
            "--map", "saves=vid_nsave", "--map", "hashtags=vid_hashtags", "--map", "link=vid_url",
            "--map", "account=user_name");

    @Test
    void scrapedFeedWithItsMapLinesLoadsEveryRowAndReadsMmSsDurations(@TempDir Path dir) throws Exception {
        // The same command a user runs; its --json carries the totals and the data-quality numbers.
        List<String> args = new ArrayList<>(List.of(PUBLIC.resolve("scraped-feed-vn.csv").toString(), "-o",
                dir.resolve("feed.html").toString(), "--json", dir.resolve("feed.json").toString(), "--no-index"));
        args.addAll(FEED_MAPS);
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("feed.json").toFile());
        // SOURCES.md: 4,127 videos; pandas sums (blank = missing) 14,388,659,444 views and 63,751,195 saves.
        assertEquals(4_127, json.at("/totals/videos").asLong());
        assertEquals(14_388_659_444L, json.at("/totals/views").asLong());
        assertEquals(63_751_195L, json.at("/totals/saves").asLong());
        assertEquals(4_127, json.at("/input/rows_read").asLong());
        assertEquals(0, json.at("/input/rows_rejected").asLong());
        // Every mm:ss duration reads (its 2 blank cells are the source's own gaps, as for blank counts); the
        // blank counts are counted per field: 1,049 views and 22 comments (Python's csv module, cells all blank).
        JsonNode gaps = json.at("/input/files/0/fields_missing");
        assertEquals(2, gaps.size(), gaps.toString());
        assertEquals("views", gaps.get(0).get("field").asText());
        assertEquals(1_049, gaps.get(0).get("rows").asLong());
        assertEquals("comments", gaps.get(1).get("field").asText());
        assertEquals(22, gaps.get(1).get("rows").asLong());
        assertEquals(0, json.at("/input/rows_merged").asLong());

        Map<String, String> maps = new LinkedHashMap<>();
        for (int i = 1; i < FEED_MAPS.size(); i += 2) {
            String[] kv = FEED_MAPS.get(i).split("=", 2);
            maps.put(kv[0], kv[1]);
        }
        Dataset d = Loader.load(List.of(PUBLIC.resolve("scraped-feed-vn.csv")), new Loader.Options(maps,
                savescope.load.ContentTypes.defaults()));
        // Python over the same file: 4,125 durations "mm:ss" adding up to 122,587 s; two are blank.
        assertEquals(2, d.videos().doubleColumn("duration_s").countMissing());
        assertEquals(122_587.0, d.videos().doubleColumn("duration_s").sum(), 1e-6);
        assertEquals("7502050641603284245", d.videos().stringColumn("video_id").get(0));
    }
}
