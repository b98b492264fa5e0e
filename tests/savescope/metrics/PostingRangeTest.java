package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

/** The first and last posting time of the videos, compared by second and then by millisecond. */
class PostingRangeTest {
    private static final Long[] COUNTS = VideoTables.c(100, 10, 1, 1, 5);

    @Test
    void theEarliestAndLatestTimesWithMillisecondsAndGapsAndTimesBefore1970() {
        Table t = Canonical.emptyVideos("test");
        VideoTables.add(t, "1", "", COUNTS, Instant.parse("2024-03-01T10:00:00.900Z"), 10, null);
        VideoTables.add(t, "2", "", COUNTS, null, 10, null);
        VideoTables.add(t, "3", "", COUNTS, Instant.parse("2024-03-01T10:00:00.200Z"), 10, null); // same second, earlier
        VideoTables.add(t, "4", "", COUNTS, Instant.parse("2024-05-07T23:59:59.100Z"), 10, null);
        VideoTables.add(t, "5", "", COUNTS, Instant.parse("2024-05-07T23:59:59.700Z"), 10, null); // same second, later
        VideoTables.add(t, "6", "", COUNTS, Instant.parse("2024-04-01T00:00:00Z"), 10, null);
        Analytics.PostingRange r = range(t);
        assertEquals(Instant.parse("2024-03-01T10:00:00.200Z"), r.first());
        assertEquals(Instant.parse("2024-05-07T23:59:59.700Z"), r.last());

        VideoTables.add(t, "7", "", COUNTS, Instant.parse("1969-12-31T23:59:59.500Z"), 10, null);
        assertEquals(Instant.parse("1969-12-31T23:59:59.500Z"), range(t).first());
    }

    @Test
    void noTimeAtAllIsNoRange() {
        Table t = Canonical.emptyVideos("test");
        VideoTables.add(t, "1", "", COUNTS, null, 10, null);
        assertNull(range(t));
        assertNull(range(Canonical.emptyVideos("empty")));
    }

    private static Analytics.PostingRange range(Table t) {
        return LocalAnalytics.of(Dataset.ofVideos(t, new LoadReport(List.of(), List.of()))).postingRange();
    }
}
