package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class TopVideosTest {

    @Test
    void topRowsMatchAFullSortIncludingTiesAndMissing() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = random.nextInt(60);
            LongColumn saves = LongColumn.create("saves");
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common; about one in six is missing.
                if (random.nextInt(6) == 0) {
                    saves.appendMissing();
                } else {
                    saves.append(random.nextInt(8));
                }
            }
            int cap = random.nextInt(n + 3);
            // The independent reference: every row sorted, highest first, ties by row, missing last.
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> saves.isMissing(i) ? Long.MIN_VALUE : saves.getLong(i))
                            .reversed().thenComparing(i -> i))
                    .limit(cap).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, TopVideos.topRows(saves, cap), "n=" + n + " cap=" + cap);
        }
    }

    @Test
    void topRowsByHand() {
        LongColumn saves = LongColumn.create("saves", new long[] {5, 9, 5, 1});
        saves.appendMissing();
        saves.append(9);
        // 9 (row 1), 9 (row 5), then 5 (row 0) before 5 (row 2).
        assertArrayEquals(new int[] {1, 5, 0}, TopVideos.topRows(saves, 3));
        // All six: ... 1 (row 3), missing (row 4) last.
        assertArrayEquals(new int[] {1, 5, 0, 2, 3, 4}, TopVideos.topRows(saves, 10));
    }

    @Test
    void rowsCarryEveryCountAndLeaveMissingOnesNull() {
        Table v = Canonical.emptyVideos("v");
        add(v, "a", 10, 1000L);
        add(v, "b", 30, null);
        add(v, "c", 20, 0L);
        List<TopVideos.Video> top = TopVideos.of(v, Canonical.SAVES, 2);
        assertEquals(List.of("b", "c"), top.stream().map(TopVideos.Video::videoId).toList());
        // b: 30 saves, no views count -> no rate; c: 20 saves of 0 views -> no rate either
        assertEquals(30L, top.get(0).saves());
        assertNull(top.get(0).views());
        assertNull(top.get(0).saveRate());
        assertNull(top.get(1).saveRate());
        assertNull(top.get(0).likes());
        // a: 10 / 1,000
        assertEquals(0.01, TopVideos.of(v, Canonical.SAVES, 3).get(2).saveRate(), 1e-15);
        assertEquals("2024-05-06T10:00:00Z", top.get(0).postedAt());
    }

    private static void add(Table v, String id, long saves, Long views) {
        for (var c : v.columns()) {
            String name = c.name();
            if (name.equals(Canonical.VIDEO_ID)) {
                v.stringColumn(name).append(id);
            } else if (name.equals(Canonical.SAVES)) {
                v.longColumn(name).append(saves);
            } else if (name.equals(Canonical.VIEWS) && views != null) {
                v.longColumn(name).append(views);
            } else if (name.equals(Canonical.POSTED_AT)) {
                v.instantColumn(name).append(java.time.Instant.parse("2024-05-06T10:00:00Z"));
            } else {
                c.appendMissing();
            }
        }
    }
}
