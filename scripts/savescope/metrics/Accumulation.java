package savescope.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * How saves build up after posting, from a daily series: per-video evergreen score, whether a video is still
 * gaining saves, the half-life of its new saves, and the pooled accumulation curve. Day 0 is the posting
 * day (UTC); a video's observed window runs from day 0 to its last day in the daily series.
 */
public final class Accumulation {
    /** Days 0–6 are the first week; saves from day 7 on count as late. */
    public static final int FIRST_WEEK = 7;
    /** A video needs at least this many observed days for an evergreen score or a still-gaining call. */
    public static final int MIN_DAYS = 14;
    /** Still gaining: saves per day over the last 7 observed days at least this share of the first week's... */
    public static final double STILL_GAINING_SHARE = 0.05;
    /** ...and at least this many saves in those 7 days, so one stray save does not count. */
    public static final int STILL_GAINING_MIN_SAVES = 3;
    /**
     * An evergreen video: at least this share of its observed saves came after the first week. Saves of a
     * video that fades within a week put only a few percent after day 7, even over four weeks.
     */
    public static final double EVERGREEN_SCORE = 0.10;

    private Accumulation() {}

    /**
     * One video's accumulation.
     *
     * @param id video id
     * @param observedDays days from posting to its last day in the series, both counted
     * @param saves saves over the observed window
     * @param lateSaves saves from day 7 on
     * @param evergreenScore lateSaves / saves, NaN with no saves or fewer than {@link #MIN_DAYS} days
     * @param halfLifeDays days (posting day counted as 1) until half of the observed saves had come; 0 when
     *     there were no saves
     * @param firstWeekPerDay saves per day on days 0–6
     * @param lastWeekPerDay saves per day over the last 7 observed days
     * @param stillGaining lastWeekPerDay ≥ {@link #STILL_GAINING_SHARE} × firstWeekPerDay, with at least
     *     {@link #STILL_GAINING_MIN_SAVES} saves in the last 7 days and {@link #MIN_DAYS} observed days
     * @param cumulative cumulative saves by day since posting, index 0 = day 0
     */
    public record VideoCurve(String id, int observedDays, long saves, long lateSaves, double evergreenScore,
            int halfLifeDays, double firstWeekPerDay, double lastWeekPerDay, boolean stillGaining, long[] cumulative) {
        public boolean evergreen() {
            return !Double.isNaN(evergreenScore) && evergreenScore >= EVERGREEN_SCORE;
        }

        /** This video's numbers without its day-by-day curve. */
        public VideoSummary summary() {
            return new VideoSummary(id, observedDays, saves, lateSaves, evergreenScore, halfLifeDays, lastWeekPerDay,
                    stillGaining);
        }
    }

    /**
     * One video's accumulation numbers as {@link VideoCurve} has them, without the day-by-day curve: what a report
     * lists per video.
     */
    public record VideoSummary(String id, int observedDays, long saves, long lateSaves, double evergreenScore,
            int halfLifeDays, double lastWeekPerDay, boolean stillGaining) {}

    /** A video's accumulation numbers with its title ("(untitled)" when it has none). */
    public record Titled(String title, VideoSummary video) {}

    /**
     * The {@code n} curves with the highest evergreen score (ties by id; unscored ones left out), as a full sort
     * would list them first; kept in one pass because a daily series can cover a hundred thousand videos.
     */
    public static List<VideoCurve> top(List<VideoCurve> curves, int n) {
        Comparator<VideoCurve> order = Comparator.comparingDouble(VideoCurve::evergreenScore).reversed()
                .thenComparing(VideoCurve::id);
        List<VideoCurve> best = new ArrayList<>(n + 1);
        for (VideoCurve c : curves) {
            if (Double.isNaN(c.evergreenScore())
                    || (best.size() == n && (n == 0 || order.compare(c, best.get(n - 1)) >= 0))) {
                continue;
            }
            int at = best.size();
            // After any equal one, as a stable sort keeps them.
            while (at > 0 && order.compare(c, best.get(at - 1)) < 0) {
                at--;
            }
            best.add(at, c);
            if (best.size() > n) {
                best.remove(n);
            }
        }
        return best;
    }

    /**
     * The channel summary.
     *
     * @param videos videos with a daily series and a posting time
     * @param scored videos with an evergreen score
     * @param medianEvergreen median evergreen score of the scored videos
     * @param evergreenVideos scored videos with a score of at least {@link #EVERGREEN_SCORE}
     * @param stillGaining videos still gaining saves
     * @param medianHalfLife median half-life in days over videos with saves and at least {@link #MIN_DAYS} days
     * @param horizon days in the pooled curve
     * @param curveVideos videos observed for the whole horizon (the pooled curve's base)
     * @param curve cumulative share of those videos' saves by day since posting (index 0 = day 0)
     * @param evergreenCurve the same for the evergreen ones among them (empty when none)
     * @param otherCurve the same for the rest
     */
    public record Summary(int videos, int scored, double medianEvergreen, int evergreenVideos, int stillGaining,
            double medianHalfLife, int horizon, int curveVideos, double[] curve, double[] evergreenCurve,
            double[] otherCurve) {}

    /** One video's curve from its saves by day since posting (index = day, missing days as 0). */
    public static VideoCurve curve(String id, long[] savesByDay) {
        int days = savesByDay.length;
        long[] cum = new long[days];
        long total = 0;
        for (int d = 0; d < days; d++) {
            total += savesByDay[d];
            cum[d] = total;
        }
        long firstWeek = days == 0 ? 0 : cum[Math.min(FIRST_WEEK, days) - 1];
        long late = total - firstWeek;
        double score = total == 0 || days < MIN_DAYS ? Double.NaN : (double) late / total;
        int half = 0;
        if (total > 0) {
            for (int d = 0; d < days; d++) {
                // 2 * cum >= total is "at least half" without rounding an odd total.
                if (2 * cum[d] >= total) {
                    half = d + 1;
                    break;
                }
            }
        }
        double firstPerDay = (double) firstWeek / FIRST_WEEK;
        long lastWeek = days == 0 ? 0 : total - (days > FIRST_WEEK ? cum[days - FIRST_WEEK - 1] : 0);
        double lastPerDay = (double) lastWeek / FIRST_WEEK;
        boolean gaining = days >= MIN_DAYS && lastWeek >= STILL_GAINING_MIN_SAVES && lastPerDay >= STILL_GAINING_SHARE * firstPerDay;
        return new VideoCurve(id, days, total, late, score, half, firstPerDay, lastPerDay, gaining, cum);
    }

    /** Every video's curve, from the daily increments and the videos' posting times; unknown videos skipped. */
    public static List<VideoCurve> curves(Table videos, Table daily) {
        return curves(DailyIndex.of(videos, daily));
    }

    /** Every indexed video's curve, in the index's order of videos. */
    public static List<VideoCurve> curves(DailyIndex index) {
        List<VideoCurve> out = new ArrayList<>(index.videos());
        for (int v = 0; v < index.videos(); v++) {
            long[] savesByDay = new long[index.lastDay(v) + 1];
            for (int r = index.start(v); r < index.end(v); r++) {
                savesByDay[index.day(r)] += index.saves(r);
            }
            out.add(curve(index.id(v), savesByDay));
        }
        return out;
    }

    public static Summary summarize(List<VideoCurve> curves, int horizon) {
        // Primitive arrays in curve order: the medians and pooled sums see the values in the same order as ever.
        double[] scores = new double[curves.size()];
        double[] halves = new double[curves.size()];
        int scored = 0;
        int halved = 0;
        int evergreen = 0;
        int gaining = 0;
        List<VideoCurve> full = new ArrayList<>();
        List<VideoCurve> fullEvergreen = new ArrayList<>();
        List<VideoCurve> fullOther = new ArrayList<>();
        for (VideoCurve c : curves) {
            if (!Double.isNaN(c.evergreenScore())) {
                scores[scored++] = c.evergreenScore();
                evergreen += c.evergreen() ? 1 : 0;
            }
            if (c.saves() > 0 && c.observedDays() >= MIN_DAYS) {
                halves[halved++] = c.halfLifeDays();
            }
            gaining += c.stillGaining() ? 1 : 0;
            if (c.observedDays() >= horizon) {
                full.add(c);
                (c.evergreen() ? fullEvergreen : fullOther).add(c);
            }
        }
        return new Summary(curves.size(), scored, median(scores, scored), evergreen, gaining, median(halves, halved),
                horizon, full.size(), pooled(full, horizon), pooled(fullEvergreen, horizon), pooled(fullOther, horizon));
    }

    /** Cumulative share of the videos' saves (over days 0 .. horizon-1) by day; empty when they have none. */
    static double[] pooled(List<VideoCurve> videos, int horizon) {
        double[] cum = new double[horizon];
        for (VideoCurve c : videos) {
            for (int d = 0; d < horizon; d++) {
                cum[d] += c.cumulative()[d];
            }
        }
        double total = horizon == 0 ? 0 : cum[horizon - 1];
        if (total == 0) {
            return new double[0];
        }
        for (int d = 0; d < horizon; d++) {
            cum[d] /= total;
        }
        return cum;
    }

    /** The median of the first {@code n} values, NaN when there are none. */
    static double median(double[] values, int n) {
        return n == 0 ? Double.NaN : SaveRate.quantile(java.util.Arrays.copyOf(values, n), 0.5);
    }

    /**
     * Saves gained between two consecutive looks at the totals (snapshots, then the latest export), and how
     * many of them went to videos that were already older than {@code oldDays} at the first look.
     *
     * @param from the earlier look
     * @param to the later look
     * @param videos videos present in both looks
     * @param gained saves gained by them (differences of totals)
     * @param gainedByOld of which by videos older than {@code oldDays} days at {@code from}
     * @param oldVideos how many videos were that old
     * @param oldGaining how many of those gained at least one save
     */
    public record SnapshotGain(Instant from, Instant to, int videos, long gained, long gainedByOld, int oldVideos,
            int oldGaining) {
        public double oldShare() {
            return gained <= 0 ? Double.NaN : (double) gainedByOld / gained;
        }
    }

    /**
     * Gains between consecutive snapshot times, the last one ending at {@code exportTime} with the videos'
     * current totals (pass null to use snapshots only).
     */
    public static List<SnapshotGain> snapshotGains(Table videos, Table snapshots, Instant exportTime, int oldDays) {
        TreeMap<Instant, Map<String, Long>> looks = new TreeMap<>();
        var ids = snapshots.stringColumn(Canonical.VIDEO_ID);
        var taken = snapshots.instantColumn(Canonical.TAKEN_AT);
        var saves = snapshots.longColumn(Canonical.SAVES);
        for (int i = 0; i < snapshots.rowCount(); i++) {
            if (!taken.isMissing(i) && !saves.isMissing(i)) {
                looks.computeIfAbsent(taken.get(i), k -> new HashMap<>()).put(ids.get(i), saves.getLong(i));
            }
        }
        Map<String, Instant> posted = new HashMap<>();
        var vids = videos.stringColumn(Canonical.VIDEO_ID);
        var vp = videos.instantColumn(Canonical.POSTED_AT);
        var vs = videos.longColumn(Canonical.SAVES);
        Map<String, Long> latest = new HashMap<>();
        for (int i = 0; i < videos.rowCount(); i++) {
            if (!vp.isMissing(i)) {
                posted.put(vids.get(i), vp.get(i));
            }
            if (!vs.isMissing(i)) {
                latest.put(vids.get(i), vs.getLong(i));
            }
        }
        if (exportTime != null && !looks.isEmpty() && exportTime.isAfter(looks.lastKey())) {
            looks.put(exportTime, latest);
        }
        List<SnapshotGain> out = new ArrayList<>();
        Instant prev = null;
        for (Instant t : looks.keySet()) {
            if (prev != null) {
                Map<String, Long> a = looks.get(prev);
                Map<String, Long> b = looks.get(t);
                int n = 0;
                long gained = 0;
                long old = 0;
                int oldVideos = 0;
                int oldGaining = 0;
                for (var e : a.entrySet()) {
                    Long after = b.get(e.getKey());
                    if (after == null) {
                        continue;
                    }
                    n++;
                    long g = after - e.getValue();
                    gained += g;
                    Instant p = posted.get(e.getKey());
                    if (p != null && ChronoUnit.DAYS.between(p, prev) > oldDays) {
                        old += g;
                        oldVideos++;
                        oldGaining += g > 0 ? 1 : 0;
                    }
                }
                out.add(new SnapshotGain(prev, t, n, gained, old, oldVideos, oldGaining));
            }
            prev = t;
        }
        return out;
    }
}
