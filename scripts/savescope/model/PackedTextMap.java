package savescope.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Text storage for a string column whose rows are nearly all different (ids, titles), packed into a few large byte
 * arrays instead of one {@code String} and one byte array per row. At a million videos the per-row objects were
 * two million of the heap's objects, each copied by the collector until it reached the old generation; packed,
 * the collector copies a handful of 1 MiB chunks, and a row's {@code String} is made again when it is read.
 *
 * <p>A row whose characters all fit in one byte (ISO 8859-1, which covers ASCII) is kept one byte per character;
 * any other row as its UTF-16 code units, two bytes each, so every text comes back exactly as it went in, lone
 * surrogates included. A row read from a file's well-formed UTF-8 bytes ({@link #appendUtf8}) keeps those bytes as
 * they are: a caption with an emoji takes about half the room it would as UTF-16, and no {@code String} is made. A missing value is the empty text, as in Tablesaw's own string columns. Rows changed after
 * they were added are kept aside. Grouping operations get a key per distinct text, built when first asked for.
 */
final class PackedTextMap implements DictionaryMap {
    private static final int CHUNK = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    /** Per row: its chunk (high 32 bits) and first byte in it (low 32 bits). */
    private long[] at;
    /**
     * Per row: its length in bytes; negative for a row kept as UTF-16 (minus its bytes, always even) or as UTF-8
     * (minus twice its bytes, minus one: always odd).
     */
    private int[] length;
    private int size;
    /** The chunk being filled and the next free byte in it. */
    private byte[] chunk;
    private int free;
    /** {@link #append}'s copy of a text's characters, grown to the longest text; appends come from one thread. */
    private char[] units = new char[64];
    /** The longest text {@link #units} grows for. */
    private static final int KEPT_UNITS = 1 << 14;
    /** Rows changed by {@link #set} after they were added: their text now. */
    private Map<Integer, String> changed;
    private volatile RowKeys keys;

    PackedTextMap(int expectedRows) {
        int rows = Math.max(16, expectedRows);
        at = new long[rows];
        length = new int[rows];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        if (changed != null) {
            String text = changed.get(row);
            if (text != null) {
                return text;
            }
        }
        int len = length[row];
        if (len == 0) {
            return "";
        }
        byte[] bytes = chunks.get((int) (at[row] >>> 32));
        int start = (int) at[row];
        if (len > 0) {
            return new String(bytes, start, len, StandardCharsets.ISO_8859_1);
        }
        if ((len & 1) != 0) {
            return new String(bytes, start, utf8Bytes(len), StandardCharsets.UTF_8);
        }
        char[] units = new char[-len / 2];
        for (int i = 0, b = start; i < units.length; i++, b += 2) {
            units[i] = (char) (((bytes[b] & 0xFF) << 8) | (bytes[b + 1] & 0xFF));
        }
        return new String(units);
    }

    /**
     * Row {@code row}'s text as {@link PlainNumbers#bits} reads it when {@link PlainNumbers#is} holds for it, read
     * from the packed bytes without a {@code String}; {@link PlainNumbers#NOT_PLAIN} for any other text.
     */
    long plainNumber(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        if (changed != null && changed.containsKey(row)) {
            String text = changed.get(row);
            return PlainNumbers.is(text) ? PlainNumbers.bits(text) : PlainNumbers.NOT_PLAIN;
        }
        int len = length[row];
        if (len <= 0 || len > 19) { // empty, too long, or holding a character beyond ISO 8859-1
            return PlainNumbers.NOT_PLAIN;
        }
        byte[] bytes = chunks.get((int) (at[row] >>> 32));
        int start = (int) at[row];
        if (len > 1 && bytes[start] == '0') {
            return PlainNumbers.NOT_PLAIN;
        }
        long v = 0;
        for (int i = start; i < start + len; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return PlainNumbers.NOT_PLAIN;
            }
            v = v * 10 + d;
        }
        return v;
    }

    @Override
    public String getValueForIndex(int row) {
        return get(row);
    }

    @Override
    public void append(String value) {
        forgetKeys();
        if (size == at.length) {
            int grown = size + (size >> 1) + 16;
            at = Arrays.copyOf(at, grown);
            length = Arrays.copyOf(length, grown);
        }
        String text = value == null ? "" : value;
        int n = text.length();
        int row = size++;
        if (n == 0) {
            length[row] = 0;
            return;
        }
        // The characters copied out once, then read from the array: as this JVM compiles it (C1 only), packing
        // with a charAt per character took 0.22 of the 0.73 s of CPU adding a million rows took, and 0.16 s so.
        // The array is kept for texts up to KEPT_UNITS characters; a longer one gets an array of its own.
        if (units.length < n && n <= KEPT_UNITS) {
            units = new char[Math.min(KEPT_UNITS, Math.max(n, 2 * units.length))];
        }
        char[] u = n <= units.length ? units : new char[n];
        text.getChars(0, n, u, 0);
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= u[i];
        }
        if (any <= 0xFF) {
            room(n);
            int start = free;
            byte[] c = chunk;
            for (int i = 0; i < n; i++) {
                c[start + i] = (byte) u[i];
            }
            free += n;
            at[row] = ((long) (chunks.size() - 1) << 32) | start;
            length[row] = n;
            return;
        }
        room(2 * n);
        int start = free;
        byte[] c = chunk;
        for (int k = 0, b = start; k < n; k++, b += 2) {
            c[b] = (byte) (u[k] >>> 8);
            c[b + 1] = (byte) u[k];
        }
        free += 2 * n;
        at[row] = ((long) (chunks.size() - 1) << 32) | start;
        length[row] = -2 * n;
    }

    /**
     * Adds a row holding the text of {@code len} bytes of {@code src} from {@code off}, which must be well-formed
     * UTF-8 (no overlong forms, surrogates or code points past U+10FFFF; the caller has checked): the same row
     * {@code append(new String(src, off, len, UTF_8))} would add, kept as those bytes. {@code ascii} says that every
     * byte is below 0x80, when the row is kept one byte per character as any such text is.
     */
    void appendUtf8(byte[] src, int off, int len, boolean ascii) {
        forgetKeys();
        if (size == at.length) {
            int grown = size + (size >> 1) + 16;
            at = Arrays.copyOf(at, grown);
            length = Arrays.copyOf(length, grown);
        }
        int row = size++;
        if (len == 0) {
            length[row] = 0;
            return;
        }
        if (len > (Integer.MAX_VALUE - 1) / 2) {
            throw new IllegalArgumentException("a text of " + len + " bytes is too long to keep");
        }
        room(len);
        System.arraycopy(src, off, chunk, free, len);
        at[row] = ((long) (chunks.size() - 1) << 32) | free;
        length[row] = ascii ? len : -2 * len - 1;
        free += len;
    }

    /** The bytes of a UTF-8 row from its {@link #length} entry. */
    private static int utf8Bytes(int len) {
        return (-len - 1) >>> 1;
    }

    /** Makes sure the current chunk has {@code bytes} free: a new chunk otherwise, as large as a long text needs. */
    private void room(int bytes) {
        if (chunk != null && chunk.length - free >= bytes) {
            return;
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a text of " + bytes / 2 + " characters is too long to keep");
        }
        chunk = new byte[Math.max(CHUNK, bytes)];
        chunks.add(chunk);
        free = 0;
    }

    @Override
    public void set(int row, String value) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        forgetKeys();
        if (changed == null) {
            changed = new HashMap<>();
        }
        changed.put(row, value == null ? "" : value);
        // Many rows changed (a file's every id replaced by its own): packed again rather than kept in the map.
        if (changed.size() > 4096 && changed.size() > size / 4) {
            refill(asObjectArray());
        }
    }

    @Override
    public void appendMissing() {
        append("");
    }

    @Override
    public boolean isMissing(int row) {
        return get(row).isEmpty();
    }

    @Override
    public int countMissing() {
        int missing = 0;
        for (int r = 0; r < size; r++) {
            if (changed == null ? length[r] == 0 : isMissing(r)) {
                missing++;
            }
        }
        return missing;
    }

    @Override
    public void clear() {
        forgetKeys();
        chunks.clear();
        chunk = null;
        free = 0;
        size = 0;
        changed = null;
    }

    @Override
    public void sortAscending() {
        String[] texts = asObjectArray();
        Arrays.sort(texts);
        refill(texts);
    }

    @Override
    public void sortDescending() {
        String[] texts = asObjectArray();
        Arrays.sort(texts, java.util.Comparator.reverseOrder());
        refill(texts);
    }

    private void refill(String[] texts) {
        clear();
        for (String text : texts) {
            append(text);
        }
    }

    @Override
    public String[] asObjectArray() {
        String[] texts = new String[size];
        for (int r = 0; r < size; r++) {
            texts[r] = get(r);
        }
        return texts;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public String next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public int countOccurrences(String value) {
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (get(r).equals(value)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public int firstIndexOf(String value) {
        for (int r = 0; r < size; r++) {
            if (get(r).equals(value)) {
                return r;
            }
        }
        return -1;
    }

    @Override
    public Set<String> asSet() {
        return new HashSet<>(keys().texts());
    }

    @Override
    public int countUnique() {
        return keys().texts().size();
    }

    @Override
    public Selection isEqualTo(String value) {
        Selection rows = new BitmapBackedSelection();
        for (int r = 0; r < size; r++) {
            if (get(r).equals(value)) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Override
    public Selection selectIsIn(String... values) {
        return selectIsIn(Arrays.asList(values));
    }

    @Override
    public Selection selectIsIn(Collection<String> values) {
        Set<String> wanted = new HashSet<>(values);
        Selection rows = new BitmapBackedSelection();
        for (int r = 0; r < size; r++) {
            if (wanted.contains(get(r))) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Override
    public Selection isIn(String... values) {
        return selectIsIn(values);
    }

    @Override
    public Selection isIn(Collection<String> values) {
        return selectIsIn(values);
    }

    @Override
    public Selection isNotIn(String... values) {
        return isNotIn(Arrays.asList(values));
    }

    @Override
    public Selection isNotIn(Collection<String> values) {
        Selection rows = new BitmapBackedSelection();
        rows.addRange(0, size);
        return rows.andNot(selectIsIn(values));
    }

    @Override
    public List<BooleanColumn> getDummies() {
        RowKeys k = keys();
        List<BooleanColumn> dummies = new ArrayList<>();
        for (int key = 0; key < k.texts().size(); key++) {
            BooleanColumn dummy = BooleanColumn.create(k.texts().get(key), size);
            for (int r = 0; r < size; r++) {
                dummy.set(r, k.ofRow()[r] == key);
            }
            dummies.add(dummy);
        }
        return dummies;
    }

    @Override
    public int getKeyAtIndex(int row) {
        return keys().ofRow()[row];
    }

    @Override
    public int getKeyForIndex(int row) {
        return keys().ofRow()[row];
    }

    @Override
    public String getValueForKey(int key) {
        return keys().texts().get(key);
    }

    /** Four bytes, the room Tablesaw's grouping gives a string column's value in a row's group key. */
    @Override
    public byte[] asBytes(int row) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(getKeyAtIndex(row)).array();
    }

    @Override
    public Table countByCategory(String columnName) {
        RowKeys k = keys();
        int[] counts = new int[k.texts().size()];
        for (int key : k.ofRow()) {
            counts[key]++;
        }
        return Table.create("Column: " + columnName, StringColumn.create("Category", k.texts()),
                IntColumn.create("Count", counts));
    }

    /** Never full: any text fits. */
    @Override
    public DictionaryMap promoteYourself() {
        return this;
    }

    @Override
    public int nextKeyWithoutIncrementing() {
        return size;
    }

    @Override
    public boolean canPromoteToText() {
        return false;
    }

    private RowKeys keys() {
        RowKeys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = RowKeys.of(size, this::get);
                    keys = k;
                }
            }
        }
        return k;
    }

    /** Unsynchronised: rows are added and changed by one thread, before the column is shared. */
    private void forgetKeys() {
        if (keys != null) {
            keys = null;
        }
    }
}
