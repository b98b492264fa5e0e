package savescope.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A period against another, in two views: the videos <em>posted</em> in each (their counts and save rates, the
 * difference in save rate with a bootstrap interval over videos as the experiments use), and the saves
 * <em>gained</em> in each, from the snapshots (saves at the later export minus the earlier, per video) or else
 * from the daily series.
 *
 * @param period the period asked for
 * @param comparison the period it is compared with
 * @param now the videos posted in {@code period}
 * @param before the videos posted in {@code comparison}
 * @param rate the save rates compared (baseline {@code comparison}); null when either period has no rated video
 * @param byType save rates per content type in each period
 * @param gainedNow saves gained in {@code period}, or null when neither snapshots nor a daily series span it
 * @param gainedBefore saves gained in {@code comparison}, or null
 * @param dailyNow saves gained in {@code period} by the daily series alone, or null without one: when the two
 *     periods' gains come from different sources, these two compare like with like
 * @param dailyBefore the same for {@code comparison}
 */
public record PeriodComparison(Period period, Period comparison, Posted now, Posted before,
        Experiment.Comparison rate, List<TypeChange> byType, Gained gainedNow, Gained gainedBefore, Gained dailyNow,
        Gained dailyBefore) {

    /**
     * The change in save rate with its interval, or null when either period has fewer than
     * {@link Experiment#MIN_VIDEOS} rated videos: as on the cards, too few videos to judge.
     */
    public Experiment.Comparison judged() {
        return rate != null && now.rated() >= Experiment.MIN_VIDEOS && before.rated() >= Experiment.MIN_VIDEOS
                ? rate : null;
    }

    /** True when both periods' gains are known and were counted the same way. */
    public boolean gainsComparable() {
        return gainedNow != null && gainedBefore != null && gainedNow.source().equals(gainedBefore.source());
    }

    /** The videos posted in one period: how many, their views and saves (null when none has the count). */
    public record Posted(long videos, Long views, Long saves, Double rate, Double medianRate, int rated) {}

    /** One content type's save rate (saves over views) in each period, null where it posted nothing rated. */
    public record TypeChange(String type, int videosNow, int videosBefore, Double rateNow, Double rateBefore) {
        public Double change() {
            return rateNow == null || rateBefore == null ? null : rateNow - rateBefore;
        }
    }

    /**
     * Saves gained in a period.
     *
     * @param saves the sum over videos
     * @param videos videos that gained at least one save
     * @param source {@code snapshots}, {@code daily series}, or {@code daily series, N of M days} when the series
     *     has only some of the period's days (two gains are compared only when counted from the same source)
     * @param from the time the earlier counts were taken (snapshots), or the first day (daily series)
     * @param to the time the later counts were taken, or the first instant after the last day
     * @param unknown videos left out: posted before the earlier export but missing from it
     */
    public record Gained(long saves, int videos, String source, Instant from, Instant to, int unknown) {}

    /** The last day the data covers: the latest daily date, snapshot or posting time. */
    public static LocalDate anchor(Dataset data) {
        return bound(data, true);
    }

    /** The first day the data covers: the earliest daily date, snapshot or posting time; null without any. */
    public static LocalDate firstDay(Dataset data) {
        return bound(data, false);
    }

    private static LocalDate bound(Dataset data, boolean latest) {
        LocalDate last = null;
        DateColumn days = data.daily().dateColumn(Canonical.DATE);
        for (int i = 0; i < days.size(); i++) {
            last = pick(last, days.get(i), latest);
        }
        for (Table t : List.of(data.snapshots(), data.videos())) {
            InstantColumn c = t.instantColumn(t == data.videos() ? Canonical.POSTED_AT : Canonical.TAKEN_AT);
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    last = pick(last, c.get(i).atOffset(ZoneOffset.UTC).toLocalDate(), latest);
                }
            }
        }
        return last;
    }

    private static LocalDate pick(LocalDate a, LocalDate b, boolean latest) {
        return b == null ? a : a == null || (latest ? b.isAfter(a) : b.isBefore(a)) ? b : a;
    }

    /** The comparison of {@code period} with {@code comparison} over {@code data}. */
    public static PeriodComparison of(Dataset data, Period period, Period comparison) {
        List<RatedVideo> rated = RatedVideo.of(data.videos());
        List<RatedVideo> ratedNow = rated.stream().filter(v -> period.contains(v.postedAt())).toList();
        List<RatedVideo> ratedBefore = rated.stream().filter(v -> comparison.contains(v.postedAt())).toList();
        Experiment.Comparison rate = ratedNow.isEmpty() || ratedBefore.isEmpty() ? null
                : Experiment.compare(comparison.label(), ratedBefore, period.label(), ratedNow);
        Gained dailyNow = fromDaily(data.daily(), period);
        Gained dailyBefore = fromDaily(data.daily(), comparison);
        boolean likeWithLike = dailyNow != null && dailyBefore != null && dailyNow.source().equals(dailyBefore.source());
        return new PeriodComparison(period, comparison, posted(data.videos(), period, ratedNow),
                posted(data.videos(), comparison, ratedBefore), rate, byType(ratedNow, ratedBefore),
                gained(data, period), gained(data, comparison), likeWithLike ? dailyNow : null,
                likeWithLike ? dailyBefore : null);
    }

    private static Posted posted(Table videos, Period p, List<RatedVideo> rated) {
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        LongColumn views = videos.longColumn(Canonical.VIEWS);
        LongColumn saves = videos.longColumn(Canonical.SAVES);
        long n = 0;
        Long v = null;
        Long s = null;
        for (int i = 0; i < videos.rowCount(); i++) {
            if (posted.isMissing(i) || !p.contains(posted.get(i))) {
                continue;
            }
            n++;
            // Not one conditional expression: mixing Long and long there unboxes the null sum of a missing count.
            if (!views.isMissing(i)) {
                v = (v == null ? 0 : v) + views.getLong(i);
            }
            if (!saves.isMissing(i)) {
                s = (s == null ? 0 : s) + saves.getLong(i);
            }
        }
        return new Posted(n, v, s, rated.isEmpty() ? null : RatedVideo.ratioOfSums(rated),
                rated.isEmpty() ? null : RatedVideo.medianRate(rated), rated.size());
    }

    private static List<TypeChange> byType(List<RatedVideo> now, List<RatedVideo> before) {
        TreeSet<String> types = new TreeSet<>();
        now.forEach(v -> types.add(v.contentType()));
        before.forEach(v -> types.add(v.contentType()));
        List<TypeChange> out = new ArrayList<>();
        for (String t : types) {
            if (t == null || t.isBlank()) {
                continue;
            }
            List<RatedVideo> a = now.stream().filter(v -> t.equals(v.contentType())).toList();
            List<RatedVideo> b = before.stream().filter(v -> t.equals(v.contentType())).toList();
            out.add(new TypeChange(t, a.size(), b.size(), a.isEmpty() ? null : RatedVideo.ratioOfSums(a),
                    b.isEmpty() ? null : RatedVideo.ratioOfSums(b)));
        }
        return out;
    }

    /** Saves gained in {@code p}: from two exports that bracket it when there are any, else from the daily series. */
    static Gained gained(Dataset data, Period p) {
        Gained fromSnapshots = fromSnapshots(data, p);
        return fromSnapshots != null ? fromSnapshots : fromDaily(data.daily(), p);
    }

    /**
     * Per video, saves at the later export minus saves at the earlier: the earlier is the latest export taken at
     * or before the period starts, the later the latest taken before it ends (the videos' own counts when that is
     * the latest export of all; the snapshots hold every export's counts of a video seen more than once).
     */
    private static Gained fromSnapshots(Dataset data, Period p) {
        Table snaps = data.snapshots();
        InstantColumn taken = snaps.instantColumn(Canonical.TAKEN_AT);
        TreeSet<Instant> times = new TreeSet<>();
        for (int i = 0; i < taken.size(); i++) {
            if (!taken.isMissing(i)) {
                times.add(taken.get(i));
            }
        }
        Instant start = times.floor(p.start());
        if (start == null) {
            return null;
        }
        Instant end = times.lower(p.end());
        if (end == null || !end.isAfter(start)) {
            return null;
        }
        Map<String, Long> earlier = savesAt(snaps, start);
        Map<String, Long> later = end.equals(times.last()) ? latestSaves(data.videos()) : savesAt(snaps, end);
        Map<String, Instant> postedAt = postingTimes(data.videos());
        long sum = 0;
        int gaining = 0;
        int unknown = 0;
        for (Map.Entry<String, Long> e : later.entrySet()) {
            Long was = earlier.get(e.getKey());
            if (was == null) {
                Instant posted = postedAt.get(e.getKey());
                if (posted == null || posted.isBefore(start)) {
                    unknown++;
                    continue;
                }
                was = 0L;
            }
            long gain = e.getValue() - was;
            sum += gain;
            gaining += gain > 0 ? 1 : 0;
        }
        return new Gained(sum, gaining, "snapshots", start, end, unknown);
    }

    private static Gained fromDaily(Table daily, Period p) {
        DateColumn days = daily.dateColumn(Canonical.DATE);
        LongColumn saves = daily.longColumn(Canonical.SAVES);
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        Map<String, Long> perVideo = new HashMap<>();
        TreeSet<LocalDate> covered = new TreeSet<>();
        for (int i = 0; i < daily.rowCount(); i++) {
            LocalDate d = days.get(i);
            if (d == null || d.isBefore(p.from()) || d.isAfter(p.to()) || saves.isMissing(i)) {
                continue;
            }
            covered.add(d);
            perVideo.merge(ids.get(i), saves.getLong(i), Long::sum);
        }
        if (covered.isEmpty()) {
            return null;
        }
        // A series that has only some of the period's days names them in its source, so that a sum of 1 day is
        // never compared with a sum of 28 as if both were the whole period.
        String source = covered.size() == p.days() ? "daily series"
                : "daily series, " + covered.size() + " of " + p.days() + " days";
        long sum = perVideo.values().stream().mapToLong(Long::longValue).sum();
        int gaining = (int) perVideo.values().stream().filter(s -> s > 0).count();
        return new Gained(sum, gaining, source, p.start(), p.end(), 0);
    }

    private static Map<String, Long> savesAt(Table snaps, Instant at) {
        Map<String, Long> out = new TreeMap<>();
        StringColumn ids = snaps.stringColumn(Canonical.VIDEO_ID);
        InstantColumn taken = snaps.instantColumn(Canonical.TAKEN_AT);
        LongColumn saves = snaps.longColumn(Canonical.SAVES);
        for (int i = 0; i < snaps.rowCount(); i++) {
            if (!taken.isMissing(i) && taken.get(i).equals(at) && !saves.isMissing(i)) {
                out.put(ids.get(i), saves.getLong(i));
            }
        }
        return out;
    }

    private static Map<String, Long> latestSaves(Table videos) {
        Map<String, Long> out = new TreeMap<>();
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        LongColumn saves = videos.longColumn(Canonical.SAVES);
        for (int i = 0; i < videos.rowCount(); i++) {
            if (!saves.isMissing(i)) {
                out.put(ids.get(i), saves.getLong(i));
            }
        }
        return out;
    }

    private static Map<String, Instant> postingTimes(Table videos) {
        Map<String, Instant> out = new HashMap<>();
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        for (int i = 0; i < videos.rowCount(); i++) {
            if (!posted.isMissing(i)) {
                out.put(ids.get(i), posted.get(i));
            }
        }
        return out;
    }
}
