package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static savescope.metrics.VideoTables.c;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

/** The videos posted in each period, counted where their counts are missing too. */
class PeriodComparisonTest {
    private static final Instant MARCH = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-10T12:00:00Z");

    @Test
    void videosWithoutViewsOrSavesAreCountedAndTheirCountsLeftOut() {
        Table t = Canonical.emptyVideos("test");
        // The first video of each period has no views or no saves: the sums must start from the others.
        VideoTables.add(t, "v1", "", c(null, 5L, 1L, 0L, null), MARCH, 30, null);
        VideoTables.add(t, "v2", "", c(1000L, 50L, 5L, 2L, 10L), MARCH, 30, null);
        VideoTables.add(t, "v3", "", c(400L, 20L, 1L, 1L, 8L), MARCH.plusSeconds(86_400), 30, null);
        VideoTables.add(t, "v4", "", c(200L, 2L, 0L, 0L, null), FEBRUARY, 30, null);
        VideoTables.add(t, "v5", "", c(null, 1L, 0L, 0L, 3L), FEBRUARY, 30, null);
        VideoTables.add(t, "v6", "", c(null, 1L, 0L, 0L, null), Instant.parse("2026-01-10T12:00:00Z"), 30, null);
        Dataset data = Dataset.ofVideos(t, new LoadReport(List.of(), List.of()));
        Period march = Period.parse("2026-03", LocalDate.of(2026, 3, 31));
        PeriodComparison p = PeriodComparison.of(data, march, march.comparison("previous"));
        // March by hand: 3 videos; views 1000 + 400 (v1 has none); saves 10 + 8 (v1 has none).
        assertEquals(3, p.now().videos());
        assertEquals(1400L, p.now().views());
        assertEquals(18L, p.now().saves());
        // February: 2 videos; views only v4's 200, saves only v5's 3.
        assertEquals(2, p.before().videos());
        assertEquals(200L, p.before().views());
        assertEquals(3L, p.before().saves());
        // January alone: a video with neither count leaves both sums unknown.
        Period january = Period.parse("2026-01", LocalDate.of(2026, 3, 31));
        PeriodComparison j = PeriodComparison.of(data, january, march);
        assertEquals(1, j.now().videos());
        assertNull(j.now().views());
        assertNull(j.now().saves());
    }
}
