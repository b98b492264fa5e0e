package savescope.report.sections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Trends;
import savescope.model.Canonical;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/** Saves and save rate by posting week and month, and whether the save rate really trends. */
public final class TrendsSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int WEEK_WINDOW = 4;
    static final int MONTH_WINDOW = 3;

    @Override
    public void build(ReportContext ctx) {
        List<Trends.Period> weeks = Trends.weekly(ctx.ratedVideos(), WEEK_WINDOW);
        List<Trends.Period> months = Trends.monthly(ctx.ratedVideos(), MONTH_WINDOW);
        StringBuilder md = new StringBuilder("## Saves over time\n\nIs your save rate getting better? Videos are "
                + "grouped by the week they were posted; a week's save rate is its videos' saves over their views. "
                + "The rolling median smooths out weeks that hinge on one video.");
        if (weeks.size() < 3) {
            md.append("\n\n*This needs posting times and saves for videos in at least three different weeks; "
                    + "this data has ").append(weeks.size()).append(".*");
            ctx.markdown(md.toString());
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("status", "needs posting times in at least 3 weeks");
            ctx.json("trends", j);
            return;
        }
        ctx.markdown(md.toString());
        Trends.MannKendall mk = Trends.test(weeks);
        ctx.code("""
                var weeks = Trends.weekly(videos, 4);   // ratio of sums per posting week, 4-week rolling median
                TimeCharts.weeklyRate(weeks, 4)""", TimeCharts.weeklyRate(weeks, WEEK_WINDOW));
        ctx.code("TimeCharts.weeklySaves(weeks)", TimeCharts.weeklySaves(weeks));

        String verdict = trendWords(mk, weeks.size());
        ctx.markdown("### Is the trend real?\n\nThe **Mann–Kendall test** asks whether later weeks have higher (or "
                + "lower) save rates than earlier ones more often than chance would give; **Sen's slope** is the "
                + "typical change per week (the median of the slopes between every pair of weeks), in percentage points. " + verdict
                + "\n\nRecent videos are still collecting saves, but their views grow too, so the save *rate* is "
                + "fairer to them than the saves count.");
        ctx.code("Trends.test(weeks)   // Mann–Kendall with tie correction, Sen's slope",
                new Output.Kpis(List.of(
                        new Output.Kpi("Weeks", Integer.toString(mk.n()), "", "with posted videos"),
                        new Output.Kpi("Kendall S", Long.toString(mk.s()), "", "rising minus falling pairs"),
                        new Output.Kpi("Sen's slope", points(mk.senSlope()) , String.format(Locale.ROOT, "%.6f",
                                mk.senSlope()), "save rate change per week"),
                        new Output.Kpi("p-value", p(mk.p()), String.format(Locale.ROOT, "%.6f", mk.p()),
                                "two-sided, z = " + Formats.decimal(mk.z(), 2)))),
                new Output.Table(periodTable(months, "Month")));

        if (mk.p() < 0.05) {
            ctx.finding(1.5, "Your save rate is trending " + mk.direction() + ": about " + points(mk.senSlope())
                    + " per week (" + points(mk.senSlope() * 52 / 12) + " per month).",
                    "Mann–Kendall over " + mk.n() + " posting weeks, " + ContentStrategySection.pIs(mk.p()) + ". A steady trend, not one "
                            + "lucky week; it says nothing about why.", "moderate");
        } else {
            ctx.finding(0.6, "No clear trend in your save rate over " + mk.n() + " weeks.",
                    "Mann–Kendall " + ContentStrategySection.pIs(mk.p()) + "; week-to-week changes are within what chance gives.", "info");
        }

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("weekly", periodsJson(weeks));
        j.put("monthly", periodsJson(months));
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("method", "Mann-Kendall on weekly save rate (ties corrected, continuity corrected), Sen's slope");
        test.put("n", mk.n());
        test.put("s", mk.s());
        test.put("variance", mk.variance());
        test.put("z", mk.z());
        test.put("p", mk.p());
        test.put("sen_slope_per_week", mk.senSlope());
        test.put("direction", mk.direction());
        j.put("trend_test", test);
        ctx.json("trends", j);
    }

    static String trendWords(Trends.MannKendall mk, int weeks) {
        if (mk.p() < 0.05) {
            return "Over " + weeks + " weeks the save rate went **" + mk.direction() + "** by about **"
                    + points(Math.abs(mk.senSlope())).substring(1) + " per week**, and chance alone would rarely give such a steady "
                    + "pattern (" + ContentStrategySection.pIs(mk.p()) + ").";
        }
        return "Over " + weeks + " weeks there is **no clear trend** (" + ContentStrategySection.pIs(mk.p()) + "): the ups and downs are "
                + "within what chance gives. Sen's slope is " + points(mk.senSlope()) + " per week.";
    }

    static TableView periodTable(List<Trends.Period> periods, String label) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Trends.Period m : periods) {
            rows.add(List.of(Cell.plain(label.equals("Month") ? m.start().toString().substring(0, 7) : m.start().toString()),
                    new Cell(Long.toString(m.videos()), "", (double) m.videos(), ""),
                    VideosSection.count(m.views()), VideosSection.count(m.saves()), rate(m.rate()),
                    rate(m.rollingMedian())));
        }
        return new TableView(List.of(new Column(label, false), new Column("Videos", true), new Column("Views", true),
                new Column("Saves", true), new Column("Save rate", true), new Column("Rolling median", true)),
                rows, rows.size(), "");
    }

    static List<Map<String, Object>> periodsJson(List<Trends.Period> periods) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Trends.Period w : periods) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", w.start().toString());
            m.put("videos", w.videos());
            m.put("views", w.views());
            m.put("saves", w.saves());
            m.put("save_rate", w.rate());
            m.put("rolling_median", w.rollingMedian());
            out.add(m);
        }
        return out;
    }

    /** A difference of rates in percentage points: "+0.03 points". */
    static String points(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%+.3f points", 100 * d);
    }

    static String p(double p) {
        return Double.isNaN(p) ? "–" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static Cell rate(double r) {
        return Double.isNaN(r) ? Cell.plain("–") : new Cell(Formats.percent(r), Formats.percentExact(r), r, "");
    }

    static Double orNull(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** Video id → title, for naming videos in tables. */
    static Map<String, String> titles(Table videos) {
        Map<String, String> m = new HashMap<>();
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var t = videos.stringColumn(Canonical.TITLE);
        for (int i = 0; i < videos.rowCount(); i++) {
            m.putIfAbsent(ids.get(i), t.get(i).isBlank() ? "(untitled)" : t.get(i));
        }
        return m;
    }
}
