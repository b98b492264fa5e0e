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
}
