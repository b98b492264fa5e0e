package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static savescope.metrics.VideoTables.c;

import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/** Quadrants, rankings and data alerts on small frames worked by hand. */
class PerformanceMetricsTest {
    /*
     * v1 100 views  5 saves  rate 0.05
     * v2 200 views  1 save   rate 0.005
     * v3 300 views  9 saves  rate 0.03
     * v4 400 views  2 saves  rate 0.005
     * v5 500 views 20 saves  rate 0.04
     * median views 300; rates sorted .005 .005 .03 .04 .05 -> median 0.03 (a video on a median counts as high)
     */
    static final Table FIVE = VideoTables.counts(c(100, 10, 1, 1, 5), c(200, 10, 1, 1, 1), c(300, 10, 1, 1, 9),
            c(400, 10, 1, 1, 2), c(500, 10, 1, 1, 20));

    @Test
    void quadrantsSplitAtTheAccountsMedians() {
        Quadrants q = Quadrants.of(FIVE);
        assertEquals(300, q.medianViews(), 0);
        assertEquals(0.03, q.medianRate(), 1e-15);
        // v3 (300, .03) and v5 (500, .04): many views, many saves -> 800 views, 29 saves
        Quadrants.Quadrant stars = q.quadrants().get(0);
        assertEquals("reach_and_value", stars.key());
        assertEquals(2, stars.videos());
        assertEquals(800, stars.views());
        assertEquals(29, stars.saves());
        // v4: many views, few saves; v1: few views, many saves; v2: neither
        assertEquals(List.of(2, 1, 1, 1), q.quadrants().stream().map(Quadrants.Quadrant::videos).toList());
        assertEquals(2, q.quadrantOfRow()[0]);
        assertEquals(3, q.quadrantOfRow()[1]);
        assertEquals(1, q.quadrantOfRow()[3]);
    }

    @Test
    void rankingsOnlyAboveTheViewThreshold() {
        // min 150 views leaves v2..v5. Top two: v5 (.04), v3 (.03). Bottom two: v2 and v4 tie at .005, row order.
        Rankings r = Rankings.of(FIVE, 150, 2);
        assertEquals(4, r.eligible());
        assertEquals(List.of("v5", "v3"), r.top().stream().map(Rankings.Entry::videoId).toList());
        assertEquals(List.of("v2", "v4"), r.bottom().stream().map(Rankings.Entry::videoId).toList());
        // Q1 of (.005 .005 .03 .04) at position 0.75 = .005; Q3 at 2.25 = .0325; IQR .0275
        // fences: .005 − 3·.0275 = −.0775 and .0325 + .0825 = .115 -> no outliers
        assertEquals(-0.0775, r.lowFence(), 1e-12);
        assertEquals(0.115, r.highFence(), 1e-12);
        assertEquals(0, r.outlierCount());
    }

    @Test
    void farOutSaveRatesAreOutliers() {
        Table t = Canonical.emptyVideos("t");
        for (int i = 0; i < 9; i++) {
            VideoTables.add(t, "n" + i, "", c(1000, 10, 1, 1, 10), null, Double.NaN, "");
        }
        VideoTables.add(t, "hit", "", c(1000, 10, 1, 1, 200), null, Double.NaN, "");
        // Nine rates of 0.01 make Q1 = Q3 = 0.01, so both fences are 0.01 and 0.2 lies far outside.
        Rankings r = Rankings.of(t, 1000, 5);
        assertEquals(1, r.outlierCount());
        assertEquals("hit", r.outliers().get(0).videoId());
        assertEquals(0.2, r.outliers().get(0).saveRate(), 1e-15);
    }

    @Test
    void alertsForZeroViewsDuplicatesImpossibleCountsAndMissingMetrics() {
        Table t = Canonical.emptyVideos("t");
        VideoTables.add(t, "a", "", c(1000L, 10L, 1L, 1L, 10L), null, Double.NaN, "");
        VideoTables.add(t, "a", "", c(1000L, 10L, 1L, 1L, 10L), null, Double.NaN, "");
        VideoTables.add(t, "b", "", c(0L, 0L, 0L, 0L, 0L), null, Double.NaN, "");
        VideoTables.add(t, "c", "", c(50L, null, 1L, 1L, 80L), null, Double.NaN, "");
        List<DataAlerts.Alert> alerts = DataAlerts.of(t);
        List<String> codes = alerts.stream().map(DataAlerts.Alert::code).toList();
        assertEquals(List.of("missing_metric", "zero_views", "saves_exceed_views", "duplicate_ids", "few_videos"), codes);
        assertEquals(1, alerts.get(0).count());
        assertTrue(alerts.get(0).message().contains("likes"), alerts.get(0).message());
        assertEquals(1, alerts.get(3).count());
        // three videos have a rate (a, a, c; b has zero views)
        assertEquals(3, alerts.get(4).count());
    }

    @Test
    void duplicateIdsCountRepeatsOfNonBlankIdsAsASetWould() {
        // ids: a a b "" "" a c b  -> repeats of a (2) and b (1); the blank ids never count
        tech.tablesaw.api.StringColumn ids = tech.tablesaw.api.StringColumn.create("video_id",
                "a", "a", "b", "", "", "a", "c", "b");
        assertEquals(3, DataAlerts.duplicateIds(ids));
        // Enough ids that the table grows and probes collide, checked against a plain set of strings.
        tech.tablesaw.api.StringColumn many = tech.tablesaw.api.StringColumn.create("video_id");
        java.util.Set<String> seen = new java.util.HashSet<>();
        int expected = 0;
        for (int i = 0; i < 70_000; i++) {
            String id = i % 7 == 0 ? " " : "v" + (i * 31 % 40_000);
            many.append(id);
            expected += !id.isBlank() && !seen.add(id) ? 1 : 0;
        }
        assertTrue(expected > 20_000, "expected " + expected);
        assertEquals(expected, DataAlerts.duplicateIds(many));
    }

    @Test
    void numericIdsCountRepeatsAsStringsWould() {
        // 7 and 7 repeat; "07" is another id than "7" (leading zero), and 19-digit ids near 2^63 and 10^19 stay
        // apart; a blank id never counts.
        tech.tablesaw.api.StringColumn ids = tech.tablesaw.api.StringColumn.create("video_id",
                "7", "7", "", "9999999999999999999", "9223372036854775808", "9223372036854775807",
                "9999999999999999999", "0", "0");
        assertEquals(3, DataAlerts.duplicateIds(ids));
        ids.append("07");
        assertEquals(3, DataAlerts.duplicateIds(ids), "a leading zero: counted as text");
        // Many TikTok-like ids, against a plain set of strings.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(18);
        tech.tablesaw.api.StringColumn many = tech.tablesaw.api.StringColumn.create("video_id");
        java.util.Set<String> seen = new java.util.HashSet<>();
        int expected = 0;
        for (int i = 0; i < 50_000; i++) {
            String id = i % 11 == 0 ? "" : Long.toString(7_300_000_000_000_000_000L + rnd.nextInt(30_000));
            many.append(id);
            expected += !id.isBlank() && !seen.add(id) ? 1 : 0;
        }
        assertTrue(expected > 10_000, "expected " + expected);
        assertEquals(expected, DataAlerts.duplicateIds(many));
    }

    @Test
    void hostileIdsCountRepeatsAsASetOfTheTextsWould() {
        // Ids at and past the edges of the numeric path (19 digits above Long.MAX_VALUE, 20 digits, 2^64, leading
        // zeros, "0"), digits it must not read as numbers (full-width, Arabic-Indic, mathematical), signs, inner and
        // outer spaces and blanks of several kinds, in columns of numbers only and in mixed columns; the expected
        // count is that of a HashSet of the non-blank texts.
        String[] numeric = {"0", "7", "9223372036854775807", "9223372036854775808", "9999999999999999999",
            "1844674407370955161", "", " "};
        String[] any = {"00", "07", "0000000000000000007", "18446744073709551616", "18446744073709551615",
            "10000000000000000000", "１２３", "٧٣٠", "𝟕", "+7", "-7", "7 ", " 7", "7\u00a0", "73 01", "\u2003", "\t",
            "7.0", "7e0", "x", "7\u0000"};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(64);
        for (int column = 0; column < 4_000; column++) {
            tech.tablesaw.api.StringColumn ids = tech.tablesaw.api.StringColumn.create("video_id");
            java.util.Set<String> seen = new java.util.HashSet<>();
            int expected = 0;
            for (int i = rnd.nextInt(14); i > 0; i--) {
                String id = column % 2 == 0 || rnd.nextBoolean() ? numeric[rnd.nextInt(numeric.length)]
                        : any[rnd.nextInt(any.length)];
                ids.append(id);
                expected += !id.isBlank() && !seen.add(id) ? 1 : 0;
            }
            assertEquals(expected, DataAlerts.duplicateIds(ids), ids.asList().toString());
        }
    }

    @Test
    void skewAndRoundingAreReported() {
        Table t = Canonical.emptyVideos("t");
        long[] views = {10_000, 12_000, 11_000, 13_000, 10_500, 9_000, 11_500, 2_000_000, 12_300, 10_100, 9_900, 10_200};
        for (int i = 0; i < views.length; i++) {
            VideoTables.add(t, "v" + i, "", c(views[i], 10, 1, 1, 10), null, Double.NaN, "");
        }
        List<DataAlerts.Alert> alerts = DataAlerts.of(t);
        DataAlerts.Alert skew = alerts.stream().filter(a -> a.code().equals("skewed_views")).findFirst().orElseThrow();
        // one huge value among twelve: G1 = 3.4641 (= sqrt(12), the most skewed twelve values can be, nearly)
        assertEquals(Stats.skewness(java.util.Arrays.stream(views).asDoubleStream().toArray()), skew.value(), 1e-12);
        assertTrue(skew.value() > 3.3, "skewness " + skew.value());
        // all ten of the 10,000+ counts end in 00 (9,000 and 9,900 are below 10,000)
        DataAlerts.Alert rounded = alerts.stream().filter(a -> a.code().equals("rounded_counts")).findFirst().orElseThrow();
        assertEquals(10, rounded.count());
        assertTrue(alerts.stream().anyMatch(a -> a.code().equals("constant_metric")), "likes are all 10");
    }

    @Test
    void skewnessByHand() {
        // 1, 2, 6: mean 3; deviations -2, -1, 3; m2 = 14/3, m3 = (−8 − 1 + 27)/3 = 6
        // g1 = 6 / (14/3)^1.5 = 0.595170; G1 = g1 · sqrt(3·2)/1 = 1.457863
        assertEquals(6 / Math.pow(14.0 / 3, 1.5) * Math.sqrt(6), Stats.skewness(new double[] {1, 2, 6}), 1e-12);
        assertEquals(1.457863, Stats.skewness(new double[] {1, 2, 6}), 1e-6);
    }

    @Test
    void midRanksShareTies() {
        // 10, 20, 20, 5: sorted 5 | 10 | 20 20 -> ranks 2, 3.5, 3.5, 1
        assertEquals(List.of(2.0, 3.5, 3.5, 1.0),
                java.util.Arrays.stream(Stats.midRanks(new double[] {10, 20, 20, 5})).boxed().toList());
    }
}
