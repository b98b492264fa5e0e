package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static savescope.metrics.VideoTables.c;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/** Columns shared between metrics: each taken from the frame once, the same values as a fresh copy, on any thread. */
class VideoColumnsTest {
    private static Table frame() {
        return VideoTables.counts(
                c(1000L, 50L, 5L, 2L, 10L),
                c(0L, 0L, 0L, 0L, 0L),
                c(null, 3L, 1L, 0L, 4L),
                c(400L, 20L, null, 1L, 8L));
    }

    @Test
    void eachColumnIsTakenOnceWithTheValuesOfAFreshCopy() {
        Table t = frame();
        VideoColumns columns = new VideoColumns(t);
        for (String name : Canonical.COUNTS) {
            double[] first = columns.of(name);
            assertSame(first, columns.of(name), name + " is read from the frame once");
            assertArrayEquals(VideoValues.of(t, name), first, name);
        }
        // By hand: 10/1000, views 0 (no rate), views missing (no rate), 8/400.
        assertArrayEquals(new double[] {0.01, Double.NaN, Double.NaN, 0.02}, columns.saveRates());
        assertSame(columns.saveRates(), columns.saveRates());
        assertArrayEquals(new double[] {5, 0, 1, Double.NaN}, columns.of(Canonical.COMMENTS));
    }

    @Test
    void metricsFromSharedColumnsEqualThoseFromTheFrame() {
        Table t = frame();
        VideoColumns columns = new VideoColumns(t);
        assertEquals(Rates.of(t, 100L), Rates.of(columns, 100L));
        assertEquals(DataAlerts.of(t), DataAlerts.of(columns));
        assertEquals(Quadrants.of(t).summary(), Quadrants.of(columns).summary());
        assertEquals(SaveCorrelations.partialWithSaves(t).keySet(), SaveCorrelations.partialWithSaves(columns).keySet());
        // and the columns are left as they were read: no metric writes to them
        assertArrayEquals(VideoValues.of(t, Canonical.VIEWS), columns.of(Canonical.VIEWS));
        assertArrayEquals(VideoValues.saveRates(t), columns.saveRates());
    }

    @Test
    void threadsAskingAtOnceGetTheOneArray() throws Exception {
        Table t = frame();
        for (int round = 0; round < 20; round++) {
            VideoColumns columns = new VideoColumns(t);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[][]>> asked = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return new double[][] {columns.saveRates(), columns.of(Canonical.VIEWS)};
                }));
            }
            start.countDown();
            double[][] first = asked.get(0).get();
            for (Future<double[][]> f : asked) {
                assertSame(first[0], f.get()[0]);
                assertSame(first[1], f.get()[1]);
            }
            pool.shutdown();
        }
    }

    /** Sixty videos with types, times, durations, hashtags, missing counts and zero views. */
    private static Table richFrame() {
        Table t = Canonical.emptyVideos("test");
        String[] types = {"tutorial", "vlog", "", "recipe"};
        for (int i = 0; i < 60; i++) {
            Long views = i % 7 == 0 ? null : i % 5 == 0 ? 0L : 100L + 37L * i;
            Long saves = i % 11 == 0 ? null : (long) (i * 3 % 50);
            Long comments = i % 13 == 0 ? null : (long) (i % 9);
            VideoTables.add(t, "v" + i, types[i % 4], c(views, Long.valueOf(i % 17), comments, Long.valueOf(i % 4), saves),
                    i % 9 == 0 ? null : java.time.Instant.parse("2026-03-01T00:00:00Z").plusSeconds(37_000L * i),
                    i % 6 == 0 ? Double.NaN : i * 7.0, i % 3 == 0 ? "#a #b" : "#c");
        }
        return t;
    }

    @Test
    void everyMetricLeavesTheSharedColumnsAsTheyWereReadFromAnyThread() throws Exception {
        Table t = richFrame();
        VideoColumns columns = new VideoColumns(t);
        List<String> names = new ArrayList<>(Canonical.COUNTS);
        names.add(Canonical.DURATION_S);
        // Every metric that takes shared columns, each run on two threads at once as the report's sections run.
        List<java.util.concurrent.Callable<Object>> metrics = List.of(
                () -> Rates.of(columns, 100L),
                () -> DataAlerts.of(columns),
                () -> Quadrants.of(columns).summary(),
                () -> Rankings.of(columns, 0, 5),
                () -> SaveCorrelations.counts(columns),
                () -> SaveCorrelations.rates(columns),
                () -> SaveCorrelations.partialWithSaves(columns),
                () -> SavesAgainstViews.of(columns.of(Canonical.VIEWS), columns.of(Canonical.SAVES), 10, 1L),
                () -> {
                    GroupComparison.Rated rated = GroupComparison.Rated.of(columns);
                    return List.of(GroupComparison.byContentType(rated), GroupComparison.byDuration(rated),
                            GroupComparison.byWeekday(rated), GroupComparison.byHour(rated),
                            GroupComparison.byHashtag(rated));
                });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (java.util.concurrent.Callable<Object> m : metrics) {
                done.add(pool.submit(m));
                done.add(pool.submit(m));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String name : names) {
            assertArrayEquals(VideoValues.of(t, name), columns.of(name), name + " as read from the frame");
        }
        assertArrayEquals(VideoValues.saveRates(t), columns.saveRates(), "save rates as worked out");
        // And the same numbers as each metric from the frame alone.
        assertEquals(Rates.of(t, 100L), Rates.of(columns, 100L));
        assertEquals(Rankings.of(t, 0, 5), Rankings.of(columns, 0, 5));
        assertEquals(GroupComparison.byHashtag(t), GroupComparison.byHashtag(GroupComparison.Rated.of(columns)));
    }
}
