package savescope.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.DataAlerts;
import savescope.metrics.Intervals;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.VideoValues;
import savescope.model.Canonical;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/** How each video performs: quadrants of views × save rate, top and bottom videos, outliers, data alerts. */
public final class PerformanceSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }

    /** Videos in each top, bottom and outlier list. */
    static final int LIST_SIZE = 10;

    @Override
    public void build(ReportContext ctx) {
        Table videos = ctx.videos();
        Quadrants q = Quadrants.of(videos);
        Rankings rankings = Rankings.of(videos, ctx.options().minViews(), LIST_SIZE);
        List<DataAlerts.Alert> alerts = DataAlerts.of(videos);

        ctx.markdown("## Video performance\n\nEach video placed by its views and its save rate against your own "
                + "medians. **Many views, few saves** is attention without lasting value: people watched but did "
                + "not keep it. **Few views, many saves** is niche value that needs discoverability: the people who "
                + "find it keep it, so it may deserve a better hook, a repost or a playlist.");
        List<Output> outputs = new ArrayList<>();
        if (!q.quadrants().isEmpty()) {
            outputs.add(AnalyticsCharts.savesVsViews(VideoValues.of(videos, Canonical.VIEWS),
                    VideoValues.of(videos, Canonical.SAVES), q.medianViews(), q.medianRate(), Intervals.DEFAULT_SEED));
            List<List<Cell>> rows = new ArrayList<>();
            for (Quadrants.Quadrant quadrant : q.quadrants()) {
                rows.add(List.of(Cell.plain(quadrant.label()), Cell.plain(quadrant.meaning()),
                        VideosSection.count((long) quadrant.videos()), VideosSection.count(quadrant.views()),
                        VideosSection.count(quadrant.saves()), new Cell(Formats.percent(quadrant.saveRate()),
                                Formats.percentExact(quadrant.saveRate()), num(quadrant.saveRate()), "")));
            }
            outputs.add(new Output.Table(new TableView(List.of(new Column("Quadrant", false), new Column("Meaning", false),
                    new Column("Videos", true), new Column("Views", true), new Column("Saves", true),
                    new Column("Save rate", true)), rows, rows.size(), "Split at the median views ("
                    + Formats.exact((long) q.medianViews()) + ") and the median save rate ("
                    + Formats.percent(q.medianRate()) + "); a video on a median counts as high.")));
        }
        ctx.code("Quadrants.of(videos)", outputs.toArray(Output[]::new));

        ctx.markdown("### Most and least saved, per view\n\nRanked by save rate among videos with at least "
                + Formats.exact(rankings.minViews()) + " views (" + Formats.exact((long) rankings.eligible())
                + " videos; change the threshold with `--min-views`): below that a handful of saves swings the rate.");
        ctx.code("Rankings.of(videos, minViews, " + LIST_SIZE + ")",
                new Output.Table(entries("Highest save rate", rankings.top(), "")),
                new Output.Table(entries("Lowest save rate", rankings.bottom(), "")));
        if (rankings.eligible() >= 4) {
            ctx.markdown("### Outliers\n\nVideos whose save rate lies far outside the rest (beyond Tukey's far-out "
                    + "fences, three interquartile ranges past the quartiles: "
                    + (rankings.lowFence() > 0 ? "below " + Formats.percent(rankings.lowFence()) + " or " : "")
                    + "above " + Formats.percent(rankings.highFence()) + "). Worth a look: a format that worked, "
                    + "or a count that is wrong."
                    + (rankings.outlierCount() == 0 ? " None of your videos is that far out." : ""));
            ctx.code("rankings.outliers()", new Output.Table(entries("Outlier", rankings.outliers(),
                    rankings.outlierCount() > rankings.outliers().size() ? "The " + rankings.outliers().size()
                            + " most extreme of " + rankings.outlierCount() + "." : "")));
        }

        ctx.markdown("### Data alerts\n\nChecks on the data itself, as profiling tools make them. Alerts change "
                + "how far the numbers above can be trusted.");
        List<List<Cell>> alertRows = new ArrayList<>();
        for (DataAlerts.Alert a : alerts) {
            alertRows.add(List.of(Cell.plain(a.severity()), Cell.plain(a.code()), Cell.plain(a.message())));
        }
        ctx.code("DataAlerts.of(videos)", alerts.isEmpty() ? new Output.Markdown("No alerts: no zero-view videos, "
                + "duplicate ids, impossible counts, heavy skew or missing metrics.")
                : new Output.Table(new TableView(List.of(new Column("Severity", false), new Column("Alert", false),
                        new Column("What it means", false)), alertRows, alertRows.size(), "")));

        findings(ctx, q, rankings, alerts);
        json(ctx, q, rankings, alerts);
    }

    private void findings(ReportContext ctx, Quadrants q, Rankings rankings, List<DataAlerts.Alert> alerts) {
        if (q.quadrants().size() == 4) {
            Quadrants.Quadrant niche = q.quadrants().get(2);
            Quadrants.Quadrant attention = q.quadrants().get(1);
            int placed = q.quadrants().stream().mapToInt(Quadrants.Quadrant::videos).sum();
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

    private void json(ReportContext ctx, Quadrants q, Rankings rankings, List<DataAlerts.Alert> alerts) {
        Map<String, Object> quad = new LinkedHashMap<>();
        quad.put("median_views", AnalyticsJson.num(q.medianViews()));
        quad.put("median_save_rate", AnalyticsJson.num(q.medianRate()));
        quad.put("groups", q.quadrants().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quadrant", x.key());
            m.put("label", x.label());
            m.put("meaning", x.meaning());
            m.put("videos", x.videos());
            m.put("views", x.views());
            m.put("saves", x.saves());
            m.put("save_rate", AnalyticsJson.num(x.saveRate()));
            return m;
        }).toList());
        ctx.json("quadrants", quad);
        Map<String, Object> rank = new LinkedHashMap<>();
        rank.put("min_views", rankings.minViews());
        rank.put("eligible_videos", rankings.eligible());
        rank.put("top", rankings.top().stream().map(AnalyticsJson::video).toList());
        rank.put("bottom", rankings.bottom().stream().map(AnalyticsJson::video).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", "save rate below Q1 - 3 IQR or above Q3 + 3 IQR, videos with at least min_views views");
        out.put("low_fence", AnalyticsJson.num(rankings.lowFence()));
        out.put("high_fence", AnalyticsJson.num(rankings.highFence()));
        out.put("count", rankings.outlierCount());
        out.put("videos", rankings.outliers().stream().map(AnalyticsJson::video).toList());
        rank.put("outliers", out);
        ctx.json("rankings", rank);
        ctx.json("data_alerts", alerts.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("severity", a.severity());
            m.put("count", a.count());
            m.put("value", AnalyticsJson.num(a.value()));
            m.put("message", a.message());
            return m;
        }).toList());
    }

    private static TableView entries(String label, List<Rankings.Entry> list, String note) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Rankings.Entry e : list) {
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

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
