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

    @Test
    void ratedVideosFromAFrameGiveTheFramesTimesBackToTheMillisecondAndTheSecondRoundedDown() {
        Table t = Canonical.emptyVideos("test");
        List<Instant> times = java.util.Arrays.asList(Instant.parse("2024-03-01T10:00:00.900Z"), null,
                Instant.parse("1969-12-31T23:59:59.500Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1960-06-01T12:00:00.001Z"));
        for (int i = 0; i < times.size(); i++) {
            VideoTables.add(t, "v" + i, "", COUNTS, times.get(i), 10, null);
        }
        List<RatedVideo> rated = RatedVideo.of(t);
        assertEquals(times.size(), rated.size());
        for (int i = 0; i < times.size(); i++) {
            Instant at = times.get(i);
            RatedVideo v = rated.get(i);
            assertEquals(at, v.postedAt(), "row " + i);
            assertEquals(at == null ? Long.MIN_VALUE : at.getEpochSecond(), v.postedSecond(), "row " + i);
            RatedVideo made = new RatedVideo(v.id(), v.account(), at, v.views(), v.saves(), v.hashtags(), v.contentType());
            assertEquals(made, v);
            assertEquals(made.hashCode(), v.hashCode());
            assertEquals(made.postedSecond(), v.postedSecond());
        }
        assertEquals(-1, rated.get(2).postedSecond()); // 23:59:59.5 on the last day before the epoch
    }

    private static Analytics.PostingRange range(Table t) {
        return LocalAnalytics.of(Dataset.ofVideos(t, new LoadReport(List.of(), List.of()))).postingRange();
    }
}
