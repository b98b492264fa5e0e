package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Accumulation#top} keeps what a full sort by evergreen score (then id) lists first. */
class AccumulationTopTest {

    private static Accumulation.VideoCurve curve(String id, double score) {
        return new Accumulation.VideoCurve(id, 14, 10, 1, score, 1, 1, 1, false, new long[14]);
    }

    @Test
    void keepsWhatAFullSortListsFirst() {
        // Scores from a handful of values, so many ties are broken by id; some unscored (NaN) are left out.
        Random random = new Random(7);
        List<Accumulation.VideoCurve> curves = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int pick = random.nextInt(6);
            curves.add(curve("v" + random.nextInt(100_000), pick == 5 ? Double.NaN : pick / 10.0));
        }
        List<Accumulation.VideoCurve> sorted = curves.stream().filter(c -> !Double.isNaN(c.evergreenScore()))
                .sorted(Comparator.comparingDouble(Accumulation.VideoCurve::evergreenScore).reversed()
                        .thenComparing(Accumulation.VideoCurve::id)).toList();
        for (int n : new int[] {0, 1, 10, 1000}) {
            assertEquals(sorted.subList(0, Math.min(n, sorted.size())), Accumulation.top(curves, n), "n = " + n);
        }
    }

    @Test
    void byHand() {
        List<Accumulation.VideoCurve> curves = List.of(curve("c", 0.2), curve("a", 0.5), curve("n", Double.NaN),
                curve("b", 0.2), curve("d", 0.1));
        // 0.5 (a) first; then the two at 0.2 by id: b before c.
        assertEquals(List.of("a", "b", "c"), Accumulation.top(curves, 3).stream().map(Accumulation.VideoCurve::id)
                .toList());
    }
}
