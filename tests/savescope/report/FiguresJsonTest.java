package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.render.JsonOutput;

/**
 * The figures' JSON made by walking the records directly is Jackson's, value for value and type for type (the
 * reference is {@link FiguresJson#mapper()}'s own conversion of the same record), on every section of real reports
 * and on records made to exercise each annotation and value kind; the walk is really taken for the sections.
 */
class FiguresJsonTest {

    @Test
    void everySectionOfTheSampleReportGivesJacksonsEntries() {
        assertSameAsJackson(report(Path.of("data", "sample")), 12);
    }

    @Test
    void aReportOnVideosAloneGivesJacksonsEntries() {
        // No daily series, snapshots, comments or channel tables: the sections' "missing" branches, nulls left out.
        assertSameAsJackson(report(Path.of("data", "sample", "videos.csv")), 12);
    }

    private static SaveReport.Result report(Path input) {
        return SaveReport.build(Loader.load(List.of(input), Loader.Options.defaults()), ReportOptions.defaults(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Same maps, same JSON text (which also tells an Integer from a Long), and at least {@code direct} walked. */
    private static void assertSameAsJackson(SaveReport.Result result, int direct) {
        int walked = 0;
        for (Object f : result.figures()) {
            Record figures = (Record) f;
            Map<String, Object> ours = FiguresJson.toMap(figures);
            Map<String, Object> jackson = FiguresJson.toMapWithJackson(figures);
            assertEquals(jackson, ours, figures.getClass().getName());
            assertEquals(JsonOutput.toJson(jackson), JsonOutput.toJson(ours), figures.getClass().getName());
            assertEquals(typesOf(jackson), typesOf(ours), figures.getClass().getName());
            walked += FiguresJson.walksDirectly(figures.getClass()) ? 1 : 0;
        }
        assertTrue(walked >= direct, "figures walked directly: " + walked);
    }

    /** Every value's class, depth first, so that a Float for a Double or a Long for an Integer shows. */
    private static List<String> typesOf(Object v) {
        List<String> out = new ArrayList<>();
        collectTypes(v, out);
        return out;
    }

    private static void collectTypes(Object v, List<String> out) {
        out.add(v == null ? "null" : v.getClass().getName());
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                out.add(String.valueOf(k));
                collectTypes(x, out);
            });
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collectTypes(x, out));
        }
    }

    record Inner(int count, Double share, @JsonIgnore String hidden) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Kinds(String name, Integer missing, double nan, Double infinite, long big, boolean flag, double[] curve,
            int[] hours, long[] totals, List<Double> rates, Set<String> tags, Map<String, Object> extra,
            @JsonProperty("per_1000_views") double perThousand, @JsonUnwrapped Inner inner, Inner nested,
            @JsonInclude(JsonInclude.Include.ALWAYS) String keptNull, @JsonIgnore Object ignored, double p95LowCI,
            List<Inner> inners) {}

    @Test
    void eachValueKindAndAnnotationMatchesJackson() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("a", Double.NaN);
        extra.put("b", null);
        extra.put("c", List.of(1L, 2.5, "x"));
        extra.put("d", new Inner(3, null, "h"));
        Kinds k = new Kinds("n", null, Double.NaN, Double.POSITIVE_INFINITY, 1L << 40, true,
                new double[] {0.5, Double.NaN}, new int[] {1, 2}, new long[] {3L}, java.util.Arrays.asList(0.1, null,
                Double.NaN), new java.util.LinkedHashSet<>(List.of("b", "a")), extra, 4.25, new Inner(2, 0.5, "x"),
                new Inner(5, Double.NaN, "y"), null, "gone", 0.01, List.of(new Inner(1, 1.0, "z")));
        assertTrue(FiguresJson.walksDirectly(Kinds.class));
        Map<String, Object> ours = FiguresJson.toMap(k);
        assertEquals(FiguresJson.toMapWithJackson(k), ours);
        assertEquals(typesOf(FiguresJson.toMapWithJackson(k)), typesOf(ours));
        // By hand: unwrapped Inner's two entries sit where the component is, a NaN in a double[] stays NaN (Jackson
        // writes arrays past the Double serializer), the one in a List becomes null.
        assertEquals(List.of("name", "nan", "infinite", "big", "flag", "curve", "hours", "totals", "rates", "tags",
                "extra", "per_1000_views", "count", "share", "nested", "kept_null", "p95_low_ci", "inners"),
                List.copyOf(ours.keySet()));
        assertEquals(Double.NaN, ((List<?>) ours.get("curve")).get(1));
        assertEquals(java.util.Arrays.asList(0.1, null, null), ours.get("rates"));
    }

    record WithGetter(int a) {
        public int getB() {
            return 2;
        }
    }

    @JsonPropertyOrder({"b", "a"})
    record Ordered(int a, int b) {}

    record Valued(int a) {
        @JsonValue
        List<Object> json() {
            return java.util.Arrays.asList(a, Double.NaN, null);
        }
    }

    record Holder(WithGetter getter, Ordered ordered, Valued valued, Map<Integer, String> intKeys, Float f,
            BigDecimal money, TreeMap<String, Integer> sorted) {}

    @Test
    void whatOnlyJacksonKnowsIsLeftToJackson() {
        assertFalse(FiguresJson.walksDirectly(WithGetter.class), "a getter is one more property");
        assertFalse(FiguresJson.walksDirectly(Ordered.class), "an annotation not handled here");
        assertTrue(FiguresJson.walksDirectly(Valued.class));
        Holder h = new Holder(new WithGetter(1), new Ordered(1, 2), new Valued(7), Map.of(1, "x"), 1.5f,
                new BigDecimal("1.10"), new TreeMap<>(Map.of("z", 1, "a", 2)));
        Map<String, Object> ours = FiguresJson.toMap(h);
        assertEquals(FiguresJson.toMapWithJackson(h), ours);
        assertEquals(typesOf(FiguresJson.toMapWithJackson(h)), typesOf(ours));
        assertEquals(Map.of("a", 1, "b", 2), ours.get("getter"));
        assertEquals(java.util.Arrays.asList(7, null, null), ours.get("valued"));
    }
}
