package savescope.model;

import java.nio.ByteBuffer;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.NoKeysAvailableException;
import tech.tablesaw.columns.strings.NullDictionaryMap;

/**
 * Plain text storage for a string column, as {@link NullDictionaryMap}, that still answers the few Tablesaw
 * operations which need a key per distinct value (countBy, splitOn, summarize ... by, summary()) from keys
 * built only when one of them asks: loading and the report never do, a notebook's grouping of videos may.
 */
final class PlainTextMap extends NullDictionaryMap {
    /** The key of each row and the text of each key, or null until asked for (and again after any change). */
    private volatile RowKeys keys;

    PlainTextMap() {
        super(new ByteDictionaryMap());
    }

    private synchronized RowKeys keys() {
        if (keys == null) {
            keys = RowKeys.of(size(), this::getValueForIndex);
        }
        return keys;
    }

    /** Unsynchronised: rows are added and changed by one thread, before the column is shared. */
    private void forgetKeys() {
        if (keys != null) {
            keys = null;
        }
    }

    @Override
    public int getKeyAtIndex(int rowNumber) {
        return keys().ofRow()[rowNumber];
    }

    @Override
    public int getKeyForIndex(int rowNumber) {
        return keys().ofRow()[rowNumber];
    }

    @Override
    public String getValueForKey(int key) {
        return keys().texts().get(key);
    }

    /** Four bytes, the room Tablesaw's grouping gives a string column's value in a row's group key. */
    @Override
    public byte[] asBytes(int rowNumber) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(getKeyAtIndex(rowNumber)).array();
    }

    @Override
    public Table countByCategory(String columnName) {
        RowKeys k = keys();
        int[] counts = new int[k.texts().size()];
        for (int key : k.ofRow()) {
            counts[key]++;
        }
        StringColumn category = StringColumn.create("Category", k.texts());
        return Table.create("Column: " + columnName, category, IntColumn.create("Count", counts));
    }

    /** A null is a missing value, as in a dictionary-encoded column (plain text would keep the null). */
    @Override
    public void append(String value) throws NoKeysAvailableException {
        forgetKeys();
        super.append(value == null ? "" : value);
    }

    @Override
    public void set(int rowIndex, String stringValue) throws NoKeysAvailableException {
        forgetKeys();
        super.set(rowIndex, stringValue);
    }

    @Override
    public void appendMissing() {
        forgetKeys();
        super.appendMissing();
    }

    @Override
    public void clear() {
        forgetKeys();
        super.clear();
    }

    @Override
    public void sortAscending() {
        forgetKeys();
        super.sortAscending();
    }

    @Override
    public void sortDescending() {
        forgetKeys();
        super.sortDescending();
    }
}
