package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static savescope.metrics.VideoTables.c;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

class GroupComparisonTest {
    @Test
    void kruskalWallisWithoutTiesByHand() {
        // A = {1,2,3} ranks 1,2,3 (sum 6); B = {4,5,6} ranks 4,5,6 (sum 15); N = 6
        // H = 12/(6·7) · (6²/3 + 15²/3) − 3·7 = (2/7)·87 − 21 = 3.857143; chi-square 1 df -> p = 0.049535
        GroupComparison.Test t = GroupComparison.kruskalWallis(List.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertEquals(27.0 / 7, t.statistic(), 1e-12);
        assertEquals(1, t.df());
        assertEquals(0.049535, t.p(), 1e-6);
        assertEquals(6, t.n());
    }

    @Test
    void kruskalWallisCorrectsForTies() {
        // A = {1,2,2}, B = {2,3,4}: ranks 1 | 3,3,3 | 5 | 6 -> sums A 7, B 14
        // H = (2/7)(49/3 + 196/3) − 21 = 7/3; three-way tie: 1 − (27 − 3)/(216 − 6) = 31/35 -> H = 2.634409, p = 0.104571
        GroupComparison.Test t = GroupComparison.kruskalWallis(List.of(new double[] {1, 2, 2}, new double[] {2, 3, 4}));
        assertEquals((7.0 / 3) / (31.0 / 35), t.statistic(), 1e-12);
        assertEquals(0.104571, t.p(), 1e-6);
        assertNull(GroupComparison.kruskalWallis(List.of(new double[] {1, 1}, new double[] {1, 1})));
    }

    static Table typed() {
        Table t = Canonical.emptyVideos("t");
        long[] savesA = {10, 20, 30, 40, 50};
        for (int i = 0; i < 5; i++) {
            VideoTables.add(t, "a" + i, "tutorial", c(1000, 50, 1, 1, savesA[i]), null, Double.NaN, "howto");
            VideoTables.add(t, "b" + i, "comedy", c(1000, 50, 1, 1, 5), null, Double.NaN, "funny howto");
        }
        VideoTables.add(t, "c0", "vlog", c(400, 50, 1, 1, 4), null, Double.NaN, "");
        VideoTables.add(t, "c1", "vlog", c(500, 50, 1, 1, 1), null, Double.NaN, "");
        VideoTables.add(t, "z", "vlog", c(0, 0, 0, 0, 0), null, Double.NaN, "");
        return t;
    }

    @Test
    void contentTypesWithWilsonIntervalsAndTooSmallGroups() {
        GroupComparison.Result r = GroupComparison.byContentType(typed());
        // Most views first: comedy and tutorial tie at 5,000 (then by name), vlog 900 (the zero-view video has no rate)
        assertEquals(List.of("comedy", "tutorial", "vlog"), r.groups().stream().map(GroupComparison.Group::key).toList());
        GroupComparison.Group tutorial = r.groups().get(1);
        // tutorial: (10+20+30+40+50) / 5,000 = 0.03; Wilson 95%: [0.025621, 0.035101]; median of 0.01..0.05 = 0.03
        assertEquals(5, tutorial.videos());
        assertEquals(150, tutorial.saves());
        assertEquals(0.03, tutorial.saveRate(), 1e-15);
        assertEquals(0.025621, tutorial.ci().low(), 1e-6);
        assertEquals(0.035101, tutorial.ci().high(), 1e-6);
        assertEquals(0.03, tutorial.medianRate(), 1e-15);
        assertFalse(tutorial.tooSmall());
        GroupComparison.Group comedy = r.groups().get(0);
        // comedy: 25 / 5,000 = 0.005; Wilson [0.003389, 0.007371]
        assertEquals(0.003389, comedy.ci().low(), 1e-6);
        assertEquals(0.007371, comedy.ci().high(), 1e-6);
        // vlog: 2 videos and 900 views -> too small to judge
        assertTrue(r.groups().get(2).tooSmall());
        assertEquals(2, r.groups().get(2).videos());
        // The test compares tutorial against comedy only: all five comedy rates tie at 0.005 below every
        // tutorial rate. Ranks: comedy 1..5 tie -> 3 each (sum 15), tutorial 6..10 (sum 40); N = 10
        // H = 12/110 · (225/5 + 1600/5) − 33 = 12/110 · 365 − 33 = 6.818182; ties: 1 − (125 − 5)/(1000 − 10)
        // = 0.878788 -> H = 7.758621
        assertEquals(2, r.test().groups());
        assertEquals(7.758621, r.test().statistic(), 1e-6);
        assertEquals(r.judged().size(), 2);
    }

    @Test
    void hashtagGroupsOverlapAndAreNotTested() {
        GroupComparison.Result r = GroupComparison.byHashtag(typed());
        // howto is on all ten a/b videos (10,000 views, 175 saves); funny on the five b videos
        assertEquals("howto", r.groups().get(0).key());
        assertEquals(10, r.groups().get(0).videos());
        assertEquals(175, r.groups().get(0).saves());
        assertEquals(5, r.groups().get(1).videos());
        assertNull(r.test());
        assertEquals(2, r.videosWithoutGroup());
    }

    @ParameterizedTest
    @CsvSource({"0, photo (0 s)", "14.9, under 15 s", "15, 15–30 s", "59.9, 30–60 s", "60, 1–3 min",
        "179, 1–3 min", "180, 3 min and longer"})
    void durationBuckets(double seconds, String bucket) {
        assertEquals(bucket, GroupComparison.durationBucket(seconds));
    }

    @Test
    void weekdayAndHourInUtc() {
        Table t = Canonical.emptyVideos("t");
        // 2024-03-04 was a Monday; 2024-03-10 a Sunday; 1969-12-31 a Wednesday (before the epoch)
        VideoTables.add(t, "m", "", c(100, 1, 1, 1, 1), Instant.parse("2024-03-04T07:15:00Z"), 10, "");
        VideoTables.add(t, "s", "", c(100, 1, 1, 1, 2), Instant.parse("2024-03-10T23:59:59Z"), 10, "");
        VideoTables.add(t, "w", "", c(100, 1, 1, 1, 3), Instant.parse("1969-12-31T05:00:00Z"), 10, "");
        VideoTables.add(t, "x", "", c(100, 1, 1, 1, 3), null, 10, "");
        GroupComparison.Result days = GroupComparison.byWeekday(t);
        assertEquals(List.of("Monday", "Wednesday", "Sunday"), days.groups().stream().map(GroupComparison.Group::key).toList());
        assertEquals(1, days.videosWithoutGroup());
        GroupComparison.Result hours = GroupComparison.byHour(t);
        assertEquals(List.of("05", "07", "23"), hours.groups().stream().map(GroupComparison.Group::key).toList());
        assertEquals(2, hours.groups().get(2).saves());
    }

    @Test
    void sharedRateOrderGivesTheSameTestAsRankingEachGroupingAfresh() {
        // Many tied rates (saves out of 50 or 100 views), a type too small to judge, zero-view and
        // missing-saves videos: the walk over the report's one rate order must match the plain test exactly.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        Table t = Canonical.emptyVideos("t");
        String[] types = {"tutorial", "comedy", " vlog ", "", "rare"};
        for (int i = 0; i < 3000; i++) {
            String type = i % 500 == 0 ? "rare" : types[rnd.nextInt(4)];
            long views = rnd.nextInt(20) == 0 ? 0 : rnd.nextBoolean() ? 50 : 100;
            Long saves = rnd.nextInt(30) == 0 ? null : (long) rnd.nextInt(6);
            Instant posted = Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(30 * 86_400));
            VideoTables.add(t, "v" + i, type, c((Long) views, (Long) 10L, (Long) 1L, (Long) 1L, saves), posted, rnd.nextInt(90), "");
        }
        GroupComparison.Rated rated = GroupComparison.Rated.of(t);
        double[] rates = VideoValues.saveRates(t);
        GroupComparison.Result types1 = GroupComparison.byContentType(rated);
        // Independently: the judged groups' rates in the order their first video appears.
        java.util.Map<String, java.util.List<Double>> byType = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rates.length; i++) {
            if (!Double.isNaN(rates[i])) {
                String raw = t.stringColumn(Canonical.CONTENT_TYPE).get(i);
                byType.computeIfAbsent(raw.isBlank() ? "unknown" : raw.strip(), k -> new java.util.ArrayList<>()).add(rates[i]);
            }
        }
        java.util.List<String> judged = types1.judged().stream().map(GroupComparison.Group::key).toList();
        assertFalse(judged.contains("rare"));
        java.util.List<double[]> samples = new java.util.ArrayList<>();
        byType.forEach((k, v) -> {
            if (judged.contains(k)) {
                samples.add(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        GroupComparison.Test expected = GroupComparison.kruskalWallis(samples);
        assertEquals(expected.statistic(), types1.test().statistic(), 0);
        assertEquals(expected.p(), types1.test().p(), 0);
        assertEquals(expected.n(), types1.test().n());
        assertEquals(GroupComparison.byContentType(t), types1);
        // Each group's typical video is the median of its own sorted rates.
        for (GroupComparison.Group g : types1.groups()) {
            double[] r = byType.get(g.key()).stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(Stats.quantile(r, 0.5), g.medianRate(), 0);
        }
    }
}
