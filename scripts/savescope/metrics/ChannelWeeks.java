package savescope.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The channel's daily totals from TikTok Studio's Overview export, summed by week (weeks start on Monday), and its
 * video views day by day. Studio's Overview covers the whole account, including videos not in the per-video files.
 *
 * @param first the first dated day
 * @param last the last dated day (Studio's last day may be partial)
 * @param weeks the weeks that have a dated day, in time order
 * @param days the days with a video views count, in time order
 * @param dailyVideoViews video views on each of {@code days} (summed when a day is listed twice)
 */
public record ChannelWeeks(LocalDate first, LocalDate last, List<Week> weeks, List<LocalDate> days,
        List<Long> dailyVideoViews) {

    /** The Overview columns that are summed, in the order the report shows them. */
    public static final List<String> MEASURES = List.of("video_views", "profile_views", "likes", "comments", "shares",
            "new_followers");

    /**
     * One week's sums over the days it has; a measure the export lacks is null, a day without a value adds nothing.
     *
     * @param from the week's Monday
     */
    public record Week(LocalDate from, Long videoViews, Long profileViews, Long likes, Long comments, Long shares,
            Long newFollowers) {

        /** The sums in the order of {@link #MEASURES}, null for a measure the export lacks. */
        public List<Long> sums() {
            return Arrays.asList(videoViews, profileViews, likes, comments, shares, newFollowers);
        }

        static Week of(LocalDate from, Long[] sums) {
            return new Week(from, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
        }
    }

    /** Each measure summed over every week, in the order of {@link #MEASURES}; null for a measure the export lacks. */
    public List<Long> totals() {
        Long[] total = new Long[MEASURES.size()];
        for (Week w : weeks) {
            List<Long> sums = w.sums();
            for (int m = 0; m < total.length; m++) {
                total[m] = sums.get(m) == null ? null : (total[m] == null ? 0 : total[m]) + sums.get(m);
            }
        }
        return Arrays.asList(total);
    }

    /** The weeks of an Overview table (a {@code date} column and any of {@link #MEASURES}); null with no dated row. */
    public static ChannelWeeks of(Table overview) {
        if (overview.rowCount() == 0) {
            return null;
        }
        DateColumn dates = overview.dateColumn("date");
        LongColumn[] columns = new LongColumn[MEASURES.size()];
        for (int m = 0; m < columns.length; m++) {
            columns[m] = overview.containsColumn(MEASURES.get(m)) ? overview.longColumn(MEASURES.get(m)) : null;
        }
        TreeMap<LocalDate, Long[]> weeks = new TreeMap<>();
        TreeMap<LocalDate, Long> dailyViews = new TreeMap<>();
        LocalDate first = null;
        LocalDate last = null;
        for (int r = 0; r < overview.rowCount(); r++) {
            if (dates.isMissing(r)) {
                continue;
            }
            LocalDate d = dates.get(r);
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            if (columns[0] != null && !columns[0].isMissing(r)) {
                dailyViews.merge(d, columns[0].getLong(r), Long::sum);
            }
            Long[] week = weeks.computeIfAbsent(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> emptySums(columns));
            for (int m = 0; m < columns.length; m++) {
                if (columns[m] != null && !columns[m].isMissing(r)) {
                    week[m] += columns[m].getLong(r);
                }
            }
        }
        if (first == null) {
            return null;
        }
        List<Week> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Long[]> w : weeks.entrySet()) {
            out.add(Week.of(w.getKey(), w.getValue()));
        }
        return new ChannelWeeks(first, last, List.copyOf(out), List.copyOf(dailyViews.keySet()),
                List.copyOf(dailyViews.values()));
    }

    /** Zero for each measure the export has, null for the others. */
    private static Long[] emptySums(LongColumn[] columns) {
        Long[] sums = new Long[columns.length];
        for (int m = 0; m < columns.length; m++) {
            sums[m] = columns[m] == null ? null : 0L;
        }
        return sums;
    }
}
