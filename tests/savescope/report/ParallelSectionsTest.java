package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.render.HtmlReport;
import savescope.render.JsonOutput;

/** Sections built side by side give the very report that building them one after another gives. */
class ParallelSectionsTest {
    private static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void threadsDoNotChangeTheReport() throws Exception {
        Dataset data = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        SaveReport.Result one = SaveReport.build(data, ReportOptions.defaults(), CLOCK, 1);
        SaveReport.Result three = SaveReport.build(data, ReportOptions.defaults(), CLOCK, 3);
        HtmlReport html = new HtmlReport(null);
        assertEquals(JsonOutput.toJson(one.json()), JsonOutput.toJson(three.json()));
        assertEquals(html.render(one.notebook()), html.render(three.notebook()));
        // Every section contributed: the sample has all inputs, so no section is empty.
        assertTrue(one.notebook().cells().size() > SaveReport.sections().size());
    }

    @Test
    void aFailingSectionFailsTheBuildWithItsOwnException() {
        ReportContext ctx = new ReportContext(null, ReportOptions.defaults(), CLOCK);
        LegacySection ok = c -> c.markdown("fine");
        LegacySection broken = c -> {
            throw new IllegalArgumentException("section broke");
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaveReport.buildSections(ctx, List.<Object>of(ok, broken, ok), 2, new java.util.concurrent.atomic.LongAdder()));
        assertEquals("section broke", e.getMessage());
    }

    @Test
    void forksAreJoinedInSectionOrder() {
        ReportContext ctx = new ReportContext(null, ReportOptions.defaults(), CLOCK);
        List<Object> sections = new java.util.ArrayList<>(List.<LegacySection>of(c -> {
            sleep(50);
            c.markdown("first");
        }, c -> c.markdown("second"), c -> c.markdown("third")));
        List<ReportContext> parts = SaveReport.buildSections(ctx, sections, 3, new java.util.concurrent.atomic.LongAdder());
        assertEquals(List.of("first", "second", "third"),
                parts.stream().map(p -> p.cells().get(0).source()).toList());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
