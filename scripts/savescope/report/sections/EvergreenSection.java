package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Accumulation;
import savescope.metrics.Analytics;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** How saves build up after posting: evergreen videos, videos still gaining saves, the half-life of new saves. */
public final class EvergreenSection implements Section<EvergreenSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int HORIZON = 28;
    /** Videos older than this at a snapshot count as "old" when splitting the saves gained since. */
    static final int OLD_DAYS = 28;
    /** How many of the most evergreen videos the table lists. */
    static final int LISTED = 10;

    /** @param accumulation the JSON's {@code accumulation} entry */
    public record Figures(Buildup accumulation) {}

    /**
     * How saves build up: from the daily series, from snapshots, or a status saying what is missing.
     *
     * @param status why the daily part is missing (no daily series or snapshots; a series that matches no video), or
     *     null
     * @param daily the numbers from the daily series (their keys at this level), or null
     * @param snapshots saves gained between snapshots, or null with fewer than two looks at the totals
     * @param dailyLoaded whether a daily series was loaded
     * @param snapshotsLoaded whether snapshots were loaded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buildup(String status, @JsonUnwrapped Daily daily, List<Gain> snapshots,
            @JsonIgnore boolean dailyLoaded, @JsonIgnore boolean snapshotsLoaded) {}

    /**
     * The accumulation numbers of the videos with a daily series ({@link Accumulation.Summary}).
     *
     * @param horizonDays days in the pooled curve
     * @param videos videos with a daily series and a posting time
     * @param scoredVideos videos with an evergreen score
     * @param medianEvergreenScore their median score
     * @param evergreenVideos scored videos that are evergreen
     * @param stillGaining videos still gaining saves
     * @param medianHalfLifeDays median half-life of new saves, in days
     * @param curveVideos videos observed for the whole horizon
     * @param cumulativeShareByDay the pooled cumulative share of their saves by day since posting
     * @param perVideo every video's numbers
     * @param summary the summary these come from (with the evergreen and other videos' curves)
     * @param mostEvergreen the {@link #LISTED} most evergreen videos, titled
     */
    public record Daily(int horizonDays, int videos, int scoredVideos, double medianEvergreenScore,
            int evergreenVideos, int stillGaining, double medianHalfLifeDays, int curveVideos,
            double[] cumulativeShareByDay, List<PerVideo> perVideo, @JsonIgnore Accumulation.Summary summary,
            @JsonIgnore List<Accumulation.Titled> mostEvergreen) {

        static Daily of(Accumulation.Summary s, List<Accumulation.VideoSummary> videos,
                List<Accumulation.Titled> mostEvergreen) {
            return new Daily(s.horizon(), s.videos(), s.scored(), s.medianEvergreen(), s.evergreenVideos(),
                    s.stillGaining(), s.medianHalfLife(), s.curveVideos(), s.curve(),
                    videos.stream().map(PerVideo::of).toList(), s, mostEvergreen);
        }
    }

    /** One video's accumulation numbers as the JSON lists them ({@link Accumulation.VideoSummary}). */
    public record PerVideo(String videoId, int observedDays, long saves, long lateSaves, double evergreenScore,
            int halfLifeDays, boolean stillGaining) {
        static PerVideo of(Accumulation.VideoSummary v) {
            return new PerVideo(v.id(), v.observedDays(), v.saves(), v.lateSaves(), v.evergreenScore(),
                    v.halfLifeDays(), v.stillGaining());
        }
    }

    /**
     * Saves gained between two looks at the per-video totals ({@link Accumulation.SnapshotGain}).
     *
     * @param from the earlier look, an ISO instant
     * @param to the later look, or "latest export" when it is the current totals
     * @param videos videos in both looks
     * @param savesGained saves they gained
     * @param savesGainedByOldVideos of which by videos older than {@link #OLD_DAYS} days at the earlier look
     * @param oldShare that share of the gained saves (NaN, written null, when none were gained)
     * @param oldVideos how many videos were that old
     * @param oldVideosGaining how many of those gained a save
     */
    public record Gain(String from, String to, int videos, long savesGained, long savesGainedByOldVideos,
            double oldShare, int oldVideos, int oldVideosGaining) {

        /** The gains as listed, the one ending at {@code exportTime} (may be null) named "latest export". */
        public static List<Gain> all(List<Accumulation.SnapshotGain> gains, Instant exportTime) {
            return gains.stream().map(g -> new Gain(g.from().toString(), g.to().equals(exportTime) ? LATEST
                    : g.to().toString(), g.videos(), g.gained(), g.gainedByOld(), g.oldShare(), g.oldVideos(),
                    g.oldGaining())).toList();
        }
    }

    static final String LATEST = "latest export";

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        boolean daily = data.hasDailySeries();
        boolean snapshots = data.hasSnapshots();
        String status = daily || snapshots ? null : "needs a daily series or snapshots";
        Daily d = null;
        if (daily) {
            Accumulation.Summary s = data.accumulation(HORIZON);
            if (s.videos() == 0) {
                status = "daily series matches no video with a posting time";
            } else {
                d = Daily.of(s, data.accumulationByVideo(), data.mostEvergreen(LISTED));
            }
        }
        List<Gain> gains = snapshots ? Gain.all(data.snapshotGains(OLD_DAYS), data.latestExportTime()) : List.of();
        return new Figures(new Buildup(status, d, gains.isEmpty() ? null : gains, daily, snapshots));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
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
        Buildup b = f.accumulation();
        if (!b.dailyLoaded() && !b.snapshotsLoaded()) {
            ctx.markdown("*This needs a daily series (a `video_id,date,…,saves` file of daily increments) or "
                    + "snapshots (the per-video export taken at several times). None was loaded.*");
            return;
        }
        if (b.daily() != null) {
            presentDaily(b.daily(), ctx);
        } else if (b.dailyLoaded()) {
            ctx.markdown("*The daily series names no video that is in the per-video data with a posting time, so "
                    + "days since posting cannot be counted.*");
        }
        if (b.snapshotsLoaded()) {
            presentSnapshots(b.snapshots(), ctx);
        }
    }

    private static void presentDaily(Daily d, ReportContext ctx) {
        Accumulation.Summary s = d.summary();
        ctx.code("var summary = data.accumulation(28);   // per video, day 0 = posting day; pooled over 28 days",
                Map.of("summary", s), new Output.Kpis(List.of(
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
            Output.Chart chart = TimeCharts.accumulation(s.curve(), s.evergreenCurve(), s.otherCurve(), s.curveVideos());
            ctx.code("TimeCharts.accumulation(summary.curve(), summary.evergreenCurve(), summary.otherCurve(), "
                    + "summary.curveVideos())", Map.of("$", chart), chart);
        }
        presentMostEvergreen(d.mostEvergreen(), ctx);
        if (s.scored() > 0) {
            ctx.finding(1.2, s.evergreenVideos() + " of " + s.scored() + " videos are evergreen: at least "
                    + Formats.percent(Accumulation.EVERGREEN_SCORE) + " of their saves came after their first week.", "Half of a typical video's saves arrive within "
                    + Formats.decimal(orNull(s.medianHalfLife()), 1) + " days; the median video earns "
                    + Formats.percent(orNull(s.medianEvergreen())) + " of its saves after day 7. " + s.stillGaining()
                    + " videos are still gaining saves at the end of their daily series.", "info");
        }
    }

    private static void presentMostEvergreen(List<Accumulation.Titled> top, ReportContext ctx) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Accumulation.Titled t : top) {
            Accumulation.VideoSummary c = t.video();
            rows.add(List.of(Cell.plain(VideosSection.shorten(t.title(), 70)),
                    VideosSection.count(c.saves()), rate(c.evergreenScore()),
                    new Cell(Integer.toString(c.halfLifeDays()), "", (double) c.halfLifeDays(), ""),
                    new Cell(Formats.decimal(c.lastWeekPerDay(), 1), "", c.lastWeekPerDay(), ""),
                    Cell.plain(c.stillGaining() ? "yes" : "")));
        }
        ctx.code("var top = data.mostEvergreen(10);   // highest evergreen score first, ties by id", Map.of("top", top),
                new Output.Table(new TableView(List.of(new Column("Video", false), new Column("Saves observed", true),
                        new Column("Evergreen score", true), new Column("Half-life (days)", true),
                        new Column("Saves/day, last 7 days", true), new Column("Still gaining", false)), rows,
                        top.size(), "")));
    }

    /** The gains table; {@code gains} is null with fewer than two looks at the totals. */
    private static void presentSnapshots(List<Gain> gains, ReportContext ctx) {
        if (gains == null) {
            ctx.markdown("*One snapshot alone shows no change; saves gained need at least two looks at the totals.*");
            return;
        }
        ctx.markdown("### Saves gained between snapshots\n\nEach row compares two looks at the per-video totals. "
                + "Saves that went to videos already older than " + OLD_DAYS + " days show how much of your channel's "
                + "saving comes from the back catalogue.");
        List<List<Cell>> rows = new ArrayList<>();
        for (Gain g : gains) {
            rows.add(List.of(Cell.plain(g.from().substring(0, 10) + " → "
                    + (g.to().equals(LATEST) ? LATEST : g.to().substring(0, 10))), VideosSection.count((long) g.videos()),
                    VideosSection.count(g.savesGained()), VideosSection.count(g.savesGainedByOldVideos()),
                    rate(g.oldShare()), Cell.plain(g.oldVideosGaining() + " of " + g.oldVideos())));
        }
        ctx.code("var gains = EvergreenSection.Gain.all(data.snapshotGains(28), data.latestExportTime());",
                Map.of("gains", gains), new Output.Table(new TableView(List.of(new Column("Between", false),
                        new Column("Videos", true), new Column("Saves gained", true),
                        new Column("By videos over 28 days old", true), new Column("Share", true),
                        new Column("Old videos gaining", false)), rows, rows.size(),
                        "The last row ends at the latest export when its time is known.")));
    }

    static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
