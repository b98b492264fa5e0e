package savescope.metrics;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import savescope.metrics.Intervals.Interval;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Save rate by group (content type, hashtag, duration bucket, weekday, hour posted), each with a Wilson
 * interval and a bootstrap interval of its median video, and a Kruskal–Wallis test of whether the groups'
 * per-video save rates differ. Only videos with views above zero and a saves count take part.
 */
public final class GroupComparison {
    /** A group needs at least this many videos to be judged. */
    public static final int MIN_VIDEOS = 5;
    /** ... and at least this many views. */
    public static final long MIN_VIEWS = 1000;
    /** How many of the most used hashtags are compared. */
    public static final int TOP_HASHTAGS = 15;

    public static final String CONTENT_TYPE = "content_type";
    public static final String HASHTAG = "hashtag";
    public static final String DURATION = "duration";
    public static final String WEEKDAY = "weekday";
    public static final String HOUR = "hour";

    /** Duration bucket labels in order; photo posts carry a duration of zero. */
    public static final List<String> DURATION_BUCKETS = List.of("photo (0 s)", "under 15 s", "15–30 s", "30–60 s",
            "1–3 min", "3 min and longer");

    /**
     * One group.
     *
     * @param key the group's name
     * @param videos videos in the group with a save rate
     * @param views their views
     * @param saves their saves
     * @param saveRate saves / views of the group (ratio of sums)
     * @param ci the 95% Wilson interval of {@code saveRate}, treating each view as an independent trial
     * @param medianRate the median of the group's per-video save rates
     * @param medianCi the seeded 95% bootstrap interval of that median
     * @param tooSmall fewer than {@link #MIN_VIDEOS} videos or {@link #MIN_VIEWS} views: shown, not ranked
     */
    public record Group(String key, int videos, long views, long saves, double saveRate, Interval ci,
            double medianRate, Interval medianCi, boolean tooSmall) {}

    /**
     * Kruskal–Wallis H test on per-video save rates across the groups large enough to judge.
     *
     * @param statistic H, corrected for ties
     * @param df groups − 1
     * @param p from the chi-square approximation
     * @param groups how many groups took part
     * @param n how many videos took part
     */
    public record Test(double statistic, int df, double p, int groups, int n) {}

    /**
     * The comparison along one dimension.
     *
     * @param dimension one of the dimension names above
     * @param groups every group, in the dimension's natural order (content types and hashtags: most viewed
     *     first)
     * @param test the Kruskal–Wallis test, or null when fewer than two groups can be judged or when groups
     *     overlap (a video has several hashtags, so the test's independence does not hold)
     * @param videosWithoutGroup videos with a save rate that fell in no group (no posting time, no duration)
     */
    public record Result(String dimension, List<Group> groups, Test test, int videosWithoutGroup) {
        public List<Group> judged() {
            return groups.stream().filter(g -> !g.tooSmall()).toList();
        }
    }

    private GroupComparison() {}

    /**
     * What every dimension reads per video, computed once per frame: counts, save rates, and the rated
     * rows in order of rate. Sorting a million rates once, instead of once per group and again per test, is
     * most of what keeps this section fast. Immutable after construction, so sections may share it.
     */
    public static final class Rated {
        final Table videos;
        final VideoColumns columns;
        final double[] views;
        final double[] saves;
        final double[] rates;
        /** Rows with a save rate, ascending by rate, ties in row order. */
        final int[] byRate;
        /** Their rates in that order, so walks in rate order read memory in sequence. */
        final double[] sortedRates;
        private long[] postedSeconds;

        private Rated(VideoColumns columns) {
            this.videos = columns.videos();
            this.columns = columns;
            views = columns.of(Canonical.VIEWS);
            saves = columns.of(Canonical.SAVES);
            rates = columns.saveRates();
            int[] rows = new int[rates.length];
            int n = 0;
            for (int i = 0; i < rates.length; i++) {
                if (!Double.isNaN(rates[i])) {
                    rows[n++] = i;
                }
            }
            double[] present = new double[n];
            for (int k = 0; k < n; k++) {
                present[k] = rates[rows[k]];
            }
            int[] order = Stats.sortedOrder(present);
            byRate = new int[n];
            sortedRates = new double[n];
            for (int k = 0; k < n; k++) {
                byRate[k] = rows[order[k]];
                sortedRates[k] = present[order[k]];
            }
        }

        public static Rated of(Table videos) {
            return new Rated(new VideoColumns(videos));
        }

        /** {@link #of(Table)} from columns shared with other metrics. */
        public static Rated of(VideoColumns columns) {
            return new Rated(columns);
        }

        /** The save rates that exist, ascending: the sorted form of {@link SaveRate#perVideo}. */
        public double[] sortedRates() {
            return sortedRates.clone();
        }

        /** Posting times as epoch seconds, {@link Long#MIN_VALUE} where unknown: weekday and hour share one read. */
        synchronized long[] postedSeconds() {
            if (postedSeconds == null) {
                InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
                long[] out = new long[videos.rowCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = savescope.model.PackedTimes.epochSecond(posted, i); // MIN_VALUE where missing
                }
                postedSeconds = out;
            }
            return postedSeconds;
        }
    }

    public static Result byContentType(Table videos) {
        return byContentType(Rated.of(videos));
    }

    public static Result byContentType(Rated rated) {
        StringColumn type = rated.videos.stringColumn(Canonical.CONTENT_TYPE);
        int[] groupOf = new int[rated.rates.length];
        List<String> names = new ArrayList<>();
        // Types repeat across rows as the same few strings: resolve each distinct cell to its group once.
        Map<String, Integer> idOfCell = new HashMap<>();
        Map<String, Integer> idOfName = new HashMap<>();
        for (int i = 0; i < groupOf.length; i++) {
            String t = type.get(i);
            Integer id = idOfCell.get(t);
            if (id == null) {
                String key = t == null || t.isBlank() ? "unknown" : t.strip();
                id = idOfName.computeIfAbsent(key, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
                idOfCell.put(t, id);
            }
            groupOf[i] = id;
        }
        return compare(CONTENT_TYPE, rated, groupOf, names, false);
    }

    public static Result byDuration(Table videos) {
        return byDuration(Rated.of(videos));
    }

    public static Result byDuration(Rated rated) {
        double[] d = rated.columns.of(Canonical.DURATION_S);
        int[] groupOf = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            groupOf[i] = durationBucketIndex(d[i]);
        }
        return compare(DURATION, rated, groupOf, DURATION_BUCKETS, true);
    }

    /** The bucket of a duration in seconds, or null when unknown. */
    public static String durationBucket(double seconds) {
        int b = durationBucketIndex(seconds);
        return b < 0 ? null : DURATION_BUCKETS.get(b);
    }

    private static int durationBucketIndex(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return -1;
        }
        return seconds == 0 ? 0 : seconds < 15 ? 1 : seconds < 30 ? 2 : seconds < 60 ? 3 : seconds < 180 ? 4 : 5;
    }

    /** By the weekday of posting, in UTC (exports give instants; the creator's own time zone is unknown). */
    public static Result byWeekday(Table videos) {
        return byWeekday(Rated.of(videos));
    }

    public static Result byWeekday(Rated rated) {
        long[] posted = rated.postedSeconds();
        int[] groupOf = new int[posted.length];
        List<String> order = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            order.add(d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        }
        for (int i = 0; i < groupOf.length; i++) {
            // Day 0 of the epoch (1970-01-01) was a Thursday, index 3 counting from Monday.
            groupOf[i] = posted[i] == Long.MIN_VALUE ? -1
                    : (int) Math.floorMod(Math.floorDiv(posted[i], 86_400L) + 3, 7L);
        }
        return compare(WEEKDAY, rated, groupOf, order, true);
    }

    /** By the hour of posting, in UTC, labelled {@code 00}–{@code 23}. */
    public static Result byHour(Table videos) {
        return byHour(Rated.of(videos));
    }

    public static Result byHour(Rated rated) {
        long[] posted = rated.postedSeconds();
        int[] groupOf = new int[posted.length];
        List<String> order = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            order.add(String.format(Locale.ROOT, "%02d", h));
        }
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = posted[i] == Long.MIN_VALUE ? -1 : (int) (Math.floorMod(posted[i], 86_400L) / 3600);
        }
        return compare(HOUR, rated, groupOf, order, true);
    }

    /**
     * By hashtag, for the {@link #TOP_HASHTAGS} hashtags on the most videos. A video counts in every group of
     * its hashtags, so the groups overlap and are not tested against each other.
     */
    public static Result byHashtag(Table videos) {
        return byHashtag(Rated.of(videos));
    }

    public static Result byHashtag(Rated rated) {
        StringColumn tags = rated.videos.stringColumn(Canonical.HASHTAGS);
        double[] rates = rated.rates;
        // Many videos share one hashtags cell: parse and count each distinct cell once.
        Map<String, Integer> cellIndex = new HashMap<>();
        List<String[]> cellTags = new ArrayList<>();
        List<int[]> cellUses = new ArrayList<>();
        int[] cellOf = new int[rates.length];
        for (int i = 0; i < cellOf.length; i++) {
            String t = tags.get(i);
            Integer c = cellIndex.get(t);
            if (c == null) {
                c = cellTags.size();
                cellIndex.put(t, c);
                cellTags.add(tagsOf(t));
                cellUses.add(new int[1]);
            }
            cellOf[i] = c;
            if (!Double.isNaN(rates[i])) {
                cellUses.get(c)[0]++;
            }
        }
        Map<String, Integer> uses = new HashMap<>();
        for (int c = 0; c < cellTags.size(); c++) {
            int count = cellUses.get(c)[0];
            if (count > 0) {
                for (String tag : cellTags.get(c)) {
                    uses.merge(tag, count, Integer::sum);
                }
            }
        }
        List<String> top = uses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_HASHTAGS).map(Map.Entry::getKey).toList();
        Map<String, Integer> topIndex = new HashMap<>();
        for (String tag : top) {
            topIndex.put(tag, topIndex.size());
        }
        // Each distinct cell's groups among the top hashtags, in the cell's tag order.
        int[][] cellGroups = new int[cellTags.size()][];
        for (int c = 0; c < cellGroups.length; c++) {
            IntList g = new IntList();
            for (String tag : cellTags.get(c)) {
                Integer m = topIndex.get(tag);
                if (m != null) {
                    g.add(m);
                }
            }
            cellGroups[c] = Arrays.copyOf(g.values, g.size);
        }
        return build(HASHTAG, rated, cellOf, cellGroups, top, null, false, true);
    }

    /** The distinct space-separated hashtags of a cell, without regex or streams (a million rows). */
    static String[] tagsOf(String cell) {
        if (cell == null || cell.isBlank()) {
            return new String[0];
        }
        List<String> tags = new ArrayList<>(4);
        int i = 0;
        int n = cell.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(cell.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(cell.charAt(i))) {
                i++;
            }
            if (i > start) {
                String tag = cell.substring(start, i);
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
        }
        return tags.toArray(new String[0]);
    }

    /**
     * Groups videos by a group index per row (−1: in no group).
     *
     * @param names the groups' names by index
     * @param natural true when {@code names} is the dimension's natural order (groups with no video are left
     *     out); false to order groups by views, most first (the test then takes them as first met in row order)
     */
    static Result compare(String dimension, Rated rated, int[] groupOf, List<String> names, boolean natural) {
        int[][] single = new int[names.size()][];
        for (int g = 0; g < single.length; g++) {
            single[g] = new int[] {g};
        }
        int[] order = null;
        if (!natural) {
            // A map keyed as rows are met, as the groups were always listed before their sort by views.
            boolean[] met = new boolean[names.size()];
            IntList firstMet = new IntList();
            for (int i = 0; i < groupOf.length; i++) {
                int g = groupOf[i];
                if (g >= 0 && !met[g] && !Double.isNaN(rated.rates[i])) {
                    met[g] = true;
                    firstMet.add(g);
                }
            }
            order = Arrays.copyOf(firstMet.values, firstMet.size);
        }
        return build(dimension, rated, groupOf, single, names, order, true, !natural);
    }

    /**
     * Groups rows by cell: row i belongs to every group in {@code cellGroups[cellOf[i]]} (none when
     * {@code cellOf[i]} is −1).
     *
     * @param order the group indexes in listing order, or null for index order
     */
    private static Result build(String dimension, Rated rated, int[] cellOf, int[][] cellGroups, List<String> names,
            int[] order, boolean exclusive, boolean sortByViews) {
        double[] views = rated.views;
        double[] saves = rated.saves;
        double[] rates = rated.rates;
        int groupCount = names.size();
        int[] count = new int[groupCount];
        long[] viewSum = new long[groupCount];
        long[] saveSum = new long[groupCount];
        int without = 0;
        for (int i = 0; i < cellOf.length; i++) {
            if (Double.isNaN(rates[i])) {
                continue;
            }
            int[] gs = cellOf[i] < 0 ? EMPTY : cellGroups[cellOf[i]];
            if (gs.length == 0) {
                without++;
            }
            for (int g : gs) {
                count[g]++;
                viewSum[g] += (long) views[i];
                saveSum[g] += (long) saves[i];
            }
        }
        // Each group's rates come out sorted by walking the rows once in order of rate.
        double[][] sorted = new double[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            sorted[g] = new double[count[g]];
        }
        int[] filled = new int[groupCount];
        int[] cellByRate = new int[rated.byRate.length];
        for (int k = 0; k < cellByRate.length; k++) {
            int c = cellOf[rated.byRate[k]];
            cellByRate[k] = c;
            if (c < 0) {
                continue;
            }
            for (int g : cellGroups[c]) {
                sorted[g][filled[g]++] = rated.sortedRates[k];
            }
        }
        if (order == null) {
            order = new int[groupCount];
            for (int g = 0; g < groupCount; g++) {
                order[g] = g;
            }
        }
        List<Group> groups = new ArrayList<>();
        boolean[] judged = new boolean[groupCount];
        IntList judgedOrder = new IntList();
        for (int g : order) {
            if (count[g] == 0) {
                continue;
            }
            long v = viewSum[g];
            long s = saveSum[g];
            boolean tooSmall = count[g] < MIN_VIDEOS || v < MIN_VIEWS;
            groups.add(new Group(names.get(g), count[g], v, s, (double) s / v, Intervals.wilson(s, v, Intervals.Z95),
                    Stats.quantileSorted(sorted[g], 0.5), Intervals.bootstrapMedianSorted(sorted[g], 0.95,
                            Intervals.BOOTSTRAP_RESAMPLES, Intervals.DEFAULT_SEED), tooSmall));
            if (!tooSmall) {
                judged[g] = true;
                judgedOrder.add(g);
            }
        }
        if (sortByViews) {
            groups.sort(Comparator.comparingLong(Group::views).reversed().thenComparing(Group::key));
        }
        Test test = exclusive && judgedOrder.size >= 2
                ? kruskalWallis(rated, cellByRate, cellGroups, judged, Arrays.copyOf(judgedOrder.values, judgedOrder.size))
                : null;
        return new Result(dimension, List.copyOf(groups), test, without);
    }

    private static final int[] EMPTY = new int[0];

    /**
     * {@link #kruskalWallis(List)} of the judged groups' rates, ranking by one walk over the rows in order of
     * rate instead of a fresh sort. Gives the same numbers: mid-ranks are multiples of one half well below
     * 2^52, so their sums are exact in any order, and tie runs are met in ascending order as before.
     */
    private static Test kruskalWallis(Rated rated, int[] cellByRate, int[][] cellGroups, boolean[] judged,
            int[] judgedOrder) {
        double[] rates = rated.sortedRates;
        int total = rates.length;
        double[] rankSum = new double[judged.length];
        int[] size = new int[judged.length];
        int n = 0;
        double tieSum = 0;
        int k = 0;
        while (k < total) {
            if (!isJudged(cellByRate[k], cellGroups, judged)) {
                k++;
                continue;
            }
            // A run of equal rates among judged rows: ranks n+1 .. n+t share their mean.
            double value = rates[k];
            int t = 0;
            int end = k;
            while (end < total && rates[end] == value) {
                if (isJudged(cellByRate[end], cellGroups, judged)) {
                    t++;
                }
                end++;
            }
            double rank = (n + (n + t - 1)) / 2.0 + 1;
            for (int q = k; q < end; q++) {
                if (isJudged(cellByRate[q], cellGroups, judged)) {
                    int g = cellGroups[cellByRate[q]][0];
                    rankSum[g] += rank;
                    size[g]++;
                }
            }
            double tt = t;
            tieSum += tt * tt * tt - tt;
            n += t;
            k = end;
        }
        double sum = 0;
        for (int g : judgedOrder) {
            sum += rankSum[g] * rankSum[g] / size[g];
        }
        return kruskalWallisFrom(sum, tieSum, n, judgedOrder.length);
    }

    private static boolean isJudged(int c, int[][] cellGroups, boolean[] judged) {
        return c >= 0 && cellGroups[c].length > 0 && judged[cellGroups[c][0]];
    }

    /** The Kruskal–Wallis H test, tie-corrected, with its chi-square p-value; null when every value ties. */
    public static Test kruskalWallis(List<double[]> samples) {
        int n = 0;
        for (double[] s : samples) {
            n += s.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] s : samples) {
            System.arraycopy(s, 0, all, k, s.length);
            k += s.length;
        }
        double[] ranks = Stats.midRanks(all);
        double sum = 0;
        k = 0;
        for (double[] s : samples) {
            double rankSum = 0;
            for (int j = 0; j < s.length; j++) {
                rankSum += ranks[k++];
            }
            sum += rankSum * rankSum / s.length;
        }
        double[] sorted = all.clone();
        Stats.sort(sorted);
        double tieSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            tieSum += t * t * t - t;
            i = j + 1;
        }
        return kruskalWallisFrom(sum, tieSum, n, samples.size());
    }

    /** H from Σ(rank sum² / size) over the groups and Σ(t³ − t) over tie runs, then its p-value. */
    private static Test kruskalWallisFrom(double sum, double tieSum, int n, int groups) {
        double h = 12.0 / ((double) n * (n + 1)) * sum - 3.0 * (n + 1);
        double correction = 1 - tieSum / ((double) n * n * n - n);
        if (correction <= 0) {
            return null;
        }
        h /= correction;
        int df = groups - 1;
        // The upper tail itself: 1 - CDF rounds to 0 below about 1e-16, where real differences between many
        // videos' groups land (chi-square sf(h) = Q(df / 2, h / 2)).
        double p = Gamma.regularizedGammaQ(df / 2.0, Math.max(0, h) / 2);
        return new Test(h, df, p, groups, n);
    }

    /** A growable int array, so grouping a million rows does not box. */
    static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }
    }
}
