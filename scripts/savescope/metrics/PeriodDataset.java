package savescope.metrics;

import java.util.HashSet;
import java.util.Set;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * The part of a dataset about the videos posted in a period: those videos, and the daily rows, snapshots and
 * comments of those videos (channel tables and the load report stay whole: they describe the account and the
 * files, not the videos); and the days of a channel table in a period.
 */
final class PeriodDataset {
    private PeriodDataset() {}

    static Dataset postedIn(Dataset data, Period period) {
        Table videos = data.videos();
        var posted = videos.instantColumn(Canonical.POSTED_AT);
        Selection keep = new BitmapBackedSelection();
        for (int i = 0; i < videos.rowCount(); i++) {
            if (!posted.isMissing(i) && period.contains(posted.get(i))) {
                keep.add(i);
            }
        }
        Table kept = videos.where(keep);
        Set<String> ids = new HashSet<>(kept.stringColumn(Canonical.VIDEO_ID).asList());
        return new Dataset(kept, ofVideos(data.daily(), ids), ofVideos(data.snapshots(), ids), data.channel(),
                ofVideos(data.comments(), ids), data.load());
    }

    /** The rows of a channel table (a {@code date} column) dated in {@code period}. */
    static Table daysIn(Table t, Period period) {
        var dates = t.dateColumn(Canonical.DATE);
        Selection keep = new BitmapBackedSelection();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!dates.isMissing(i) && !dates.get(i).isBefore(period.from()) && !dates.get(i).isAfter(period.to())) {
                keep.add(i);
            }
        }
        return t.where(keep);
    }

    private static Table ofVideos(Table t, Set<String> ids) {
        var col = t.stringColumn(Canonical.VIDEO_ID);
        Selection keep = new BitmapBackedSelection();
        for (int i = 0; i < t.rowCount(); i++) {
            if (ids.contains(col.get(i))) {
                keep.add(i);
            }
        }
        return t.where(keep);
    }
}
