package savescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The per-video frame's plain text columns answer Tablesaw's grouping as dictionary-encoded ones do. */
class CanonicalTest {
    // Ids of different lengths whose texts run together alike ("a"+"bc" and "ab"+"c"), a repeat, a missing id.
    private static final String[] IDS = {"7301234567890123456", "a", "ab", "7301234567890123456", "", "a"};
    private static final String[] TITLES = {"Bread", "bc", "c", "Bread", "   ", "bc"};
    private static final long[] SAVES = {10, 1, 2, 5, 7, 3};

    /** The frame's own id and title columns, filled with the rows above. */
    private static Table plain() {
        Table videos = Canonical.emptyVideos("videos");
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        StringColumn titles = videos.stringColumn(Canonical.TITLE);
        for (int r = 0; r < IDS.length; r++) {
            ids.append(IDS[r]);
            titles.append(TITLES[r]);
        }
        return Table.create("videos", ids, titles, LongColumn.create(Canonical.SAVES, SAVES));
    }

    /** The same rows in Tablesaw's default dictionary-encoded string columns: the independent answer. */
    private static Table encoded() {
        return Table.create("videos", StringColumn.create(Canonical.VIDEO_ID, IDS),
                StringColumn.create(Canonical.TITLE, TITLES), LongColumn.create(Canonical.SAVES, SAVES));
    }

    /** Rows as text, sorted, so that tables equal but for row order compare equal. */
    private static List<String> rows(Table t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                cells.add(t.getString(r, c));
            }
            out.add(String.join("|", cells));
        }
        out.sort(null);
        return out;
    }

    @Test
    void countsAndSumsByIdAndTitle() {
        Table t = plain();
        // By hand: the long id twice (saves 10+5), "a" twice (1+3), "ab" once (2), the missing id once (7).
        Map<String, Double> byId = new TreeMap<>();
        Table sums = t.summarize(Canonical.SAVES, AggregateFunctions.sum).by(Canonical.VIDEO_ID);
        for (int r = 0; r < sums.rowCount(); r++) {
            byId.put(sums.stringColumn(0).get(r), sums.doubleColumn(1).get(r));
        }
        assertEquals(Map.of("7301234567890123456", 15.0, "a", 4.0, "ab", 2.0, "", 7.0), byId);
        assertEquals(rows(encoded().countBy(Canonical.VIDEO_ID)), rows(t.countBy(Canonical.VIDEO_ID)));
        assertEquals(rows(encoded().countBy(Canonical.VIDEO_ID, Canonical.TITLE)),
                rows(t.countBy(Canonical.VIDEO_ID, Canonical.TITLE)));
        assertEquals(4, t.splitOn(Canonical.VIDEO_ID, Canonical.TITLE).size());
        assertEquals(rows(encoded().stringColumn(Canonical.TITLE).countByCategory()),
                rows(t.stringColumn(Canonical.TITLE).countByCategory()));
        assertEquals(rows(encoded().summary()), rows(t.summary()));
    }

    @Test
    void groupsFollowChangesToTheColumn() {
        Table t = plain();
        t.countBy(Canonical.VIDEO_ID);
        t.stringColumn(Canonical.VIDEO_ID).set(2, "a");
        t.stringColumn(Canonical.VIDEO_ID).append((String) null);
        t.stringColumn(Canonical.TITLE).append("late");
        t.longColumn(Canonical.SAVES).append(4);
        // "ab" became "a" (three rows now); the null appended is a missing id, grouped with the other one, and
        // countBy counts a group's present values, so the missing ids' group counts 0.
        Map<String, Integer> counts = new TreeMap<>();
        Table byId = t.countBy(Canonical.VIDEO_ID);
        for (int r = 0; r < byId.rowCount(); r++) {
            counts.put(byId.stringColumn(0).get(r), byId.intColumn(1).get(r));
        }
        assertEquals(Map.of("7301234567890123456", 2, "a", 3, "", 0), counts);
        Table same = Table.create("videos", StringColumn.create(Canonical.VIDEO_ID,
                        "7301234567890123456", "a", "a", "7301234567890123456", "", "a", null),
                StringColumn.create(Canonical.TITLE, "Bread", "bc", "c", "Bread", "   ", "bc", "late"));
        assertEquals(rows(same.countBy(Canonical.VIDEO_ID, Canonical.TITLE)),
                rows(t.countBy(Canonical.VIDEO_ID, Canonical.TITLE)));
        assertEquals(rows(same.summary()), rows(t.selectColumns(Canonical.VIDEO_ID, Canonical.TITLE).summary()));
        assertTrue(t.stringColumn(Canonical.VIDEO_ID).isMissing(6));
        assertEquals(2, t.stringColumn(Canonical.VIDEO_ID).countMissing());
    }
}
