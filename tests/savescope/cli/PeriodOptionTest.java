package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --period last-28d --vs previous} on the sample, checked against numbers read straight from the export
 * files with a CSV reader of this test's own.
 */
class PeriodOptionTest {
    @TempDir
    Path dir;

    /** Rows of a quoted CSV (RFC 4180), header first; enough for the sample's Studio files. */
    static List<List<String>> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted && ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (!quoted && ch == '\n') {
                row.add(cell.toString().replace("\r", ""));
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Saves by video link, and for videos.csv the sums over videos posted between two days (ISO, inclusive). */
    static Map<String, Long> savesByLink(Path file) throws Exception {
        List<List<String>> rows = csv(file);
        int link = rows.get(0).indexOf("Video link");
        int saves = rows.get(0).indexOf("Add to Favorites");
        Map<String, Long> out = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.put(r.get(link), Long.parseLong(r.get(saves).replace(",", "")));
        }
        return out;
    }

    /** {videos, views, saves} of the videos posted from {@code from} to {@code to}. */
    static long[] posted(String from, String to) throws Exception {
        List<List<String>> rows = csv(Path.of("data/sample/videos.csv"));
        List<String> h = rows.get(0);
        long[] sums = new long[3];
        for (List<String> r : rows.subList(1, rows.size())) {
            String day = r.get(h.indexOf("Post time")).substring(0, 10);
            if (day.compareTo(from) >= 0 && day.compareTo(to) <= 0) {
                sums[0]++;
                sums[1] += Long.parseLong(r.get(h.indexOf("Video views")).replace(",", ""));
                sums[2] += Long.parseLong(r.get(h.indexOf("Add to Favorites")).replace(",", ""));
            }
        }
        return sums;
    }

    @Test
    void lastTwentyEightDaysAgainstThePreviousOnTheSample() throws Exception {
        Path json = dir.resolve("r.json");
        var r = ReportCommandTest.run("data/sample", "-o", dir.resolve("r.html").toString(), "--json", json.toString(),
                "--period", "last-28d", "--vs", "previous", "--no-index");
        assertEquals(0, r.code(), r.err());
        JsonNode pc = new ObjectMapper().readTree(json.toFile()).path("period_comparison");
        // The data ends on 20 Nov 2026 (the daily series' last day); the last 28 days are 24 Oct - 20 Nov, the
        // 28 before 26 Sep - 23 Oct.
        assertEquals("2026-11-20", pc.path("anchor").asText());
        assertEquals("2026-10-24", pc.path("period").path("from").asText());
        assertEquals("2026-09-26", pc.path("comparison").path("from").asText());
        long[] now = posted("2026-10-24", "2026-11-20");
        long[] before = posted("2026-09-26", "2026-10-23");
        assertEquals(now[0], pc.path("period").path("videos_posted").asLong());
        assertEquals(now[1], pc.path("period").path("views").asLong());
        assertEquals(now[2], pc.path("period").path("saves").asLong());
        assertEquals(before[0], pc.path("comparison").path("videos_posted").asLong());
        assertEquals(before[1], pc.path("comparison").path("views").asLong());
        assertEquals(before[2], pc.path("comparison").path("saves").asLong());
        double rateNow = (double) now[2] / now[1];
        double rateBefore = (double) before[2] / before[1];
        assertEquals(rateNow, pc.path("period").path("save_rate").asDouble(), 1e-12);
        assertEquals(rateNow - rateBefore, pc.path("save_rate_change").path("difference").asDouble(), 1e-12);
        double low = pc.path("save_rate_change").path("ci_low").asDouble();
        double high = pc.path("save_rate_change").path("ci_high").asDouble();
        assertTrue(low < rateNow - rateBefore && rateNow - rateBefore < high, low + " .. " + high);

        // Saves gained in the last 28 days, from the snapshots: every video's saves in videos.csv minus its saves
        // in snapshots/videos_2026-10-23.csv (counts to the end of 22 Oct), a video not yet posted then from 0.
        Map<String, Long> latest = savesByLink(Path.of("data/sample/videos.csv"));
        Map<String, Long> earlier = savesByLink(Path.of("data/sample/snapshots/videos_2026-10-23.csv"));
        long gained = 0;
        for (Map.Entry<String, Long> e : latest.entrySet()) {
            gained += e.getValue() - earlier.getOrDefault(e.getKey(), 0L);
        }
        JsonNode g = pc.path("period").path("saves_gained");
        assertEquals(gained, g.path("saves").asLong());
        assertEquals("snapshots", g.path("source").asText());
        assertEquals("2026-10-23T00:00:00Z", g.path("from").asText());
        // No export from before 26 Sep: the earlier period comes from the daily series, summed here by hand.
        long daily = 0;
        List<List<String>> rows = csv(Path.of("data/sample/daily.csv"));
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(1).compareTo("2026-09-26") >= 0 && row.get(1).compareTo("2026-10-23") <= 0) {
                daily += Long.parseLong(row.get(6));
            }
        }
        assertEquals(daily, pc.path("comparison").path("saves_gained").path("saves").asLong());
        assertFalse(pc.path("saves_gained_comparable").asBoolean(), "different sources are not compared");

        String page = Files.readString(dir.resolve("r.html"));
        assertTrue(page.contains("This period against the last"));
        assertTrue(page.contains("Videos posted in the last 28 days have a save rate of"));
    }

    @Test
    void withoutPeriodTheReportHasNoComparison() throws Exception {
        Path json = dir.resolve("r.json");
        var r = ReportCommandTest.run("tests/fixtures/golden/videos.csv", "-o", dir.resolve("r.html").toString(),
                "--json", json.toString(), "--no-index");
        assertEquals(0, r.code(), r.err());
        assertTrue(new ObjectMapper().readTree(json.toFile()).path("period_comparison").isMissingNode());
    }

    @Test
    void badPeriodOptionsStopBeforeAnyWork() {
        var bad = ReportCommandTest.run("data/sample", "-o", dir.resolve("r.html").toString(), "--period", "last-week");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --period: expected last-7d, last-28d"), bad.err());
        var vs = ReportCommandTest.run("data/sample", "-o", dir.resolve("r.html").toString(), "--vs", "previous");
        assertEquals(2, vs.code());
        assertTrue(vs.err().startsWith("error: --vs previous: expected --period too"), vs.err());
        var badVs = ReportCommandTest.run("data/sample", "-o", dir.resolve("r.html").toString(), "--period", "last-7d",
                "--vs", "last-year");
        assertEquals(2, badVs.code());
        assertTrue(badVs.err().startsWith("error: --vs: expected previous, year-ago or"), badVs.err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    @Test
    void aPeriodAfterTheDataEndsIsRefusedNamingItsLastDay() throws Exception {
        // The last day of videos.csv alone is its latest "Post time", read with this test's own CSV reader.
        List<List<String>> rows = csv(Path.of("data/sample/videos.csv"));
        int at = rows.get(0).indexOf("Post time");
        String last = rows.stream().skip(1).filter(r -> r.size() > at).map(r -> r.get(at).substring(0, 10)).max(
                String::compareTo).orElseThrow();
        Path html = dir.resolve("r.html");
        var r = ReportCommandTest.run("data/sample/videos.csv", "--period", "2030-01", "-o", html.toString(),
                "--no-index");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--period 2030-01: January 2030 (from 2030-01-01) starts after the data ends ("
                + last + ")"), r.err());
        assertTrue(!Files.exists(html), "no empty report");
    }

    /** Periods no data can answer are refused (exit 2) before any page is written, each naming what is wrong. */
    @Test
    void periodsOutsideTheDataOrOverlappingTheirComparisonAreRefused() throws Exception {
        Path html = dir.resolve("r.html");
        Map<List<String>, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(List.of("--period", "0000-01"), "error: --period: the year 0 in \"0000-01\" is out of range; "
                + "expected a year from 2000 to 2100.");
        refusals.put(List.of("--period", "2101-01-01..2101-01-02"), "error: --period: the year 2101 in "
                + "\"2101-01-01..2101-01-02\" is out of range; expected a year from 2000 to 2100.");
        refusals.put(List.of("--period", "last-3000000d"), "error: --period: the number of days is too large (at most "
                + "36600), found \"last-3000000d\".");
        refusals.put(List.of("--period", "2026-10-01..2026-10-31", "--vs", "2026-10-15..2026-11-15"), "error: --vs "
                + "2026-10-15..2026-11-15: the comparison (2026-10-15 to 2026-11-15) overlaps the period (2026-10-01 to "
                + "2026-10-31); the comparison must not overlap the period.");
        refusals.put(List.of("--period", "2026-10", "--vs", "2026-10-01..2026-10-31"), "error: --vs "
                + "2026-10-01..2026-10-31: the comparison (2026-10-01 to 2026-10-31) overlaps the period (2026-10-01 to "
                + "2026-10-31); the comparison must not overlap the period.");
        for (Map.Entry<List<String>, String> e : refusals.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("data/sample", "-o", html.toString(), "--no-index"));
            args.addAll(e.getKey());
            var r = ReportCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals(e.getValue(), r.err().strip(), e.getKey().toString());
        }
        var before = ReportCommandTest.run("data/sample", "-o", html.toString(), "--no-index", "--period", "2020-01");
        assertEquals(2, before.code(), before.err());
        assertTrue(before.err().matches("(?s)error: --period 2020-01: January 2020 \\(to 2020-01-31\\) ends before the "
                + "data starts \\(\\d{4}-\\d{2}-\\d{2}\\).*"), before.err());
        Path bare = dir.resolve("untimed.csv");
        Files.writeString(bare, "video_id,title,views,likes,comments,shares,saves\n1,a,100,5,1,1,3\n2,b,200,5,1,1,4\n");
        var untimed = ReportCommandTest.run(bare.toString(), "-o", html.toString(), "--no-index", "--period", "last-7d");
        assertEquals(2, untimed.code(), untimed.err());
        assertTrue(untimed.err().startsWith("error: --period last-7d: no video has a posting time and there is no daily "
                + "series"), untimed.err());
        assertFalse(Files.exists(html), "no report");
    }
}
