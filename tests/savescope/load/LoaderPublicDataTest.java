package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.metrics.Totals;
import savescope.model.Dataset;

/**
 * Totals of real public exports (tests/fixtures/public, sources in its SOURCES.md), computed independently
 * with a spreadsheet-free script and checked by hand against the files.
 */
class LoaderPublicDataTest {
    private static final Path PUBLIC = Path.of("tests", "fixtures", "public");

    @Test
    void handCopiedStudioSheetTotals() {
        Dataset d = Loader.load(List.of(PUBLIC.resolve("handcopied-studio-content.csv")), Loader.Options.defaults());
        Totals t = Totals.of(d.videos());
        assertEquals(105, t.videos());
        assertEquals(8_879_174L, t.views());
        assertEquals(30_744L, t.saves());
        assertEquals(105, d.load().rowsRead());
        assertEquals(0, d.load().rowsRejected());
        assertEquals("hand-kept TikTok Studio sheet", d.load().sources().get(0).format());
    }
}
