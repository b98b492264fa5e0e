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
