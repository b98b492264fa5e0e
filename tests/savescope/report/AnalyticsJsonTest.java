package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.render.JsonOutput;

/**
 * The report's JSON on a canonical CSV against values computed independently. Expected values come from plain
 * Python loops over tests/fixtures/metrics/canonical-videos.csv (sums; sorted-list medians with linear
 * interpolation; Pearson from centred sums; Spearman as Pearson on average ranks counted pairwise), cross-checked
 * with SciPy 1.17 (pearsonr, spearmanr, kendalltau, kruskal).
 */
class AnalyticsJsonTest {
    static final Path FIXTURE = Path.of("tests", "fixtures", "metrics", "canonical-videos.csv");
    static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");
    static Map<String, Object> json;

    @BeforeAll
    static void build() {
        json = SaveReport.build(load(), ReportOptions.defaults(), WHEN).json();
    }

    static Dataset load() {
        return Loader.load(List.of(FIXTURE), Loader.Options.defaults());
    }

    @SuppressWarnings("unchecked")
    static Object at(Object root, String... path) {
        Object o = root;
        for (String key : path) {
            o = ((Map<String, Object>) o).get(key);
        }
        return o;
    }

    static void close(double expected, Object actual) {
        double a = ((Number) actual).doubleValue();
        assertEquals(expected, a, Math.abs(expected) * 1e-6, "relative 1e-6");
    }

    @Test
    void totals() {
        // Python: 28 rows; sums of present values. Saves skip the one blank cell (row 4), never count it as 0.
        assertEquals(28L, ((Number) at(json, "totals", "videos")).longValue());
        assertEquals(490_300L, at(json, "totals", "views"));
        assertEquals(36_732L, at(json, "totals", "likes"));
        assertEquals(1_366L, at(json, "totals", "comments"));
        assertEquals(2_000L, at(json, "totals", "shares"));
        assertEquals(7_517L, at(json, "totals", "saves"));
    }

    @Test
    void saveRates() {
        // overall = 7,517 / (490,300 − 16,117 views of the video without saves) = 7,517 / 474,183
        close(7517.0 / 474183, at(json, "save_rate", "overall"));
        close(0.0158525295086496, at(json, "save_rate", "overall"));
        // 26 videos with views > 0 and saves; median of their rates, Python sorted-list interpolation
        assertEquals(26, ((Number) at(json, "save_rate", "videos_with_rate")).intValue());
        close(0.0134996839320033, at(json, "save_rate", "median_per_video"));
        close(0.00412035228321913, at(json, "save_rate", "p10_per_video"));
        close(0.0223081457883756, at(json, "save_rate", "p90_per_video"));
        double low = ((Number) at(json, "save_rate", "median_ci_low")).doubleValue();
        double high = ((Number) at(json, "save_rate", "median_ci_high")).doubleValue();
        assertTrue(low <= 0.0134996839320033 && 0.0134996839320033 <= high, low + " " + high);
    }

    @Test
    void correlationsMatchPythonAndCommonsMath() {
        // Pairwise complete: views–saves and likes–saves have 27 pairs (one saves blank).
        close(0.985109394161493, at(json, "correlations", "pearson", "views", "saves"));
        close(0.766295231031429, at(json, "correlations", "spearman", "views", "saves"));
        close(0.582026269814842, at(json, "correlations", "kendall", "views", "saves"));
        close(0.98523832046357, at(json, "correlations", "pearson", "likes", "saves"));
        close(0.742482072457544, at(json, "correlations", "spearman", "saves", "likes"));
        close(-0.151511527984577, at(json, "correlations", "pearson", "saves", "duration_s"));
        close(0.0786499731250145, at(json, "correlations", "spearman", "duration_s", "saves"));
        close(0.0372494365789814, at(json, "correlations", "kendall", "saves", "duration_s"));
        close(0.991630236732041, at(json, "correlations", "pearson", "comments", "shares"));
        close(0.784862381082208, at(json, "correlations", "spearman", "comments", "shares"));
        close(-0.174602973128348, at(json, "correlations", "pearson", "views", "duration_s"));
        close(-0.0413415503719473, at(json, "correlations", "spearman", "views", "duration_s"));
        assertEquals(27, ((Number) at(json, "correlations", "n", "views", "saves")).intValue());
        assertEquals(28, ((Number) at(json, "correlations", "n", "views", "likes")).intValue());
        // p-values: SciPy pearsonr 1.2256466e-20 (views–saves), spearmanr 3.1635225e-06 (t approximation)
        close(1.225646636217681e-20, at(json, "correlations", "p_values", "pearson", "views", "saves"));
        close(3.1635224996425705e-06, at(json, "correlations", "p_values", "spearman", "views", "saves"));
        close(0.4506118425020225, at(json, "correlations", "p_values", "pearson", "saves", "duration_s"));

        // The 28 complete rows of views, likes, comments, shares: commons-math3's own implementations agree.
        double[][] rows = {{7662, 593, 14, 9}, {9091, 723, 34, 37}, {4056, 281, 8, 15}, {16117, 715, 8, 32},
            {14305, 1272, 25, 55}, {3547, 263, 3, 15}, {24983, 2468, 117, 84}, {23670, 984, 28, 43},
            {4697, 214, 5, 17}, {18141, 917, 33, 19}, {2962, 144, 6, 17}, {8195, 437, 21, 26}, {0, 0, 0, 0},
            {10416, 921, 28, 21}, {20556, 2038, 62, 113}, {20034, 1075, 21, 60}, {28086, 1800, 76, 129},
            {5882, 492, 22, 30}, {21000, 1132, 51, 66}, {8550, 734, 25, 34}, {12040, 1268, 34, 64},
            {11030, 1085, 13, 51}, {5183, 489, 16, 25}, {12628, 1198, 17, 48}, {11273, 849, 25, 50},
            {174226, 13792, 658, 905}, {4188, 256, 3, 20}, {7782, 592, 13, 15}};
        PearsonsCorrelation pc = new PearsonsCorrelation(rows);
        var spearman = new SpearmansCorrelation().computeCorrelationMatrix(rows);
        String[] names = {"views", "likes", "comments", "shares"};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                close(pc.getCorrelationMatrix().getEntry(i, j), at(json, "correlations", "pearson", names[i], names[j]));
                close(spearman.getEntry(i, j), at(json, "correlations", "spearman", names[i], names[j]));
                if (i != j) {
                    close(pc.getCorrelationPValues().getEntry(i, j),
                            at(json, "correlations", "p_values", "pearson", names[i], names[j]));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void perTypeSaveRatesWithWilsonIntervals() {
        List<Map<String, Object>> types = (List<Map<String, Object>>) json.get("by_content_type");
        // Most views first. Python: sums over videos with views > 0 and a saves count; Wilson with z = 1.959964.
        assertEquals(List.of("recipe", "comedy", "tutorial", "vlog"), types.stream().map(t -> t.get("content_type")).toList());
        Object[][] expected = {
            // type, videos, views, saves, rate, ci_low, ci_high, median
            {"recipe", 7, 234_930L, 4_735L, 0.020154939769293, 0.0195944747143267, 0.0207310969444557, 0.014856260852788},
            {"comedy", 8, 117_131L, 811L, 0.00692387156260939, 0.00646490112225711, 0.00741518304887541, 0.00630471224075219},
            {"tutorial", 9, 110_152L, 1_935L, 0.0175666351950033, 0.0168074938278768, 0.0183594243084514, 0.02089979100209},
            {"vlog", 2, 11_970L, 36L, 0.00300751879699248, 0.00217328638579302, 0.00416064237729616, 0.00319523638047982},
        };
        for (int i = 0; i < expected.length; i++) {
            Map<String, Object> t = types.get(i);
            assertEquals(expected[i][0], t.get("content_type"));
            assertEquals(expected[i][1], t.get("videos"));
            assertEquals(expected[i][2], t.get("views"));
            assertEquals(expected[i][3], t.get("saves"));
            close((double) expected[i][4], t.get("save_rate"));
            close((double) expected[i][5], t.get("ci_low"));
            close((double) expected[i][6], t.get("ci_high"));
            close((double) expected[i][7], t.get("median_save_rate"));
        }
        // vlog has 2 videos: too small to judge, never ranked. Ranks by save rate: recipe, tutorial, comedy.
        assertEquals(true, types.get(3).get("too_small"));
        assertNull(types.get(3).get("rank"));
        assertEquals(List.of(1, 3, 2), types.subList(0, 3).stream().map(t -> t.get("rank")).toList());
        // SciPy kruskal over recipe, comedy, tutorial per-video rates: H = 13.456984, p = 0.0011963
        close(13.456984126984139, at(json, "group_tests", "content_type", "statistic"));
        close(0.0011963355967894167, at(json, "group_tests", "content_type", "p"));
    }

    @Test
    void jsonHasNoNaNTokens() {
        // JSON has no NaN; every undefined number must be null. (Determinism: JsonDeterminismTest.)
        String text = JsonOutput.toJson(json);
        assertTrue(!text.contains("NaN") && !text.contains("Infinity"), "no NaN or Infinity tokens");
        assertTrue(text.contains("\"by_content_type\""));
    }
}
