package savescope.metrics;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
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

    public static Result byContentType(Table videos) {
        StringColumn type = videos.stringColumn(Canonical.CONTENT_TYPE);
        String[] keys = new String[videos.rowCount()];
        for (int i = 0; i < keys.length; i++) {
            String t = type.get(i);
            keys[i] = t == null || t.isBlank() ? "unknown" : t.strip();
        }
        return compare(CONTENT_TYPE, videos, keys, null);
    }

    public static Result byDuration(Table videos) {
        double[] d = VideoValues.of(videos, Canonical.DURATION_S);
        String[] keys = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            keys[i] = durationBucket(d[i]);
        }
        return compare(DURATION, videos, keys, DURATION_BUCKETS);
    }

    /** The bucket of a duration in seconds, or null when unknown. */
    public static String durationBucket(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return null;
        }
        int b = seconds == 0 ? 0 : seconds < 15 ? 1 : seconds < 30 ? 2 : seconds < 60 ? 3 : seconds < 180 ? 4 : 5;
        return DURATION_BUCKETS.get(b);
    }

    /** By the weekday of posting, in UTC (exports give instants; the creator's own time zone is unknown). */
    public static Result byWeekday(Table videos) {
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        String[] keys = new String[videos.rowCount()];
        List<String> order = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            order.add(d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        }
        for (int i = 0; i < keys.length; i++) {
            // Day 0 of the epoch (1970-01-01) was a Thursday, index 3 counting from Monday.
            keys[i] = posted.isMissing(i) ? null
                    : order.get((int) Math.floorMod(Math.floorDiv(posted.get(i).getEpochSecond(), 86_400L) + 3, 7L));
        }
        return compare(WEEKDAY, videos, keys, order);
    }

    /** By the hour of posting, in UTC, labelled {@code 00}–{@code 23}. */
    public static Result byHour(Table videos) {
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        String[] keys = new String[videos.rowCount()];
        List<String> order = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            order.add(String.format(Locale.ROOT, "%02d", h));
        }
        for (int i = 0; i < keys.length; i++) {
            keys[i] = posted.isMissing(i) ? null
                    : order.get((int) (Math.floorMod(posted.get(i).getEpochSecond(), 86_400L) / 3600));
        }
        return compare(HOUR, videos, keys, order);
    }

    /**
     * By hashtag, for the {@link #TOP_HASHTAGS} hashtags on the most videos. A video counts in every group of
     * its hashtags, so the groups overlap and are not tested against each other.
     */
    public static Result byHashtag(Table videos) {
        StringColumn tags = videos.stringColumn(Canonical.HASHTAGS);
        double[] rates = VideoValues.saveRates(videos);
        // Many videos share one hashtags cell: parse and count each distinct cell once.
        Map<String, Integer> cellIndex = new HashMap<>();
        List<String[]> cellTags = new ArrayList<>();
        List<int[]> cellUses = new ArrayList<>();
        int[] cellOf = new int[videos.rowCount()];
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
        Map<String, IntList> members = new LinkedHashMap<>();
        for (String tag : top) {
            members.put(tag, new IntList());
        }
        // Each distinct cell's groups among the top hashtags, in the cell's tag order.
        IntList[][] cellGroups = new IntList[cellTags.size()][];
        for (int c = 0; c < cellGroups.length; c++) {
            List<IntList> g = new ArrayList<>();
            for (String tag : cellTags.get(c)) {
                IntList m = members.get(tag);
                if (m != null) {
                    g.add(m);
                }
            }
            cellGroups[c] = g.toArray(new IntList[0]);
        }
        int without = 0;
        for (int i = 0; i < cellOf.length; i++) {
            if (Double.isNaN(rates[i])) {
                continue;
            }
            IntList[] g = cellGroups[cellOf[i]];
            for (IntList m : g) {
                m.add(i);
            }
            without += g.length > 0 ? 0 : 1;
        }
        return build(HASHTAG, videos, members, false, without, true);
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
     * Groups videos by a key per row (null: in no group).
     *
     * @param order the keys in their natural order (groups with no video are left out), or null to order
     *     by views, most first
     */
    static Result compare(String dimension, Table videos, String[] keys, List<String> order) {
        double[] rates = VideoValues.saveRates(videos);
        Map<String, IntList> members = new LinkedHashMap<>();
        if (order != null) {
            for (String k : order) {
                members.put(k, new IntList());
            }
        }
        int without = 0;
        for (int i = 0; i < keys.length; i++) {
            if (Double.isNaN(rates[i])) {
                continue;
            }
            if (keys[i] == null) {
                without++;
                continue;
            }
            members.computeIfAbsent(keys[i], k -> new IntList()).add(i);
        }
        members.values().removeIf(m -> m.size == 0);
        return build(dimension, videos, members, true, without, order == null);
    }

    private static Result build(String dimension, Table videos, Map<String, IntList> members, boolean exclusive,
            int without, boolean sortByViews) {
        double[] views = VideoValues.of(videos, Canonical.VIEWS);
        double[] saves = VideoValues.of(videos, Canonical.SAVES);
        List<Group> groups = new ArrayList<>();
        List<double[]> judgedRates = new ArrayList<>();
        for (Map.Entry<String, IntList> e : members.entrySet()) {
            IntList m = e.getValue();
            long v = 0;
            long s = 0;
            double[] r = new double[m.size];
            for (int k = 0; k < m.size; k++) {
                int i = m.values[k];
                v += (long) views[i];
                s += (long) saves[i];
                r[k] = saves[i] / views[i];
            }
            boolean tooSmall = m.size < MIN_VIDEOS || v < MIN_VIEWS;
            double[] sorted = r.clone();
            Arrays.sort(sorted);
            groups.add(new Group(e.getKey(), m.size, v, s, (double) s / v, Intervals.wilson(s, v, Intervals.Z95),
                    Stats.quantileSorted(sorted, 0.5), Intervals.bootstrapMedianSorted(sorted, 0.95,
                            Intervals.BOOTSTRAP_RESAMPLES, Intervals.DEFAULT_SEED), tooSmall));
            if (!tooSmall) {
                judgedRates.add(r);
            }
        }
        if (sortByViews) {
            groups.sort(Comparator.comparingLong(Group::views).reversed().thenComparing(Group::key));
        }
        Test test = exclusive && judgedRates.size() >= 2 ? kruskalWallis(judgedRates) : null;
        return new Result(dimension, List.copyOf(groups), test, without);
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
        double h = 12.0 / ((double) n * (n + 1)) * sum - 3.0 * (n + 1);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
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
        double correction = 1 - tieSum / ((double) n * n * n - n);
        if (correction <= 0) {
            return null;
        }
        h /= correction;
        int df = samples.size() - 1;
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(h);
        return new Test(h, df, p, samples.size(), n);
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
