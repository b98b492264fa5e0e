package savescope.metrics;

import savescope.model.Canonical;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Channel totals over the videos. A metric no source carried is null, never zero.
 *
 * @param videos number of videos
 * @param views sum of views, or null when no source has views
 * @param likes sum of likes, or null
 * @param comments sum of comments, or null
 * @param shares sum of shares, or null
 * @param saves sum of saves, or null
 */
public record Totals(long videos, Long views, Long likes, Long comments, Long shares, Long saves) {

    public static Totals of(Table videos) {
        return new Totals(videos.rowCount(),
                sum(videos, Canonical.VIEWS),
                sum(videos, Canonical.LIKES),
                sum(videos, Canonical.COMMENTS),
                sum(videos, Canonical.SHARES),
                sum(videos, Canonical.SAVES));
    }

    /** The sum of the present values, or null when every value is missing. */
    static Long sum(Table videos, String column) {
        LongColumn c = videos.longColumn(column);
        long total = 0;
        int present = 0;
        for (int i = 0, n = c.size(); i < n; i++) {
            if (!c.isMissing(i)) {
                total += c.getLong(i);
                present++;
            }
        }
        return present == 0 ? null : total;
    }
}
