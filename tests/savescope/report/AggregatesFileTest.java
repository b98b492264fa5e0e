package savescope.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import savescope.load.Loader;
import savescope.metrics.Experiment;
import savescope.model.Dataset;
import savescope.render.HtmlReport;
import savescope.render.JsonOutput;

/**
 * A report rendered from its aggregates file is the report built from the data, byte for byte, on the sample and
 * on fixtures that take other paths through the sections; the file holds every figure exactly.
 */
class AggregatesFileTest {
    static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");
    static Dataset sample;
    static HtmlReport html;

    @BeforeAll
    static void load() throws Exception {
        sample = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        html = new HtmlReport(null);
    }

    static Stream<Arguments> reports() throws Exception {
        ReportOptions d = ReportOptions.defaults();
        Dataset noSaves = Loader.load(List.of(Path.of("tests/fixtures/formats/studio-no-saves")), Loader.Options.defaults());
        Dataset twoAccounts = Loader.load(List.of(Path.of("tests/fixtures/golden/videos.csv"),
                Path.of("data/sample/videos.csv")), Loader.Options.defaults());
        Dataset research = Loader.load(List.of(Path.of("tests/fixtures/formats/research-api.json"),
                Path.of("tests/fixtures/formats/canonical.csv")), Loader.Options.defaults());
        return Stream.of(
                Arguments.of("sample", sample, d, false),
                Arguments.of("sample, compressed", sample, d, true),
                Arguments.of("an experiment named with --compare", sample, new ReportOptions(null, 500, 20,
                        List.of(Experiment.Arm.parse("A=#hooka"), Experiment.Arm.parse("B=#hookb")), 5), false),
                Arguments.of("--period against the year before", sample, new ReportOptions(null, 1000, 500, List.of(),
                        10, "last-28d", "year-ago"), true),
                Arguments.of("no saves", noSaves, d, false),
                Arguments.of("two accounts, a title to escape", twoAccounts, new ReportOptions("Two <b>accounts</b> & co",
                        1000, 500), false),
                Arguments.of("no daily series, no channel, one export with rejects", research, d, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theFileGivesTheVeryReport(String name, Dataset data, ReportOptions options, boolean gzip) throws Exception {
        SaveReport.Result direct = SaveReport.build(data, options, CLOCK, 2);
        byte[] file = AggregatesFile.toBytes(direct.analysis(), gzip);
        ReportFigures read = AggregatesFile.read(new ByteArrayInputStream(file), name);

        assertNull(difference("figures", direct.analysis(), read));
        SaveReport.Result again = SaveReport.present(read, CLOCK, 3);
        assertEquals(JsonOutput.toJson(direct.json()), JsonOutput.toJson(again.json()));
        assertEquals(html.render(direct.notebook()), html.render(again.notebook()));
        // The same figures always give the same bytes (the compressed ones too: gzip writes no time).
        assertArrayEquals(file, AggregatesFile.toBytes(read, gzip));
    }

    @Test
    void doublesReadBackToTheLastBit() throws Exception {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
                Double.MAX_VALUE, 0.1 + 0.2, 1e-300, -123456.789e10, 1.0 / 3};
        Doubles original = new Doubles(values[0], values[1], values.clone(), List.of(values[2], values[3]), values[7],
                null, Map.of("ratio", Double.NEGATIVE_INFINITY));
        String json = write(Doubles.class, original);
        // Plain JSON: no NaN or Infinity tokens, which strict readers refuse.
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertTrue(json.contains("\"first\" : \"NaN\"") && json.contains("\"second\" : \"Infinity\""), json);
        Doubles read = (Doubles) read(Doubles.class, json);
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(read.first()));
        assertEquals(Double.POSITIVE_INFINITY, read.second());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(read.all()[i]), "value " + i);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(read.boxed().get(1)));
        assertEquals(0.30000000000000004, (Double) read.anything(), 0.0);
        assertEquals(Double.class, read.anything().getClass());
        assertNull(read.none());
        assertNull(difference("doubles", original, read));
    }

    record Doubles(double first, Double second, double[] all, List<Double> boxed, Object anything, Double none,
            Map<String, Double> byName) {}

    @Test
    void everyKindOfValueReadsBackAsItWas() throws Exception {
        Map<String, Object> loose = new java.util.LinkedHashMap<>();
        loose.put("count", 3L);
        loose.put("small", 3);
        loose.put("share", 0.25);
        loose.put("exact", new java.math.BigDecimal("1.50"));
        loose.put("day", java.time.LocalDate.of(2026, 2, 28));
        loose.put("at", Instant.parse("2026-02-28T10:15:30.123Z"));
        loose.put("text", "a \"quoted\" <b>word</b>\n");
        loose.put("yes", true);
        loose.put("nothing", null);
        loose.put("nested", List.of(Map.of("k", 1L), "x"));
        Everything original = new Everything(new Shape.Circle(2.5), List.of(new Shape.Square(1, 2), new Shape.Circle(0)),
                Level.HIGH, Map.of(7, "seven"), new java.math.BigDecimal("0.10"), new long[] {1, Long.MAX_VALUE},
                new Shape.Square[][] {{new Shape.Square(3, 4)}, {}}, loose, java.util.Set.of("only"), null);
        Everything read = (Everything) read(Everything.class, write(Everything.class, original));
        assertNull(difference("everything", original, read));
        // Types that equal values hide: Integer stays Integer, the decimal keeps its scale.
        assertEquals(Integer.class, read.loose().get("small").getClass());
        assertEquals(Long.class, read.loose().get("count").getClass());
        assertEquals("1.50", read.loose().get("exact").toString());
        assertEquals(List.of("count", "small", "share", "exact", "day", "at", "text", "yes", "nothing", "nested"),
                List.copyOf(read.loose().keySet()));
    }

    sealed interface Shape {
        record Circle(double radius) implements Shape {}

        record Square(int width, long height) implements Shape {}
    }

    enum Level { LOW, HIGH }

    record Everything(Shape shape, List<Shape> shapes, Level level, Map<Integer, String> byNumber,
            java.math.BigDecimal price, long[] counts, Shape.Square[][] grid, Map<String, Object> loose,
            java.util.Set<String> tags, Shape missing) {}

    @Test
    void aValueTheFileCannotHoldIsRefusedWhenWriting() {
        record Odd(Object value) {}
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write(Odd.class, new Odd(new StringBuilder("x"))));
        assertEquals("the aggregates file cannot store java.lang.StringBuilder at odd.value", e.getMessage());
    }

    @Test
    void everyTypeTheReportStoresIsOneTheFileHolds() {
        // The schema walks every record type reachable from the figures; a type the file could not hold fails here.
        assertTrue(AggregatesFile.schema().matches("[0-9a-f]{16}"), AggregatesFile.schema());
        assertEquals(AggregatesFile.schema(), AggregatesFile.schema());
    }

    static String write(Class<?> type, Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            FiguresCodec.write(g, type, value, Character.toLowerCase(type.getSimpleName().charAt(0))
                    + type.getSimpleName().substring(1));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Object read(Class<?> type, String json) throws Exception {
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            p.nextToken();
            return FiguresCodec.read(p, type, "value");
        }
    }

    /**
     * Where {@code a} and {@code b} differ, or null when they are the same value: records by component, arrays,
     * lists and maps element by element (maps in order), doubles by their bits, anything else by class and equals.
     * Independent of the file format: it reads the values through reflection only.
     */
    static String difference(String path, Object a, Object b) throws Exception {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " against " + b;
        }
        if (a.getClass() != b.getClass() && !(a instanceof List && b instanceof List)
                && !(a instanceof Map && b instanceof Map) && !(a instanceof java.util.Set && b instanceof java.util.Set)) {
            return path + ": a " + a.getClass().getName() + " against a " + b.getClass().getName();
        }
        if (a instanceof Record) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                String d = difference(path + "." + rc.getName(), rc.getAccessor().invoke(a), rc.getAccessor().invoke(b));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.getClass().isArray()) {
            return sequence(path, arrayList(a).iterator(), arrayList(b).iterator());
        }
        if (a instanceof Iterable<?> x && b instanceof Iterable<?> y) {
            return sequence(path, x.iterator(), y.iterator());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            String keys = sequence(path + " keys", x.keySet().iterator(), y.keySet().iterator());
            return keys != null ? keys : sequence(path, x.values().iterator(), y.values().iterator());
        }
        if (a instanceof Double x) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits((Double) b) ? null : path + ": " + x + " against " + b;
        }
        return a.equals(b) ? null : path + ": " + a + " against " + b;
    }

    private static List<Object> arrayList(Object array) {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }

    private static String sequence(String path, Iterator<?> a, Iterator<?> b) throws Exception {
        int i = 0;
        while (a.hasNext() && b.hasNext()) {
            String d = difference(path + "[" + i++ + "]", a.next(), b.next());
            if (d != null) {
                return d;
            }
        }
        return a.hasNext() || b.hasNext() ? path + ": lengths differ after " + i : null;
    }

    @Test
    void theComparisonFindsADifferenceInADeepDouble() throws Exception {
        // The check above must be able to fail: one bit of one double deep in the figures is a difference.
        Doubles a = new Doubles(1, 2.0, new double[] {0.0}, List.of(), null, null, Map.of());
        Doubles b = new Doubles(1, 2.0, new double[] {-0.0}, List.of(), null, null, Map.of());
        assertEquals("d.all[0]: 0.0 against -0.0", difference("d", a, b));
    }
}
