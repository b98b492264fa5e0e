package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.model.Dataset;

/** The time and context sections on the bundled sample, end to end and in a real browser. */
class SampleContextTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    static SaveReport.Result build(Dataset d, ReportOptions o) {
        return ContextSectionsTest.build(d, o);
    }

    static String html(SaveReport.Result r) throws IOException {
        return ContextSectionsTest.html(r);
    }

    /** The whole bundled sample folder through the loader: videos, daily, snapshots, comments, Studio ZIPs. */
    @Test
    @SuppressWarnings("unchecked")
    void onTheSampleEverySectionHasRealNumbers() throws Exception {
        Dataset d = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        SaveReport.Result r = build(d, ReportOptions.defaults());
        Map<String, Object> j = r.json();
        Map<String, Object> trend = (Map<String, Object>) ((Map<String, Object>) j.get("trends")).get("trend_test");
        assertEquals(52, trend.get("n"));
        assertEquals("up", trend.get("direction"), "the sample models a mild upward trend");
        Map<String, Object> acc = (Map<String, Object>) j.get("accumulation");
        int evergreen = (int) acc.get("evergreen_videos");
        assertTrue(evergreen >= 20 && evergreen <= 45, "about a fifth of 150 videos: " + evergreen);
        Map<String, Object> early = (Map<String, Object>) j.get("early_signal");
        assertTrue((int) early.get("videos") > 100);
        Map<String, Object> exp = (Map<String, Object>) j.get("experiment");
        List<Map<String, Object>> arms = (List<Map<String, Object>>) exp.get("arms");
        assertEquals(10, arms.get(0).get("videos"));
        assertEquals(10, arms.get(1).get("videos"));
        Map<String, Object> com = (Map<String, Object>) j.get("comments");
        assertEquals(500, com.get("comments"));
        double saving = (double) com.get("about_saving_share");
        assertTrue(saving > 0.10 && saving < 0.25, "about 16% talk about saving: " + saving);
        Map<String, Object> aud = (Map<String, Object>) j.get("audience");
        assertTrue((long) ((Map<String, Object>) aud.get("followers")).get("followers_end") > 40_000);
        assertTrue(aud.containsKey("active_hours"));
        Map<String, Object> viewers = (Map<String, Object>) aud.get("viewers");
        // 7 cells are undefined in the sample: 1 total, 3 new, 3 returning; 3 days lack total or returning.
        assertEquals(365 - 3, viewers.get("days"));
        double back = (double) viewers.get("returning_share");
        assertTrue(back > 0 && back < 1, "returning share " + back);
        String page = html(r);
        for (String user : List.of("ruby.eats", "laura.crumbs", "unique_id", "nickname")) {
            assertFalse(page.contains(user), user + " must never reach the report");
        }
        if (savescope.browser.BrowserCheck.findChromium().isPresent()) {
            Path file = dir.resolve("sample.html");
            Files.writeString(file, page);
            savescope.browser.BrowserCheck.Result seen = savescope.browser.BrowserCheck.check(file, null,
                    java.time.Duration.ofSeconds(60));
            // Overview histogram, weekly rate and saves, accumulation, experiment, posting grid.
            assertEquals(List.of(), seen.problems(6, 8));
        }
    }
}
