package savescope.model;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The canonical per-video and daily frames every loader produces and every metric reads. A metric the
 * source lacks stays missing, never zero.
 */
public final class Canonical {
    public static final String VIDEO_ID = "video_id";
    public static final String ACCOUNT = "account";
    public static final String TITLE = "title";
    public static final String POSTED_AT = "posted_at";
    public static final String DURATION_S = "duration_s";
    public static final String VIEWS = "views";
    public static final String LIKES = "likes";
    public static final String COMMENTS = "comments";
    public static final String SHARES = "shares";
    public static final String SAVES = "saves";
    public static final String CONTENT_TYPE = "content_type";
    public static final String HASHTAGS = "hashtags";
    public static final String LINK = "link";
    public static final String SOURCE = "source";
    public static final String DATE = "date";
    public static final String TAKEN_AT = "taken_at";
    public static final String TEXT = "text";
    public static final String CREATED_AT = "created_at";

    /** The engagement counts, in the order reports show them. */
    public static final List<String> COUNTS = List.of(VIEWS, LIKES, COMMENTS, SHARES, SAVES);

    private Canonical() {}

    /** An empty per-video frame with the canonical columns and pinned types. */
    public static Table emptyVideos(String name) {
        return Table.create(name,
                packedTextColumn(VIDEO_ID, 0),
                StringColumn.create(ACCOUNT),
                packedTextColumn(TITLE, 0),
                InstantColumn.create(POSTED_AT),
                DoubleColumn.create(DURATION_S),
                LongColumn.create(VIEWS),
                LongColumn.create(LIKES),
                LongColumn.create(COMMENTS),
                LongColumn.create(SHARES),
                LongColumn.create(SAVES),
                StringColumn.create(CONTENT_TYPE),
                StringColumn.create(HASHTAGS),
                StringColumn.create(LINK),
                StringColumn.create(SOURCE));
    }

    /**
     * A string column for texts nearly all different and many (ids, titles), packed into large byte arrays rather
     * than kept as one object per row: see {@link PackedTextMap}. {@code expectedRows} makes room up front.
     */
    public static StringColumn packedTextColumn(String name, int expectedRows) {
        return StringColumn.createInternal(name, new PackedTextMap(expectedRows));
    }

    /**
     * A string column of {@code rows} rows that all hold {@code text} (null is the empty text, Tablesaw's missing
     * value): the column appending it {@code rows} times makes, Tablesaw's one-byte dictionary with the same key,
     * count and next key, made at once rather than by a lookup and a count per row.
     */
    public static StringColumn repeatedTextColumn(String name, String text, int rows) {
        if (rows <= 0) {
            return StringColumn.create(name);
        }
        String t = text == null ? "" : text;
        boolean missing = t.equals(tech.tablesaw.columns.strings.StringColumnType.missingValueIndicator());
        // Tablesaw's keys: the missing value has the largest, others count up from one above the smallest.
        byte key = missing ? Byte.MAX_VALUE : (byte) (Byte.MIN_VALUE + 1);
        byte[] values = new byte[rows];
        java.util.Arrays.fill(values, key);
        var keyToValue = new it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap<String>();
        keyToValue.put(key, t);
        var valueToKey = new it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap<String>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        valueToKey.put(t, key);
        var keyToCount = new it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap();
        keyToCount.put(key, rows);
        var map = new tech.tablesaw.columns.strings.ByteDictionaryMap.ByteDictionaryBuilder()
                .setNextIndex(missing ? Byte.MIN_VALUE : Byte.MIN_VALUE + 1)
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setValues(values)
                .build();
        return StringColumn.createInternal(name, map);
    }

    /**
     * Adds to {@code column} the text of {@code len} well-formed UTF-8 bytes of {@code src} from {@code off} (all
     * below 0x80 when {@code ascii}), as {@code column.append(new String(src, off, len, UTF_8))} would; for a
     * {@linkplain #packedTextColumn packed} column the bytes are kept without making that {@code String}.
     */
    public static void appendUtf8(StringColumn column, byte[] src, int off, int len, boolean ascii) {
        if (column.getDictionary() instanceof PackedTextMap packed) {
            packed.appendUtf8(src, off, len, ascii);
        } else {
            column.append(new String(src, off, len, ascii ? java.nio.charset.StandardCharsets.ISO_8859_1
                    : java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** An empty daily frame: one row per video and day, counts are that day's increments. */
    public static Table emptyDaily(String name) {
        return Table.create(name,
                StringColumn.create(VIDEO_ID),
                tech.tablesaw.api.DateColumn.create(DATE),
                LongColumn.create(VIEWS),
                LongColumn.create(LIKES),
                LongColumn.create(COMMENTS),
                LongColumn.create(SHARES),
                LongColumn.create(SAVES));
    }

    /** Per-video totals as they stood at {@code taken_at} (one row per video and snapshot). */
    public static Table emptySnapshots(String name) {
        return Table.create(name,
                StringColumn.create(VIDEO_ID),
                InstantColumn.create(TAKEN_AT),
                LongColumn.create(VIEWS),
                LongColumn.create(LIKES),
                LongColumn.create(COMMENTS),
                LongColumn.create(SHARES),
                LongColumn.create(SAVES));
    }

    /**
     * Comments as qualitative feedback: the video, the text, its likes and time. No user name or id is
     * ever kept.
     */
    public static Table emptyComments(String name) {
        return Table.create(name,
                StringColumn.create(VIDEO_ID),
                StringColumn.create(TEXT),
                LongColumn.create(LIKES),
                InstantColumn.create(CREATED_AT));
    }
}
