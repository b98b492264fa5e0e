package savescope.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;
import savescope.model.PackedTimes;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * The daily series grouped by video once, in primitive arrays: for each video with a posting day, its rows'
 * days since posting and their views and saves. A daily series has millions of rows; walking the table row by
 * row with boxed values in every metric that needs it costs more than the metrics themselves. Immutable once
 * built, so sections may share it.
 */
public final class DailyIndex {
    private final String[] ids;
    private final int[] start;
    private final int[] day;
    private final long[] views;
    private final long[] saves;

    private DailyIndex(String[] ids, int[] start, int[] day, long[] views, long[] saves) {
        this.ids = ids;
        this.start = start;
        this.day = day;
        this.views = views;
        this.saves = saves;
    }

    /** How many videos have a usable daily row (in the per-video data with a posting time, and dated). */
    public int videos() {
        return ids.length;
    }

    /** Video {@code v}'s id; videos are numbered in the order of their first usable daily row. */
    public String id(int v) {
        return ids[v];
    }

    /** The first of video {@code v}'s rows, which run up to {@link #end(int)} in their order in the table. */
    public int start(int v) {
        return start[v];
    }

    /** One past the last of video {@code v}'s rows. */
    public int end(int v) {
        return start[v + 1];
    }

    /** Days since posting of row {@code r}, 0 or more (a row dated before the posting day counts as day 0). */
    public int day(int r) {
        return day[r];
    }

    /** Views on row {@code r}, 0 when missing. */
    public long views(int r) {
        return views[r];
    }

    /** Saves on row {@code r}, 0 when missing. */
    public long saves(int r) {
        return saves[r];
    }

    /** The latest day since posting among video {@code v}'s rows. */
    public int lastDay(int v) {
        int last = 0;
        for (int r = start[v]; r < start[v + 1]; r++) {
            last = Math.max(last, day[r]);
        }
        return last;
    }

    /** Groups {@code daily} by video; rows of videos without a posting time, and undated rows, are left out. */
    public static DailyIndex of(Table videos, Table daily) {
        Map<String, Posted> posted = postingDays(videos);
        DictionaryMap idKeys = daily.stringColumn(Canonical.VIDEO_ID).getDictionary();
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        int n = daily.rowCount();
        int[] video = new int[n];
        int[] dayOf = new int[n];
        List<String> order = new ArrayList<>();
        List<Posted> orderPosted = new ArrayList<>();
        int lastKey = 0;
        Posted last = null;
        int lastPacked = 0;
        long lastEpochDay = 0;
        boolean haveDate = false;
        for (int i = 0; i < n; i++) {
            // Daily exports list a video's days together, so most rows repeat the previous row's id (its
            // dictionary key, compared without looking the string up) and follow its date.
            int key = idKeys.getKeyForIndex(i);
            Posted p = i > 0 && key == lastKey ? last : posted.get(idKeys.getValueForKey(key));
            lastKey = key;
            last = p;
            if (p == null || dates.isMissing(i)) {
                video[i] = -1;
                continue;
            }
            if (p.index < 0) {
                p.index = order.size();
                order.add(p.id);
                orderPosted.add(p);
            }
            video[i] = p.index;
            int packed = dates.getIntInternal(i);
            if (!haveDate || packed != lastPacked) {
                // A video's rows are usually consecutive days, and a packed date's low byte is its day of month.
                lastEpochDay = haveDate && packed == lastPacked + 1 ? lastEpochDay + 1 : PackedLocalDate.toEpochDay(packed);
                lastPacked = packed;
                haveDate = true;
            }
            dayOf[i] = (int) Math.max(0, lastEpochDay - p.epochDay);
        }
        int m = order.size();
        int[] start = new int[m + 1];
        for (int i = 0; i < n; i++) {
            if (video[i] >= 0) {
                start[video[i] + 1]++;
            }
        }
        for (int v = 0; v < m; v++) {
            start[v + 1] += start[v];
        }
        // A counting sort by video that keeps each video's rows in table order.
        int[] next = java.util.Arrays.copyOf(start, m);
        int used = start[m];
        int[] day = new int[used];
        long[] views = new long[used];
        long[] saves = new long[used];
        LongColumn viewColumn = daily.longColumn(Canonical.VIEWS);
        LongColumn saveColumn = daily.longColumn(Canonical.SAVES);
        for (int i = 0; i < n; i++) {
            int v = video[i];
            if (v < 0) {
                continue;
            }
            int r = next[v]++;
            day[r] = dayOf[i];
            views[r] = viewColumn.isMissing(i) ? 0 : viewColumn.getLong(i);
            saves[r] = saveColumn.isMissing(i) ? 0 : saveColumn.getLong(i);
        }
        return new DailyIndex(order.toArray(new String[0]), start, day, views, saves);
    }

    /** A video's posting day (UTC), and its number once it has a usable daily row. */
    private static final class Posted {
        final String id;
        final long epochDay;
        int index = -1;

        Posted(String id, long epochDay) {
            this.id = id;
            this.epochDay = epochDay;
        }
    }

    /** Each video's posting day as a UTC epoch day; a video listed twice keeps its first posting time. */
    private static Map<String, Posted> postingDays(Table videos) {
        Map<String, Posted> m = new HashMap<>();
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        for (int i = 0; i < videos.rowCount(); i++) {
            if (!posted.isMissing(i)) {
                String id = ids.get(i);
                m.putIfAbsent(id, new Posted(id, Math.floorDiv(PackedTimes.epochSecond(posted, i), 86_400L)));
            }
        }
        return m;
    }
}
