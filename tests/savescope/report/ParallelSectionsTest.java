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
        Note ok = new Note("fine", 0, false);
        Note broken = new Note("broke", 0, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaveReport.buildSections(ctx, List.of(ok, broken, ok), 2, new java.util.concurrent.atomic.LongAdder()));
        assertEquals("section broke", e.getMessage());
    }

    @Test
    void forksAreJoinedInSectionOrder() {
        ReportContext ctx = new ReportContext(null, ReportOptions.defaults(), CLOCK);
        List<Note> sections = List.of(new Note("first", 50, false), new Note("second", 0, false),
                new Note("third", 0, false));
        List<ReportContext> parts = SaveReport.buildSections(ctx, sections, 3, new java.util.concurrent.atomic.LongAdder());
        assertEquals(List.of("first", "second", "third"),
                parts.stream().map(p -> p.cells().get(0).source()).toList());
    }

    @Test
    void theLongestSectionsStartFirstAndEverySectionStartsOnce() {
        List<Section<?>> sections = SaveReport.sections();
        int[] order = SaveReport.longestFirst(sections);
        List<Class<?>> started = java.util.Arrays.stream(order).<Class<?>>mapToObj(i -> sections.get(i).getClass()).toList();
        assertEquals(SaveReport.LONGEST_FIRST, started.subList(0, SaveReport.LONGEST_FIRST.size()));
        assertEquals(java.util.stream.IntStream.range(0, sections.size()).boxed().toList(),
                java.util.Arrays.stream(order).sorted().boxed().toList());
        // The rest keep their section order: the period section (second on the page) is the first of them.
        assertEquals(savescope.report.sections.PeriodSection.class, started.get(SaveReport.LONGEST_FIRST.size()));
        // Sections not in the list at all start in the order given.
        List<Note> notes = List.of(new Note("a", 0, false), new Note("b", 0, false));
        assertEquals(List.of(0, 1), java.util.Arrays.stream(SaveReport.longestFirst(notes)).boxed().toList());
    }

    /** A section that writes one line, after a pause, or fails while analysing. */
    record Note(String text, long pauseMillis, boolean fails) implements Section<Note.Text> {
        record Text(String text) {}

        @Override
        public Text analyse(savescope.metrics.Analytics data, ReportOptions options) {
            if (fails) {
                throw new IllegalArgumentException("section " + text);
            }
            sleep(pauseMillis);
            return new Text(text);
        }

        @Override
        public void present(Text figures, ReportContext page) {
            page.markdown(figures.text());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
