package savescope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The packed text columns of ids and titles answer Tablesaw's string operations as its dictionary columns do. */
class PackedTextMapTest {
    private static final String[] TEXTS = {"Bread 🍞", "", "crème", "Bread 🍞", "a", "\uD83D", "", "zeta", "a"};

    private static List<StringColumn> columns() {
        // With room for fewer rows than it gets, so that it grows.
        StringColumn packed = Canonical.packedTextColumn("t", 2);
        for (String text : TEXTS) {
            packed.append(text);
        }
        return List.of(packed);
    }

    @Test
    void answersAsADictionaryColumnDoes() {
        StringColumn expected = StringColumn.create("t", TEXTS);
        for (StringColumn c : columns()) {
            assertEquals(expected.size(), c.size());
            assertEquals(expected.asList(), c.asList());
            assertEquals(2, c.countMissing()); // by hand: the two empty texts
            assertEquals(expected.countMissing(), c.countMissing());
            assertEquals(6, c.countUnique()); // Bread, "", crème, a, lone surrogate, zeta
            assertEquals(expected.asSet(), c.asSet());
            assertEquals(expected.isEqualTo("a").toString(), c.isEqualTo("a").toString());
            assertEquals(expected.isIn("a", "zeta").toString(), c.isIn("a", "zeta").toString());
            assertEquals(expected.isNotIn("a", "zeta").toString(), c.isNotIn("a", "zeta").toString());
            assertEquals(expected.isMissing().toString(), c.isMissing().toString());
            assertEquals(expected.firstIndexOf("a"), c.firstIndexOf("a"));
            assertEquals(-1, c.firstIndexOf("absent"));
            assertEquals(expected.countOccurrences("Bread 🍞"), c.countOccurrences("Bread 🍞"));
            assertEquals(expected.where(expected.isIn("a", "")).asList(), c.where(c.isIn("a", "")).asList());
            assertEquals(expected.unique().asSet(), c.unique().asSet());
            assertEquals(expected.startsWith("Bread").toString(), c.startsWith("Bread").toString());
            StringColumn sorted = c.copy();
            sorted.sortAscending();
            StringColumn expectedSorted = expected.copy();
            expectedSorted.sortAscending();
            assertEquals(expectedSorted.asList(), sorted.asList());
            sorted.sortDescending();
            expectedSorted.sortDescending();
            assertEquals(expectedSorted.asList(), sorted.asList());
        }
    }

    /**
     * Packed rows fill 1 MiB chunks one after another: rows that no longer fit start a new chunk, a text longer than
     * a chunk gets one of its own, and every text comes back exactly, whichever of the two widths it was kept in.
     */
    @Test
    void packedTextsComeBackExactlyAcrossChunks() {
        StringColumn packed = Canonical.packedTextColumn("t", 0);
        List<String> expected = new java.util.ArrayList<>();
        for (int r = 0; r < 200_000; r++) {
            String text = switch (r % 5) {
                case 0 -> "How to fold a shirt #" + r;
                case 1 -> "Brot backen 🍞 " + r;
                case 2 -> "";
                case 3 -> "crème brûlée ÿ" + r;
                default -> "日本語のタイトル " + r;
            };
            if (r == 123_456) {
                text = "x".repeat(1_500_000) + "é";
            } else if (r == 123_458) {
                text = "🍞".repeat(700_000);
            }
            expected.add(text);
            packed.append(text);
        }
        assertEquals(expected.size(), packed.size());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r), packed.get(r), "row " + r);
        }
        assertEquals(40_000, packed.countMissing()); // every fifth row is empty
    }

    @Test
    void sortsRowsOfATableByText() {
        for (StringColumn c : columns()) {
            Table t = Table.create("t", c, IntColumn.indexColumn("row", TEXTS.length, 0));
            Table byText = t.sortAscendingOn("t");
            // By hand: "" (rows 1, 6), "Bread 🍞" (0, 3), "a" (4, 8), "crème" (2), "zeta" (7), then the lone
            // surrogate U+D83D, which sorts after every letter here; rows of equal text in either order.
            List<String> order = byText.stringColumn("t").asList();
            assertEquals(List.of("", "", "Bread 🍞", "Bread 🍞", "a", "a", "crème", "zeta", "\uD83D"), order);
            assertTrue(byText.intColumn("row").asList().containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        }
    }

    /** Rows changed after they were added read back changed, also when so many change that all are packed again. */
    @Test
    void manyChangedRowsReadBackChanged() {
        StringColumn packed = Canonical.packedTextColumn("t", 0);
        for (int r = 0; r < 20_000; r++) {
            packed.append("7.23E+18");
        }
        for (int r = 0; r < 20_000; r += 2) {
            packed.set(r, "own-" + r + "-é");
        }
        packed.set(1, "🍞");
        for (int r = 0; r < 20_000; r++) {
            String expected = r == 1 ? "🍞" : r % 2 == 0 ? "own-" + r + "-é" : "7.23E+18";
            assertEquals(expected, packed.get(r), "row " + r);
        }
        packed.append("last");
        assertEquals("last", packed.get(20_000));
    }

    @Test
    void setAndClearChangeWhatIsRead() {
        for (StringColumn c : columns()) {
            c.set(0, "changed");
            c.set(1, (String) null);
            c.append((String) null);
            assertEquals("changed", c.get(0));
            assertEquals("", c.get(1));
            assertEquals("", c.get(TEXTS.length));
            assertEquals(3, c.countMissing());
            assertArrayEquals(new int[] {1, 6, 9}, c.isMissing().toArray());
            c.clear();
            assertEquals(0, c.size());
        }
    }

    @Test
    void readsPlainNumbersFromItsBytesAsPlainNumbersReadsTheText() {
        String[] texts = {"7300001000002687856", "0", "012", "", " 12", "12 ", "9999999999999999999", "10000000000000000000",
            "1.0", "-5", "١٢٣", "٣", "42", "7300001000002687856", "99999999999999999999", "+1", "12\u00e9"};
        StringColumn packed = Canonical.packedTextColumn("id", 4);
        for (String t : texts) {
            packed.append(t);
        }
        PackedTextMap map = (PackedTextMap) packed.getDictionary();
        packed.set(13, "8"); // a changed row is read from its new text
        for (int row = 0; row < texts.length; row++) {
            String text = packed.get(row);
            long expected = PlainNumbers.is(text) ? PlainNumbers.bits(text) : PlainNumbers.NOT_PLAIN;
            assertEquals(expected, PlainNumbers.of(StringColumn.create("plain", text), 0), "as text: " + text);
            assertEquals(expected, map.plainNumber(row), "row " + row + " \"" + text + "\"");
        }
        assertEquals(7300001000002687856L, map.plainNumber(0));
        assertEquals(8, map.plainNumber(13));
        assertEquals(PlainNumbers.NOT_PLAIN, map.plainNumber(2)); // a leading zero
        assertEquals(Long.parseUnsignedLong("9999999999999999999"), map.plainNumber(6)); // 19 digits, past Long.MAX_VALUE
        assertEquals(PlainNumbers.NOT_PLAIN, map.plainNumber(7)); // 20 digits
    }

    @Test
    void textsLongerThanTheKeptCharacterArrayComeBackWhole() {
        String longLatin = "é".repeat(20_000) + "x";
        String longEmoji = "🍰".repeat(9_000);
        String[] texts = {"short", longLatin, "après", longEmoji, "again", "a".repeat(16_384), "🍞"};
        StringColumn packed = Canonical.packedTextColumn("t", 2);
        for (String t : texts) {
            packed.append(t);
        }
        for (int row = 0; row < texts.length; row++) {
            assertEquals(texts[row], packed.get(row), "row " + row);
        }
    }

    /**
     * Rows added from UTF-8 bytes read back, group, count and compare as the same texts added as strings, whether
     * the bytes are ASCII, Latin-1 letters, other scripts or past the BMP, across chunks and beside string rows.
     */
    @Test
    void rowsAddedAsUtf8BytesAreTheTextsTheyEncode() {
        String big = "ü".repeat(400_000) + "🍞"; // 800,004 bytes: two of them do not fit one 1 MiB chunk
        String[] texts = {"Bread 🍞", "", "crème", "plain", "東京", "𐐀x", "123", big, "crème", big, "0123", "a"};
        StringColumn fromBytes = Canonical.packedTextColumn("t", 2);
        StringColumn fromText = Canonical.packedTextColumn("t", 2);
        StringColumn mixed = Canonical.packedTextColumn("t", 2);
        for (int i = 0; i < texts.length; i++) {
            byte[] utf8 = texts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] padded = new byte[utf8.length + 4];
            System.arraycopy(utf8, 0, padded, 2, utf8.length);
            boolean ascii = texts[i].chars().allMatch(c -> c < 0x80);
            Canonical.appendUtf8(fromBytes, padded, 2, utf8.length, ascii);
            fromText.append(texts[i]);
            if (i % 2 == 0) {
                Canonical.appendUtf8(mixed, padded, 2, utf8.length, ascii);
            } else {
                mixed.append(texts[i]);
            }
        }
        StringColumn expected = StringColumn.create("t", texts);
        for (StringColumn c : List.of(fromBytes, mixed)) {
            assertEquals(expected.asList(), c.asList());
            assertEquals(1, c.countMissing());
            assertEquals(10, c.countUnique()); // by hand: the twelve texts less a repeated crème and big
            assertEquals(expected.isEqualTo("crème").toString(), c.isEqualTo("crème").toString());
            for (int row = 0; row < texts.length; row++) {
                assertEquals(PlainNumbers.of(fromText, row), PlainNumbers.of(c, row), "row " + row);
            }
        }
        assertEquals(123L, PlainNumbers.of(fromBytes, 6));
        assertEquals(PlainNumbers.NOT_PLAIN, PlainNumbers.of(fromBytes, 10));
        // A plain dictionary column takes the same call as the text.
        StringColumn plain = StringColumn.create("t");
        Canonical.appendUtf8(plain, "x東京".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, 6, false);
        assertEquals(List.of("東京"), plain.asList());
    }
}
