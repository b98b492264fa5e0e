package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.render.HtmlReport;
import savescope.render.JsonOutput;

/** The JSON document is made only when something reads it, once, with its entries in order. */
class LazyJsonTest {

    @Test
    void madeOnFirstReadOnlyAndOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazyJson json = new LazyJson(() -> {
            builds.incrementAndGet();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("b", 2);
            m.put("a", 1);
            m.put("c", null);
            return m;
        });
        assertEquals(0, builds.get());
        assertFalse(json.made());
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> json.get("a"));
            readers.add(t);
            t.start();
        }
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(1, builds.get());
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(json.keySet()));
        assertTrue(json.containsKey("c"));
        assertEquals(3, json.size());
        assertEquals(Map.of("a", 1, "b", 2), Map.of("a", json.get("a"), "b", json.get("b")));
        assertEquals("{\"b\":2,\"a\":1,\"c\":null}", JsonOutput.toJson(json).replaceAll("\\s", ""));
        assertThrows(UnsupportedOperationException.class, () -> json.put("d", 4));
        assertEquals(1, builds.get());
    }

    @Test
    void aReportsPageIsMadeWithoutItsJson() throws Exception {
        SaveReport.Result r = SaveReport.build(Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults()),
                ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"));
        new HtmlReport(null).render(r.notebook());
        LazyJson json = (LazyJson) r.json();
        assertFalse(json.made());
        List<String> keys = new ArrayList<>(json.keySet());
        assertTrue(json.made());
        assertEquals(List.of("generated_at", "title", "period"), keys.subList(0, 3));
        assertEquals("findings", keys.get(keys.size() - 1));
        assertEquals("2026-01-01T00:00:00Z", json.get("generated_at"));
        assertTrue(keys.contains("totals"), keys.toString());
    }
}
