package savescope.metrics;

import java.time.Instant;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/** Builds small canonical video frames for tests; a null count is a missing cell. */
final class VideoTables {
    private VideoTables() {}

    /** Rows of {views, likes, comments, shares, saves}; ids v1, v2, ... */
    static Table counts(Long[]... rows) {
        Table t = Canonical.emptyVideos("test");
        for (int i = 0; i < rows.length; i++) {
            add(t, "v" + (i + 1), "", rows[i], null, Double.NaN, null);
        }
        return t;
    }

    static void add(Table t, String id, String type, Long[] counts, Instant posted, double duration, String hashtags) {
        t.stringColumn(Canonical.VIDEO_ID).append(id);
        t.stringColumn(Canonical.ACCOUNT).append("");
        t.stringColumn(Canonical.TITLE).append("title " + id);
        if (posted == null) {
            t.instantColumn(Canonical.POSTED_AT).appendMissing();
        } else {
            t.instantColumn(Canonical.POSTED_AT).append(posted);
        }
        if (Double.isNaN(duration)) {
            t.doubleColumn(Canonical.DURATION_S).appendMissing();
        } else {
            t.doubleColumn(Canonical.DURATION_S).append(duration);
        }
        for (int m = 0; m < 5; m++) {
            if (counts[m] == null) {
                t.longColumn(Canonical.COUNTS.get(m)).appendMissing();
            } else {
                t.longColumn(Canonical.COUNTS.get(m)).append(counts[m]);
            }
        }
        t.stringColumn(Canonical.CONTENT_TYPE).append(type);
        t.stringColumn(Canonical.HASHTAGS).append(hashtags == null ? "" : hashtags);
        t.stringColumn(Canonical.LINK).append("");
        t.stringColumn(Canonical.SOURCE).append("test");
    }

    static Long[] c(Long views, Long likes, Long comments, Long shares, Long saves) {
        return new Long[] {views, likes, comments, shares, saves};
    }

    static Long[] c(long views, long likes, long comments, long shares, long saves) {
        return new Long[] {views, likes, comments, shares, saves};
    }
}
