package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.model.LoadReport;
import savescope.metrics.ContextFrames;
import savescope.metrics.Experiment;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.render.HtmlReport;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ContextSectionsTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    static SaveReport.Result build(Dataset d, ReportOptions o) {
        return SaveReport.build(d, o, NOW);
    }

    static String html(SaveReport.Result r) throws IOException {
        return new HtmlReport(null).render(r.notebook());
    }

    static ContextFrames weeklyVideos(int weeks) {
        ContextFrames f = new ContextFrames();
        for (int w = 0; w < weeks; w++) {
            String day = LocalDate.of(2026, 1, 5).plusWeeks(w) + "T18:00:00Z";
            f.video("v" + w, "@lena", day, 1000L + w, 10L + w, w % 2 == 0 ? "tutorial" : "vlog");
        }
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void withVideosAloneEachSectionSaysWhatItNeeds() throws IOException {
        ContextFrames f = weeklyVideos(6);
        SaveReport.Result r = build(Dataset.ofVideos(f.videos(), new LoadReport(List.of(), List.of())),
                ReportOptions.defaults());
        String page = html(r);
        assertTrue(page.contains("needs a daily series (a"), "evergreen section degrades");
        assertTrue(page.contains("This needs a daily series (daily views"), "early signal degrades");
        assertTrue(page.contains("No experiment to compare"));
        assertTrue(page.contains("Followers export"));
        assertTrue(page.contains("This needs a comments file"));
        assertFalse(page.contains("Accounts compared"), "one account: no comparison section");
        assertEquals("needs a daily series or snapshots", ((Map<String, Object>) r.json().get("accumulation")).get("status"));
        assertEquals("needs a comments file", ((Map<String, Object>) r.json().get("comments")).get("status"));
        Map<String, Object> trends = (Map<String, Object>) r.json().get("trends");
        Map<String, Object> test = (Map<String, Object>) trends.get("trend_test");
        // Rates (10 + w)/(1000 + w) rise every week: S = 15 of 15 pairs.
        assertEquals(15L, test.get("s"));
        assertEquals("up", test.get("direction"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void snapshotsAloneGiveTheGainsTable() throws IOException {
        ContextFrames f = weeklyVideos(8);
        Table snaps = Canonical.emptySnapshots("s");
        // v0 (posted 5 Jan) is 54 days old on 28 Feb; v7 (posted 23 Feb) is 5 days old.
        long[][] saves = {{100, 130}, {40, 90}};
        String[] ids = {"v0", "v7"};
        String[] at = {"2026-02-28T00:00:00Z", "2026-03-07T00:00:00Z"};
        for (int v = 0; v < 2; v++) {
            for (int t = 0; t < 2; t++) {
                snaps.stringColumn(Canonical.VIDEO_ID).append(ids[v]);
                snaps.instantColumn(Canonical.TAKEN_AT).append(Instant.parse(at[t]));
                for (String c : List.of(Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES)) {
                    snaps.longColumn(c).appendMissing();
                }
                snaps.longColumn(Canonical.SAVES).append(saves[v][t]);
            }
        }
        Dataset d = new Dataset(f.videos(), Canonical.emptyDaily("d"), snaps, List.of(), Canonical.emptyComments("c"),
                new LoadReport(List.of(), List.of()));
        SaveReport.Result r = build(d, ReportOptions.defaults());
        Map<String, Object> acc = (Map<String, Object>) r.json().get("accumulation");
        List<Map<String, Object>> gains = (List<Map<String, Object>>) acc.get("snapshots");
        assertEquals(1, gains.size());
        // +30 for the old video, +50 for the new one: 30 of 80 went to videos over 28 days old.
        assertEquals(80L, gains.get(0).get("saves_gained"));
        assertEquals(30L, gains.get(0).get("saves_gained_by_old_videos"));
        assertEquals(30.0 / 80, (double) gains.get(0).get("old_share"), 1e-12);
        assertTrue(html(r).contains("Saves gained between snapshots"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmptyVariantGivesNoVerdictAndTheJsonStaysValid() throws Exception {
        ContextFrames f = weeklyVideos(6);
        ReportOptions o = new ReportOptions(null, 1000, 500, List.of(Experiment.Arm.parse("none=#nosuchtag"),
                Experiment.Arm.parse("tut=#tutorial")), 10);
        SaveReport.Result r = build(Dataset.ofVideos(f.videos(), new LoadReport(List.of(), List.of())), o);
        Map<String, Object> cmp = ((List<Map<String, Object>>) ((Map<String, Object>) r.json().get("experiment"))
                .get("comparisons")).get(0);
        assertTrue(((String) cmp.get("verdict")).startsWith("Too few videos to compare tut with none (0 and 3"),
                (String) cmp.get("verdict"));
        Path json = dir.resolve("r.json");
        savescope.render.JsonOutput.write(r.json(), json);
        // Strict parsing: a NaN written as a number would fail here.
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        html(r);
    }

    static Table shareTable(String label, String[] names, double[] shares) {
        return Table.create(label, StringColumn.create(label, names), DoubleColumn.create("share", shares));
    }

    static Table history(long followers) {
        return Table.create("h", DateColumn.create("date", new LocalDate[] {LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 1)}), LongColumn.create("followers", new long[] {followers / 2, followers}));
    }

    @Test
    @SuppressWarnings("unchecked")
    void smallAudienceSegmentsAreSuppressedInPageAndJson() throws IOException {
        ContextFrames f = weeklyVideos(4);
        Dataset d = new Dataset(f.videos(), Canonical.emptyDaily("d"), Canonical.emptySnapshots("s"), List.of(
                new Dataset.ChannelTable("FollowerHistory", "h.csv", history(1000)),
                new Dataset.ChannelTable("FollowerGender", "g.csv", shareTable("gender",
                        new String[] {"Female", "Male", "Other"}, new double[] {0.9, 0.095, 0.005}))),
                Canonical.emptyComments("c"), new LoadReport(List.of(), List.of()));
        SaveReport.Result r = build(d, ReportOptions.defaults());
        Map<String, Object> audience = (Map<String, Object>) r.json().get("audience");
        List<Map<String, Object>> gender = (List<Map<String, Object>>) audience.get("gender");
        assertEquals("channel", audience.get("level"));
        // 1,000 followers: Female 900, Male 95, Other 5 (< 10, hidden).
        assertEquals(900L, gender.get(0).get("estimated_followers"));
        assertEquals(95L, gender.get(1).get("estimated_followers"));
        assertEquals("fewer than 10", gender.get(2).get("share"));
        assertEquals("fewer than 10", gender.get(2).get("estimated_followers"));
        String page = html(r);
        assertTrue(page.contains("fewer than 10"));
        assertFalse(page.contains("0.50%"), "the hidden share never reaches the page");

        ReportOptions strict = new ReportOptions(null, 1000, 500, List.of(), 100);
        List<Map<String, Object>> g2 = (List<Map<String, Object>>) ((Map<String, Object>) build(d, strict).json()
                .get("audience")).get("gender");
        assertEquals("fewer than 100", g2.get(1).get("share"), "95 < 100 with --min-segment 100");
    }

    @Test
    void commentTextAndMentionsNeverReachThePageUnescaped() throws IOException {
        ContextFrames f = weeklyVideos(4);
        Table c = Canonical.emptyComments("c");
        for (int i = 0; i < 3; i++) {
            c.stringColumn(Canonical.VIDEO_ID).append("v1");
            c.stringColumn(Canonical.TEXT).append("<script>alert(1)</script> saved @someone.private");
            c.longColumn(Canonical.LIKES).append(1);
            c.instantColumn(Canonical.CREATED_AT).append(NOW);
        }
        Dataset d = new Dataset(f.videos(), Canonical.emptyDaily("d"), Canonical.emptySnapshots("s"), List.of(), c,
                new LoadReport(List.of(), List.of()));
        String page = html(build(d, ReportOptions.defaults()));
        assertTrue(page.contains("100.0% of comments speak of saving"), "3 of 3");
        assertFalse(page.contains("<script>alert"));
        assertFalse(page.contains("someone.private"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalAccountsGetAComparisonAndVariantsComeFromCompare() throws IOException {
        ContextFrames f = weeklyVideos(6);
        for (int i = 0; i < 4; i++) {
            f.video("m" + i, "@max", "2026-02-0" + (i + 1) + "T09:00:00Z", 2000L, 2L, "");
        }
        ReportOptions o = new ReportOptions(null, 1000, 500, List.of(Experiment.Arm.parse("tut=#tutorial"),
                Experiment.Arm.parse("vlog=#vlog")), 10);
        SaveReport.Result r = build(Dataset.ofVideos(f.videos(), new LoadReport(List.of(), List.of())), o);
        assertTrue(html(r).contains("Accounts compared"));
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) ((Map<String, Object>) r.json().get("accounts"))
                .get("accounts");
        assertEquals(List.of("@lena", "@max"), accounts.stream().map(a -> a.get("account")).toList());
        Map<String, Object> exp = (Map<String, Object>) r.json().get("experiment");
        assertEquals("named with --compare", exp.get("source"));
        Map<String, Object> cmp = ((List<Map<String, Object>>) exp.get("comparisons")).get(0);
        assertEquals(3, cmp.get("videos_baseline"));
        assertEquals(3, cmp.get("videos_variant"));
    }
}
