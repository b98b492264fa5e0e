package savescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A column made at once of one repeated text is, to every Tablesaw operation and to the dictionary keys underneath,
 * the column appending that text row by row makes: Tablesaw's own appends are the independent answer.
 */
class RepeatedTextColumnTest {
    private static StringColumn appended(String text, int rows) {
        StringColumn c = StringColumn.create("c");
        for (int i = 0; i < rows; i++) {
            c.append(text);
        }
        return c;
    }

    private static void assertSameColumn(StringColumn expected, StringColumn actual, String what) {
        assertEquals(expected.asList(), actual.asList(), what);
        assertEquals(expected.countUnique(), actual.countUnique(), what);
        assertEquals(expected.countMissing(), actual.countMissing(), what);
        assertEquals(expected.isMissing().toString(), actual.isMissing().toString(), what);
        assertEquals(expected.getDictionary().getClass(), actual.getDictionary().getClass(), what);
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(expected.getDictionary().getKeyForIndex(row), actual.getDictionary().getKeyForIndex(row),
                    what + " key of row " + row);
        }
        assertEquals(expected.countByCategory().printAll(), actual.countByCategory().printAll(), what);
        assertEquals(expected.getDictionary().nextKeyWithoutIncrementing(),
                actual.getDictionary().nextKeyWithoutIncrementing(), what);
    }

    @Test
    void isTheColumnAppendingTheTextMakesAndGrowsAsItDoes() {
        for (String text : new String[] {"@creator", "", null, "videos.csv"}) {
            for (int rows : new int[] {1, 2, 300}) {
                String what = "\"" + text + "\" x " + rows;
                StringColumn expected = appended(text, rows);
                StringColumn actual = Canonical.repeatedTextColumn("c", text, rows);
                assertSameColumn(expected, actual, what);
                // More rows after it, past the 254 texts a one-byte dictionary holds, so both grow alike.
                List<String> more = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    more.add(i % 3 == 0 ? "" : i % 5 == 0 ? String.valueOf(text) : "t" + i);
                }
                for (String m : more) {
                    expected.append(m);
                    actual.append(m);
                }
                assertSameColumn(expected, actual, what + " and more");
                expected.set(0, "changed");
                actual.set(0, "changed");
                assertSameColumn(expected, actual, what + " changed");
            }
        }
        assertEquals(0, Canonical.repeatedTextColumn("c", "x", 0).size());
    }

    @Test
    void tablesOfItAppendSortAndGroupAsTablesOfAppendedColumns() {
        Table expected = Table.create("t", appended("a.csv", 3), StringColumn.create("k", "z", "y", "x"));
        Table actual = Table.create("t", Canonical.repeatedTextColumn("c", "a.csv", 3), StringColumn.create("k", "z", "y", "x"));
        Table other = Table.create("t", appended("b.csv", 2), StringColumn.create("k", "w", "v"));
        expected.append(other);
        actual.append(other);
        assertEquals(expected.printAll(), actual.printAll());
        assertEquals(expected.sortOn("c", "k").printAll(), actual.sortOn("c", "k").printAll());
        assertEquals(expected.countBy("c").printAll(), actual.countBy("c").printAll());
        assertEquals(expected.where(expected.stringColumn("c").isEqualTo("a.csv")).printAll(),
                actual.where(actual.stringColumn("c").isEqualTo("a.csv")).printAll());
    }
}
