package savescope.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.special.Erf;
import tech.tablesaw.api.Table;

/**
 * Saves and save rate by posting week or month, a trailing rolling median, and a Mann–Kendall test of
 * whether the save rate really trends up or down (with Sen's slope for how fast).
 */
public final class Trends {
    private Trends() {}

    /**
     * One posting period.
     *
     * @param start first day of the week (Monday, UTC) or month
     * @param videos videos posted in it that have views and saves
     * @param views their views
     * @param saves their saves
     * @param rate saves / views of those videos (ratio of sums)
     * @param rollingMedian median of this and the previous {@code window - 1} periods' rates
     */
    public record Period(LocalDate start, int videos, long views, long saves, double rate, double rollingMedian) {}

    /**
     * The Mann–Kendall test on a series in time order.
     *
     * @param n number of values
     * @param s the statistic: concordant minus discordant pairs
     * @param variance the variance of S under no trend, corrected for ties
     * @param z the normal score with continuity correction
     * @param p two-sided p-value
     * @param senSlope Sen's slope: the median of (x_j - x_i) / (j - i) over all pairs i < j, per step
     */
    public record MannKendall(int n, long s, double variance, double z, double p, double senSlope) {
        public String direction() {
            return p >= 0.05 ? "none" : s > 0 ? "up" : "down";
        }
    }

    public static List<Period> weekly(Table videos, int window) {
        return weekly(RatedVideo.of(videos), window);
    }

    /** {@link #weekly(Table, int)} of videos already rated. */
    public static List<Period> weekly(List<RatedVideo> videos, int window) {
        return periods(videos, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), window);
    }

    public static List<Period> monthly(Table videos, int window) {
        return monthly(RatedVideo.of(videos), window);
    }

    /** {@link #monthly(Table, int)} of videos already rated. */
    public static List<Period> monthly(List<RatedVideo> videos, int window) {
        return periods(videos, d -> d.withDayOfMonth(1), window);
    }

    /** Posting days spanning at most this many days are summed in arrays indexed by day. */
    private static final int MAX_DAY_SPAN = 200_000;

    /** Periods in time order; periods with no rated video are left out, not shown as zero. */
    static List<Period> periods(List<RatedVideo> videos, Function<LocalDate, LocalDate> bucket, int window) {
        TreeMap<LocalDate, long[]> sums = byDay(videos, bucket);
        if (sums == null) {
            sums = new TreeMap<>();
            for (RatedVideo v : videos) {
                if (v.postedAt() == null) {
                    continue;
                }
                long[] a = sums.computeIfAbsent(bucket.apply(v.postedAt().atZone(ZoneOffset.UTC).toLocalDate()),
                        k -> new long[3]);
                a[0]++;
                a[1] += v.views();
                a[2] += v.saves();
            }
        }
        return periodsOf(sums, window);
    }

    /**
     * The per-period sums by way of per-day sums in plain arrays, so a million videos cost no date object
     * and no map lookup each (integer sums, so the order of adding does not matter); null when the posting
     * days span too long a range for that.
     */
    private static TreeMap<LocalDate, long[]> byDay(List<RatedVideo> videos, Function<LocalDate, LocalDate> bucket) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RatedVideo v : videos) {
            long second = v.postedSecond();
            if (second != Long.MIN_VALUE) {
                long day = Math.floorDiv(second, 86_400L);
                first = Math.min(first, day);
                last = Math.max(last, day);
            }
        }
        TreeMap<LocalDate, long[]> sums = new TreeMap<>();
        if (first > last) {
            return sums;
        }
        if (last - first >= MAX_DAY_SPAN) {
            return null;
        }
        int span = (int) (last - first + 1);
        long[] count = new long[span];
        long[] views = new long[span];
        long[] saves = new long[span];
        for (RatedVideo v : videos) {
            long second = v.postedSecond();
            if (second != Long.MIN_VALUE) {
                int d = (int) (Math.floorDiv(second, 86_400L) - first);
                count[d]++;
                views[d] += v.views();
                saves[d] += v.saves();
            }
        }
        for (int d = 0; d < span; d++) {
            if (count[d] > 0) {
                long[] a = sums.computeIfAbsent(bucket.apply(LocalDate.ofEpochDay(first + d)), k -> new long[3]);
                a[0] += count[d];
                a[1] += views[d];
                a[2] += saves[d];
            }
        }
        return sums;
    }

    /**
     * The periods from their sums ({@code [videos, views, saves]} by period start), with the rolling median of
     * their rates over {@code window} periods: what an engine that sums elsewhere finishes with.
     */
    public static List<Period> periodsOf(TreeMap<LocalDate, long[]> sums, int window) {
        List<Period> out = new ArrayList<>();
        double[] rates = new double[sums.size()];
        int i = 0;
        for (var e : sums.entrySet()) {
            long[] a = e.getValue();
            rates[i] = (double) a[2] / a[1];
            double[] win = Arrays.copyOfRange(rates, Math.max(0, i - window + 1), i + 1);
            out.add(new Period(e.getKey(), (int) a[0], a[1], a[2], rates[i], SaveRate.quantile(win, 0.5)));
            i++;
        }
        return out;
    }

    /** Mann–Kendall on values in time order; needs at least 3 values (p is NaN otherwise). */
    public static MannKendall mannKendall(double[] x) {
        int n = x.length;
        long s = 0;
        double[] slopes = new double[Math.max(0, n * (n - 1) / 2)];
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Long.signum(Double.compare(x[j], x[i]));
                slopes[pairs++] = (x[j] - x[i]) / (j - i);
            }
        }
        if (n < 3) {
            return new MannKendall(n, s, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double ties = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int t = j - i + 1;
            ties += (double) t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        double variance = ((double) n * (n - 1) * (2 * n + 5) - ties) / 18.0;
        double z = variance == 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
        // Two normal tails, 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2), computed directly so small p-values stay above 0.
        double p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        double sen = SaveRate.quantile(slopes, 0.5);
        return new MannKendall(n, s, variance, z, p, sen);
    }

    /** The test on the periods' save rates. */
    public static MannKendall test(List<Period> periods) {
        return mannKendall(periods.stream().mapToDouble(Period::rate).toArray());
    }
}
