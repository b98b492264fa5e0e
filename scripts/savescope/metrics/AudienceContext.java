package savescope.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Channel-level audience context beside the video results: follower segments with small ones suppressed,
 * follower growth, the hours followers are active, and whether posting in busy hours goes with higher save
 * rates. Everything here describes the whole channel; nothing can single out a viewer.
 */
public final class AudienceContext {
    private AudienceContext() {}

    /** What a suppressed segment shows instead of its number. */
    public static String suppressedText(int min) {
        return "fewer than " + min;
    }

    /** Whether a segment of this (estimated) size must be hidden: unknown sizes are hidden too. */
    public static boolean suppress(Double size, int min) {
        return size == null || Double.isNaN(size) || size < min;
    }

    /**
     * A follower segment (a gender, a territory).
     *
     * @param label the segment
     * @param share its share of followers, or null when suppressed
     * @param estimated share × followers, rounded, or null when suppressed or unknown
     * @param suppressed whether it is shown as "fewer than N"
     */
    public record Segment(String label, Double share, Long estimated, boolean suppressed) {}

    /**
     * Segments of a share table (label column, {@code share} column). Each segment's size is estimated as
     * share × followers; a segment under {@code min} people, or any segment when the follower count is
     * unknown, is suppressed, so a tiny group can never be read off.
     */
    public static List<Segment> segments(Table shares, String labelColumn, Long followers, int min) {
        List<Segment> out = new ArrayList<>();
        var label = shares.column(labelColumn);
        var share = shares.doubleColumn("share");
        for (int i = 0; i < shares.rowCount(); i++) {
            if (share.isMissing(i)) {
                continue;
            }
            Double size = followers == null ? null : share.getDouble(i) * followers;
            boolean hide = suppress(size, min);
            out.add(new Segment(label.getString(i), hide ? null : share.getDouble(i),
                    hide ? null : Math.round(size), hide));
        }
        return out;
    }

    /**
     * Followers over the history table.
     *
     * @param first first day
     * @param last last day
     * @param start followers on the first day
     * @param end followers on the last day
     */
    public record Growth(LocalDate first, LocalDate last, long start, long end) {
        public long change() {
            return end - start;
        }
    }

    /** First and last known follower counts; null when the table has none. */
    public static Growth growth(Table history) {
        var dates = history.dateColumn("date");
        var followers = history.longColumn("followers");
        LocalDate first = null;
        LocalDate last = null;
        long start = 0;
        long end = 0;
        for (int i = 0; i < history.rowCount(); i++) {
            if (dates.isMissing(i) || followers.isMissing(i)) {
                continue;
            }
            LocalDate d = dates.get(i);
            if (first == null || d.isBefore(first)) {
                first = d;
                start = followers.getLong(i);
            }
            if (last == null || d.isAfter(last)) {
                last = d;
                end = followers.getLong(i);
            }
        }
        return first == null ? null : new Growth(first, last, start, end);
    }

    /**
     * Mean active followers per hour of day (index 0–23) over the days in the activity table; NaN for an
     * hour with no rows. Hours are as the export gives them (TikTok Studio uses the account's time zone).
     */
    public static double[] activeByHour(Table activity) {
        double[] sum = new double[24];
        int[] n = new int[24];
        var hour = activity.intColumn("hour");
        var active = activity.longColumn("active_followers");
        for (int i = 0; i < activity.rowCount(); i++) {
            if (hour.isMissing(i) || active.isMissing(i) || hour.getInt(i) < 0 || hour.getInt(i) > 23) {
                continue;
            }
            sum[hour.getInt(i)] += active.getLong(i);
            n[hour.getInt(i)]++;
        }
        double[] out = new double[24];
        for (int h = 0; h < 24; h++) {
            out[h] = n[h] == 0 ? Double.NaN : sum[h] / n[h];
        }
        return out;
    }

    /**
     * Posting in busy hours against save rate, per video.
     *
     * @param correlation Spearman of the active followers at each video's posting hour with its save rate
     * @param busyHours the hours in the top quarter of activity
     * @param busyVideos videos posted in those hours
     * @param otherVideos videos posted in other hours
     * @param busyMedianRate median save rate of the busy-hour videos
     * @param otherMedianRate median save rate of the others
     */
    public record PostingHours(RankCorrelation correlation, List<Integer> busyHours, int busyVideos, int otherVideos,
            double busyMedianRate, double otherMedianRate) {}

    public static PostingHours postingHours(List<RatedVideo> videos, double[] activeByHour) {
        double[] known = java.util.Arrays.stream(activeByHour).filter(d -> !Double.isNaN(d)).toArray();
        double cut = known.length == 0 ? Double.NaN : SaveRate.quantile(known, 0.75);
        List<Integer> busy = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(activeByHour[h]) && activeByHour[h] >= cut) {
                busy.add(h);
            }
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<RatedVideo> inBusy = new ArrayList<>();
        List<RatedVideo> other = new ArrayList<>();
        for (RatedVideo v : videos) {
            long second = v.postedSecond();
            if (second == Long.MIN_VALUE) {
                continue;
            }
            int h = hourUtc(second);
            if (Double.isNaN(activeByHour[h])) {
                continue;
            }
            xs.add(activeByHour[h]);
            ys.add(v.rate());
            (busy.contains(h) ? inBusy : other).add(v);
        }
        RankCorrelation rc = RankCorrelation.spearman(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        return new PostingHours(rc, busy, inBusy.size(), other.size(), RatedVideo.medianRate(inBusy),
                RatedVideo.medianRate(other));
    }

    /**
     * Save rate by posting weekday and hour band (UTC).
     *
     * @param weekday 1 = Monday … 7 = Sunday
     * @param band first hour of the band
     * @param videos videos posted then
     * @param rate their saves / views
     */
    public record PostingCell(int weekday, int band, int videos, double rate) {}

    /** The hour of the day (UTC) of a time {@code second}s after the epoch, by arithmetic (no zoned date-time per video). */
    private static int hourUtc(long second) {
        return (int) (Math.floorMod(second, 86_400L) / 3600);
    }

    /** Cells for every weekday and band of {@code bandHours} hours that has at least one video. */
    public static List<PostingCell> postingGrid(List<RatedVideo> videos, int bandHours) {
        int bands = 24 / bandHours;
        long[][] views = new long[7][bands];
        long[][] saves = new long[7][bands];
        int[][] n = new int[7][bands];
        for (RatedVideo v : videos) {
            long second = v.postedSecond();
            if (second == Long.MIN_VALUE) {
                continue;
            }
            // Day 0 of the epoch, 1 Jan 1970, was a Thursday: Monday-based weekday 3.
            int d = (int) Math.floorMod(Math.floorDiv(second, 86_400L) + 3, 7L);
            int b = hourUtc(second) / bandHours;
            views[d][b] += v.views();
            saves[d][b] += v.saves();
            n[d][b]++;
        }
        List<PostingCell> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (int b = 0; b < bands; b++) {
                if (n[d][b] > 0) {
                    out.add(new PostingCell(d + 1, b * bandHours, n[d][b], (double) saves[d][b] / views[d][b]));
                }
            }
        }
        return out;
    }

    /**
     * Returning viewers over all viewers, summed over the days where both are known (Studio writes
     * {@code undefined} on some days; those days are left out, not read as zero).
     *
     * @param days days counted
     * @param share returning / total viewers over those days, NaN when there are none
     */
    public record Returning(int days, double share) {}

    public static Returning returning(Table viewers) {
        var total = viewers.longColumn("total_viewers");
        var back = viewers.longColumn("returning_viewers");
        long t = 0;
        long r = 0;
        int days = 0;
        for (int i = 0; i < viewers.rowCount(); i++) {
            if (!total.isMissing(i) && !back.isMissing(i)) {
                t += total.getLong(i);
                r += back.getLong(i);
                days++;
            }
        }
        return new Returning(days, t == 0 ? Double.NaN : (double) r / t);
    }

    /** "20:00" for an hour. */
    public static String hour(int h) {
        return String.format(Locale.ROOT, "%02d:00", h);
    }
}
