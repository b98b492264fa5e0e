package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.Analytics;
import savescope.metrics.DataAlerts;
import savescope.metrics.Intervals;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.SavesAgainstViews;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** How each video performs: quadrants of views × save rate, top and bottom videos, outliers, data alerts. */
public final class PerformanceSection implements Section<PerformanceSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    /** Videos in each top, bottom and outlier list. */
    static final int LIST_SIZE = 10;

    /**
     * Each video's place; the first three components are the JSON's {@code quadrants}, {@code rankings} and
     * {@code data_alerts}.
     *
     * @param quadrants the split at the median views and median save rate
     * @param rankings the highest and lowest save rates and the outliers
     * @param dataAlerts checks on the data itself
     * @param scatter saves against views, sampled for the chart
     */
    public record Figures(QuadrantSplit quadrants, RankingLists rankings, List<DataAlerts.Alert> dataAlerts,
            @JsonIgnore SavesAgainstViews scatter) {}

    /**
     * @param medianViews the median views of the videos with a save rate, or null when there is none
     * @param medianSaveRate their median save rate, or null
     * @param groups the four quadrants, or none when no video has a save rate
     */
    public record QuadrantSplit(Double medianViews, Double medianSaveRate, List<QuadrantGroup> groups) {
        public static QuadrantSplit of(Quadrants.Summary q) {
            return new QuadrantSplit(finite(q.medianViews()), finite(q.medianRate()),
                    q.quadrants().stream().map(QuadrantGroup::of).toList());
        }
    }

    /**
     * One quadrant.
     *
     * @param quadrant its key ({@link Quadrants#KEYS})
     * @param label a short name
     * @param meaning what being here means
     * @param videos videos in it
     * @param views their views
     * @param saves their saves
     * @param saveRate saves / views, or null with no views
     */
    public record QuadrantGroup(String quadrant, String label, String meaning, int videos, long views, long saves,
            Double saveRate) {
        static QuadrantGroup of(Quadrants.Quadrant q) {
            return new QuadrantGroup(q.key(), q.label(), q.meaning(), q.videos(), q.views(), q.saves(),
                    finite(q.saveRate()));
        }
    }

    /**
     * @param minViews the views a video needs to be ranked
     * @param eligibleVideos videos with that many views and a saves count
     * @param top the highest save rates, best first
     * @param bottom the lowest, worst first
     * @param outliers the videos far outside the rest
     */
    public record RankingLists(long minViews, int eligibleVideos, List<RankedVideo> top, List<RankedVideo> bottom,
            Outliers outliers) {
        public static RankingLists of(Rankings r) {
            return new RankingLists(r.minViews(), r.eligible(), RankedVideo.of(r.top()), RankedVideo.of(r.bottom()),
                    new Outliers(OUTLIER_RULE, finite(r.lowFence()), finite(r.highFence()), r.outlierCount(),
                            RankedVideo.of(r.outliers())));
        }
    }

    static final String OUTLIER_RULE = "save rate below Q1 - 3 IQR or above Q3 + 3 IQR, videos with at least "
            + "min_views views";

    /**
     * @param rule how outliers are found
     * @param lowFence the lower fence on the save rate, or null with fewer than four eligible videos
     * @param highFence the upper fence, or null
     * @param count how many videos are outside the fences
     * @param videos the most extreme of them, at most {@link #LIST_SIZE}
     */
    public record Outliers(String rule, Double lowFence, Double highFence, int count, List<RankedVideo> videos) {}

    /** One ranked video. */
    public record RankedVideo(String videoId, String title, long views, long saves, Double saveRate) {
        static List<RankedVideo> of(List<Rankings.Entry> entries) {
            return entries.stream().map(e -> new RankedVideo(e.videoId(), e.title(), e.views(), e.saves(),
                    finite(e.saveRate()))).toList();
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        return new Figures(QuadrantSplit.of(data.quadrants()), RankingLists.of(data.rankings(options.minViews(),
                LIST_SIZE)), data.dataAlerts(), data.savesAgainstViews(AnalyticsCharts.MAX_POINTS,
                Intervals.DEFAULT_SEED));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        ctx.markdown("## Video performance\n\nEach video placed by its views and its save rate against your own "
                + "medians. **Many views, few saves** is attention without lasting value: people watched but did "
                + "not keep it. **Few views, many saves** is niche value that needs discoverability: the people who "
                + "find it keep it, so it may deserve a better hook, a repost or a playlist.");
        presentQuadrants(f, ctx);
        presentRankings(f.rankings(), ctx);
        presentAlerts(f.dataAlerts(), ctx);
        findings(ctx, f.quadrants(), f.dataAlerts());
    }

    private static void presentQuadrants(Figures f, ReportContext ctx) {
        QuadrantSplit q = f.quadrants();
        if (q.groups().isEmpty()) {
            ctx.code("var quadrants = PerformanceSection.QuadrantSplit.of(data.quadrants());", Map.of("quadrants", q));
            return;
        }
        Output.Chart chart = AnalyticsCharts.savesVsViews(f.scatter(), q.medianViews(), q.medianSaveRate());
        List<List<Cell>> rows = new ArrayList<>();
        for (QuadrantGroup g : q.groups()) {
            rows.add(List.of(Cell.plain(g.label()), Cell.plain(g.meaning()), VideosSection.count((long) g.videos()),
                    VideosSection.count(g.views()), VideosSection.count(g.saves()), new Cell(
                            Formats.percent(g.saveRate()), // an empty quadrant's hover has always read "NaN%"
                            Formats.percentExact(g.saveRate() == null ? Double.NaN : g.saveRate()), g.saveRate(), "")));
        }
        Output.Table table = new Output.Table(new TableView(List.of(new Column("Quadrant", false),
                new Column("Meaning", false), new Column("Videos", true), new Column("Views", true),
                new Column("Saves", true), new Column("Save rate", true)), rows, rows.size(), "Split at the median "
                + "views (" + Formats.exact(q.medianViews().longValue()) + ") and the median save rate ("
                + Formats.percent(q.medianSaveRate()) + "); a video on a median counts as high."));
        ctx.code("""
                var quadrants = PerformanceSection.QuadrantSplit.of(data.quadrants());
                var scatter = data.savesAgainstViews(AnalyticsCharts.MAX_POINTS, Intervals.DEFAULT_SEED);
                AnalyticsCharts.savesVsViews(scatter, quadrants.medianViews(), quadrants.medianSaveRate())""",
                Map.of("quadrants", q, "scatter", f.scatter(), "$", chart), chart, table);
    }

    private static void presentRankings(RankingLists r, ReportContext ctx) {
        ctx.markdown("### Most and least saved, per view\n\nRanked by save rate among videos with at least "
                + Formats.exact(r.minViews()) + " views (" + Formats.exact((long) r.eligibleVideos())
                + " videos; change the threshold with `--min-views`): below that a handful of saves swings the rate.");
        ctx.code("var rankings = PerformanceSection.RankingLists.of(data.rankings(options.minViews(), " + LIST_SIZE
                + "));", Map.of("rankings", r), new Output.Table(entries("Highest save rate", r.top(), "")),
                new Output.Table(entries("Lowest save rate", r.bottom(), "")));
        if (r.eligibleVideos() < 4) {
            return;
        }
        Outliers o = r.outliers();
        ctx.markdown("### Outliers\n\nVideos whose save rate lies far outside the rest (beyond Tukey's far-out "
                + "fences, three interquartile ranges past the quartiles: "
                + (o.lowFence() > 0 ? "below " + Formats.percent(o.lowFence()) + " or " : "")
                + "above " + Formats.percent(o.highFence()) + "). Worth a look: a format that worked, "
                + "or a count that is wrong." + (o.count() == 0 ? " None of your videos is that far out." : ""));
        ctx.code("rankings.outliers()", Map.of("$", o), new Output.Table(entries("Outlier", o.videos(),
                o.count() > o.videos().size() ? "The " + o.videos().size() + " most extreme of " + o.count() + "."
                        : "")));
    }

    private static void presentAlerts(List<DataAlerts.Alert> alerts, ReportContext ctx) {
        ctx.markdown("### Data alerts\n\nChecks on the data itself, as profiling tools make them. Alerts change "
                + "how far the numbers above can be trusted.");
        List<List<Cell>> alertRows = new ArrayList<>();
        for (DataAlerts.Alert a : alerts) {
            alertRows.add(List.of(Cell.plain(a.severity()), Cell.plain(a.code()), Cell.plain(a.message())));
        }
        ctx.code("var alerts = data.dataAlerts();", Map.of("alerts", alerts), alerts.isEmpty()
                ? new Output.Markdown("No alerts: no zero-view videos, duplicate ids, impossible counts, heavy skew "
                        + "or missing metrics.")
                : new Output.Table(new TableView(List.of(new Column("Severity", false), new Column("Alert", false),
                        new Column("What it means", false)), alertRows, alertRows.size(), "")));
    }

    private void findings(ReportContext ctx, QuadrantSplit q, List<DataAlerts.Alert> alerts) {
        if (q.groups().size() == 4) {
            QuadrantGroup niche = q.groups().get(2);
            QuadrantGroup attention = q.groups().get(1);
            int placed = q.groups().stream().mapToInt(QuadrantGroup::videos).sum();
            if (placed >= 8 && niche.videos() > 0) {
                ctx.finding(0.7, niche.videos() + " of " + placed + " videos have niche value: fewer views than "
                                + "your median but a save rate above it (" + Formats.percent(niche.saveRate()) + ").",
                        "People who find these keep them; they may need a stronger hook or a repost to be found. "
                                + attention.videos() + " videos show the opposite, many views but few saves ("
                                + Formats.percent(attention.saveRate()) + "). A split at medians always puts videos in "
                                + "every quadrant; what matters is which videos land where.", "info");
            }
        }
        for (DataAlerts.Alert a : alerts) {
            if (a.severity().equals("warning") && !a.code().equals("missing_metric")) {
                ctx.finding(0.3, "Data alert: " + a.code().replace('_', ' ') + ".", a.message(), "info");
            }
        }
    }

    private static TableView entries(String label, List<RankedVideo> list, String note) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RankedVideo e : list) {
            String t = e.title() == null || e.title().isBlank() ? "(untitled)" : e.title();
            rows.add(List.of(new Cell(shorten(t, 80), t, null, ""), VideosSection.count(e.views()),
                    VideosSection.count(e.saves()), new Cell(Formats.percent(e.saveRate()),
                            Formats.percentExact(e.saveRate()), e.saveRate(), "")));
        }
        return new TableView(List.of(new Column(label, false), new Column("Views", true), new Column("Saves", true),
                new Column("Save rate", true)), rows, rows.size(), note);
    }

    /** Cuts at a code point boundary, so an emoji in a title is never split into half a surrogate pair. */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** A number for the figures: null where it is undefined (JSON has no NaN). */
    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
