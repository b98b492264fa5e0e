package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Accumulation;
import savescope.model.Canonical;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/** How saves build up after posting: evergreen videos, videos still gaining saves, the half-life of new saves. */
public final class EvergreenSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int HORIZON = 28;
    /** Videos older than this at a snapshot count as "old" when splitting the saves gained since. */
    static final int OLD_DAYS = 28;

    @Override
    public void build(ReportContext ctx) {
        ctx.markdown("## Saves that keep coming\n\nSome videos are saved on the day they are posted and then "
                + "forgotten; others keep being found and saved for weeks. Day 1 is the posting day (UTC). A video's "
                + "**evergreen score** is the share of its observed saves that came after its first 7 days (it needs "
                + "at least " + Accumulation.MIN_DAYS + " observed days); a video is **evergreen** from a score of "
                + Formats.percent(Accumulation.EVERGREEN_SCORE) + " (a video whose saves fade within a week puts only "
                + "a few percent after day 7). It is **still gaining** when it got at least "
                + Accumulation.STILL_GAINING_MIN_SAVES + " saves in its last 7 observed days, at a pace of at least "
                + Formats.percent(Accumulation.STILL_GAINING_SHARE) + " of its first week's. The **half-life** "
                + "of new saves is the number of days until half of the observed saves had come (posting day = day "
                + "1).");
        Map<String, Object> j = new LinkedHashMap<>();
        boolean hasDaily = ctx.data().daily().rowCount() > 0;
        boolean hasSnapshots = ctx.data().snapshots().rowCount() > 0;
        if (!hasDaily && !hasSnapshots) {
            ctx.markdown("*This needs a daily series (a `video_id,date,…,saves` file of daily increments) or "
                    + "snapshots (the per-video export taken at several times). None was loaded.*");
            j.put("status", "needs a daily series or snapshots");
            ctx.json("accumulation", j);
            return;
        }
        if (hasDaily) {
            daily(ctx, j);
        }
        if (hasSnapshots) {
            snapshots(ctx, j);
        }
        ctx.json("accumulation", j);
    }

    private void daily(ReportContext ctx, Map<String, Object> j) {
        List<Accumulation.VideoCurve> curves = Accumulation.curves(ctx.dailyIndex());
        if (curves.isEmpty()) {
            ctx.markdown("*The daily series names no video that is in the per-video data with a posting time, so "
                    + "days since posting cannot be counted.*");
            j.put("status", "daily series matches no video with a posting time");
            return;
        }
        Accumulation.Summary s = Accumulation.summarize(curves, HORIZON);
        ctx.code("""
                var curves = Accumulation.curves(videos, daily);   // per video, day 0 = posting day
                var summary = Accumulation.summarize(curves, 28);""",
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos with a daily series", Integer.toString(s.videos()), "", ""),
                        new Output.Kpi("Median evergreen score", Formats.percent(orNull(s.medianEvergreen())),
                                Formats.percentExact(orNull(s.medianEvergreen())),
                                "of saves after day 7, " + s.scored() + " videos"),
                        new Output.Kpi("Evergreen videos", Integer.toString(s.evergreenVideos()), "",
                                "of " + s.scored() + " scored"),
                        new Output.Kpi("Still gaining", Integer.toString(s.stillGaining()), "", "videos"),
                        new Output.Kpi("Half-life of new saves", Formats.decimal(orNull(s.medianHalfLife()), 1)
                                + " days", "", "median over videos"))));
        if (s.curve().length > 0) {
            ctx.code("TimeCharts.accumulation(summary.curve(), summary.evergreenCurve(), summary.otherCurve(), "
                    + "summary.curveVideos())", TimeCharts.accumulation(s.curve(), s.evergreenCurve(), s.otherCurve(),
                    s.curveVideos()));
        }
        List<Accumulation.VideoCurve> top = top(curves, 10);
        Map<String, String> titles = titles(ctx.videos(), top);
        List<List<Cell>> rows = new ArrayList<>();
        for (Accumulation.VideoCurve c : top) {
            rows.add(List.of(Cell.plain(VideosSection.shorten(titles.getOrDefault(c.id(), c.id()), 70)),
                    VideosSection.count(c.saves()), rate(c.evergreenScore()),
                    new Cell(Integer.toString(c.halfLifeDays()), "", (double) c.halfLifeDays(), ""),
                    new Cell(Formats.decimal(c.lastWeekPerDay(), 1), "", c.lastWeekPerDay(), ""),
                    Cell.plain(c.stillGaining() ? "yes" : "")));
        }
        ctx.code("curves sorted by evergreen score, top 10", new Output.Table(new TableView(List.of(
                new Column("Video", false), new Column("Saves observed", true), new Column("Evergreen score", true),
                new Column("Half-life (days)", true), new Column("Saves/day, last 7 days", true),
                new Column("Still gaining", false)), rows, top.size(), "")));
        if (s.scored() > 0) {
            ctx.finding(1.2, s.evergreenVideos() + " of " + s.scored() + " videos are evergreen: at least "
                    + Formats.percent(Accumulation.EVERGREEN_SCORE) + " of their saves came after their first week.", "Half of a typical video's saves arrive within "
                    + Formats.decimal(orNull(s.medianHalfLife()), 1) + " days; the median video earns "
                    + Formats.percent(orNull(s.medianEvergreen())) + " of its saves after day 7. " + s.stillGaining()
                    + " videos are still gaining saves at the end of their daily series.", "info");
        }
        j.put("horizon_days", s.horizon());
        j.put("videos", s.videos());
        j.put("scored_videos", s.scored());
        j.put("median_evergreen_score", orNull(s.medianEvergreen()));
        j.put("evergreen_videos", s.evergreenVideos());
        j.put("still_gaining", s.stillGaining());
        j.put("median_half_life_days", orNull(s.medianHalfLife()));
        j.put("curve_videos", s.curveVideos());
        j.put("cumulative_share_by_day", s.curve());
        List<Map<String, Object>> per = new ArrayList<>();
        for (Accumulation.VideoCurve c : curves) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("video_id", c.id());
            m.put("observed_days", c.observedDays());
            m.put("saves", c.saves());
            m.put("late_saves", c.lateSaves());
            m.put("evergreen_score", orNull(c.evergreenScore()));
            m.put("half_life_days", c.halfLifeDays());
            m.put("still_gaining", c.stillGaining());
            per.add(m);
        }
        j.put("per_video", per);
    }

    private void snapshots(ReportContext ctx, Map<String, Object> j) {
        Instant export = exportTime(ctx);
        List<Accumulation.SnapshotGain> gains = Accumulation.snapshotGains(ctx.videos(), ctx.data().snapshots(),
                export, OLD_DAYS);
        if (gains.isEmpty()) {
            ctx.markdown("*One snapshot alone shows no change; saves gained need at least two looks at the totals.*");
            return;
        }
        ctx.markdown("### Saves gained between snapshots\n\nEach row compares two looks at the per-video totals. "
                + "Saves that went to videos already older than " + OLD_DAYS + " days show how much of your channel's "
                + "saving comes from the back catalogue.");
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> js = new ArrayList<>();
        for (Accumulation.SnapshotGain g : gains) {
            rows.add(List.of(Cell.plain(day(g.from()) + " → "
                    + (g.to().equals(export) ? "latest export" : day(g.to()))), VideosSection.count((long) g.videos()),
                    VideosSection.count(g.gained()), VideosSection.count(g.gainedByOld()), rate(g.oldShare()),
                    Cell.plain(g.oldGaining() + " of " + g.oldVideos())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", g.from().toString());
            m.put("to", g.to().equals(export) ? "latest export" : g.to().toString());
            m.put("videos", g.videos());
            m.put("saves_gained", g.gained());
            m.put("saves_gained_by_old_videos", g.gainedByOld());
            m.put("old_share", orNull(g.oldShare()));
            m.put("old_videos", g.oldVideos());
            m.put("old_videos_gaining", g.oldGaining());
            js.add(m);
        }
        ctx.code("Accumulation.snapshotGains(videos, snapshots, exportTime, 28)", new Output.Table(new TableView(
                List.of(new Column("Between", false), new Column("Videos", true), new Column("Saves gained", true),
                        new Column("By videos over 28 days old", true), new Column("Share", true),
                        new Column("Old videos gaining", false)), rows, rows.size(),
                "The last row ends at the latest export when its time is known.")));
        j.put("snapshots", js);
    }

    /**
     * The {@code n} curves with the highest evergreen score (ties by id), as a full sort would list them first;
     * kept in one pass because a daily series can cover a hundred thousand videos.
     */
    static List<Accumulation.VideoCurve> top(List<Accumulation.VideoCurve> curves, int n) {
        Comparator<Accumulation.VideoCurve> order = Comparator.comparingDouble(Accumulation.VideoCurve::evergreenScore)
                .reversed().thenComparing(Accumulation.VideoCurve::id);
        List<Accumulation.VideoCurve> best = new ArrayList<>(n + 1);
        for (Accumulation.VideoCurve c : curves) {
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

    /** The titles of the listed videos only, as {@link TrendsSection#titles} gives them. */
    static Map<String, String> titles(Table videos, List<Accumulation.VideoCurve> listed) {
        Map<String, String> wanted = new HashMap<>();
        for (Accumulation.VideoCurve c : listed) {
            wanted.put(c.id(), null);
        }
        Map<String, String> titles = new HashMap<>();
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var t = videos.stringColumn(Canonical.TITLE);
        for (int i = 0; i < videos.rowCount() && titles.size() < wanted.size(); i++) {
            String id = ids.get(i);
            if (wanted.containsKey(id) && !titles.containsKey(id)) {
                titles.put(id, t.get(i).isBlank() ? "(untitled)" : t.get(i));
            }
        }
        return titles;
    }

    /** The latest snapshot-like time we know for the current totals: the newest snapshot or daily date, else none. */
    static Instant exportTime(ReportContext ctx) {
        var daily = ctx.data().daily();
        if (daily.rowCount() == 0) {
            return null;
        }
        var max = daily.dateColumn(Canonical.DATE).max();
        return max == null ? null : max.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
