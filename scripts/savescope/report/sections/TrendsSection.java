package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Analytics;
import savescope.metrics.Trends;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** Saves and save rate by posting week and month, and whether the save rate really trends. */
public final class TrendsSection implements Section<TrendsSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int WEEK_WINDOW = 4;
    static final int MONTH_WINDOW = 3;
    /** A trend test needs at least this many weeks with posted videos. */
    static final int MIN_WEEKS = 3;

    /** @param trends the JSON's {@code trends} entry */
    public record Figures(Trend trends) {}

    /**
     * The save rate over time: with rated videos in at least {@link #MIN_WEEKS} posting weeks, the weekly and
     * monthly rows and the trend test; with fewer, only a status saying what is needed.
     *
     * @param status what is missing, or null when the test was made
     * @param weekly one row per posting week, or null
     * @param monthly one row per posting month, or null
     * @param trendTest Mann–Kendall and Sen's slope on the weekly rates, or null
     * @param weeks the weekly periods as computed (what the charts draw; also with fewer than three)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trend(String status, List<Period> weekly, List<Period> monthly, TrendTest trendTest,
            @JsonIgnore List<Trends.Period> weeks) {

        public static Trend of(List<Trends.Period> weeks, List<Trends.Period> months) {
            if (weeks.size() < MIN_WEEKS) {
                return new Trend("needs posting times in at least 3 weeks", null, null, null, weeks);
            }
            return new Trend(null, Period.all(weeks), Period.all(months), TrendTest.of(Trends.test(weeks)), weeks);
        }
    }

    /**
     * One posting week or month, as {@link Trends.Period} has it.
     *
     * @param start its first day (a Monday, or the 1st), ISO
     * @param videos rated videos posted in it
     * @param views their views
     * @param saves their saves
     * @param saveRate saves / views of those videos
     * @param rollingMedian median of this and the previous periods' rates in the window
     */
    public record Period(String start, int videos, long views, long saves, double saveRate, double rollingMedian) {
        public static List<Period> all(List<Trends.Period> periods) {
            return periods.stream().map(p -> new Period(p.start().toString(), p.videos(), p.views(), p.saves(),
                    p.rate(), p.rollingMedian())).toList();
        }
    }

    /**
     * The Mann–Kendall test of the weekly save rates, as {@link Trends.MannKendall} has it.
     *
     * @param method how it was computed
     * @param n weeks
     * @param s rising minus falling pairs
     * @param variance the variance of S with no trend, ties corrected
     * @param z the normal score, continuity corrected
     * @param p two-sided p-value
     * @param senSlopePerWeek Sen's slope: the typical change of the rate per week
     * @param direction up, down, or none (p of 0.05 or more)
     */
    public record TrendTest(String method, int n, long s, double variance, double z, double p, double senSlopePerWeek,
            String direction) {
        public static TrendTest of(Trends.MannKendall mk) {
            return new TrendTest("Mann-Kendall on weekly save rate (ties corrected, continuity corrected), Sen's slope",
                    mk.n(), mk.s(), mk.variance(), mk.z(), mk.p(), mk.senSlope(), mk.direction());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        return new Figures(Trend.of(data.weeklyTrend(WEEK_WINDOW), data.monthlyTrend(MONTH_WINDOW)));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        Trend t = f.trends();
        StringBuilder md = new StringBuilder("## Saves over time\n\nIs your save rate getting better? Videos are "
                + "grouped by the week they were posted; a week's save rate is its videos' saves over their views. "
                + "The rolling median smooths out weeks that hinge on one video.");
        if (t.trendTest() == null) {
            md.append("\n\n*This needs posting times and saves for videos in at least three different weeks; "
                    + "this data has ").append(t.weeks().size()).append(".*");
            ctx.markdown(md.toString());
            return;
        }
        ctx.markdown(md.toString());
        Output.Chart rate = TimeCharts.weeklyRate(t.weeks(), WEEK_WINDOW);
        ctx.code("""
                // ratio of sums per posting week (month), 4-week (3-month) rolling median
                var trend = TrendsSection.Trend.of(data.weeklyTrend(4), data.monthlyTrend(3));
                TimeCharts.weeklyRate(trend.weeks(), 4)""", Map.of("trend", t, "$", rate), rate);
        Output.Chart saves = TimeCharts.weeklySaves(t.weeks());
        ctx.code("TimeCharts.weeklySaves(trend.weeks())", Map.of("$", saves), saves);
        presentTest(t, ctx);
        presentFinding(t.trendTest(), ctx);
    }

    private static void presentTest(Trend t, ReportContext ctx) {
        TrendTest mk = t.trendTest();
        ctx.markdown("### Is the trend real?\n\nThe **Mann–Kendall test** asks whether later weeks have higher (or "
                + "lower) save rates than earlier ones more often than chance would give; **Sen's slope** is the "
                + "typical change per week (the median of the slopes between every pair of weeks), in percentage points. "
                + trendWords(mk, t.weekly().size())
                + "\n\nRecent videos are still collecting saves, but their views grow too, so the save *rate* is "
                + "fairer to them than the saves count.");
        ctx.code("""
                var test = trend.trendTest();   // Mann–Kendall with tie correction, Sen's slope
                var months = trend.monthly();""", Map.of("test", mk, "months", t.monthly()),
                new Output.Kpis(List.of(
                        new Output.Kpi("Weeks", Integer.toString(mk.n()), "", "with posted videos"),
                        new Output.Kpi("Kendall S", Long.toString(mk.s()), "", "rising minus falling pairs"),
                        new Output.Kpi("Sen's slope", points(mk.senSlopePerWeek()), String.format(Locale.ROOT, "%.6f",
                                mk.senSlopePerWeek()), "save rate change per week"),
                        new Output.Kpi("p-value", p(mk.p()), String.format(Locale.ROOT, "%.6f", mk.p()),
                                "two-sided, z = " + Formats.decimal(mk.z(), 2)))),
                new Output.Table(periodTable(t.monthly(), "Month")));
    }

    private static void presentFinding(TrendTest mk, ReportContext ctx) {
        if (mk.p() < 0.05) {
            ctx.finding(1.5, "Your save rate is trending " + mk.direction() + ": about " + points(mk.senSlopePerWeek())
                    + " per week (" + points(mk.senSlopePerWeek() * 52 / 12) + " per month).",
                    "Mann–Kendall over " + mk.n() + " posting weeks, " + ContentStrategySection.pIs(mk.p()) + ". A steady trend, not one "
                            + "lucky week; it says nothing about why.", "moderate");
        } else {
            ctx.finding(0.6, "No clear trend in your save rate over " + mk.n() + " weeks.",
                    "Mann–Kendall " + ContentStrategySection.pIs(mk.p()) + "; week-to-week changes are within what chance gives.", "info");
        }
    }

    static String trendWords(TrendTest mk, int weeks) {
        if (mk.p() < 0.05) {
            return "Over " + weeks + " weeks the save rate went **" + mk.direction() + "** by about **"
                    + points(Math.abs(mk.senSlopePerWeek())).substring(1) + " per week**, and chance alone would rarely give such a steady "
                    + "pattern (" + ContentStrategySection.pIs(mk.p()) + ").";
        }
        return "Over " + weeks + " weeks there is **no clear trend** (" + ContentStrategySection.pIs(mk.p()) + "): the ups and downs are "
                + "within what chance gives. Sen's slope is " + points(mk.senSlopePerWeek()) + " per week.";
    }

    static TableView periodTable(List<Period> periods, String label) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Period m : periods) {
            rows.add(List.of(Cell.plain(label.equals("Month") ? m.start().substring(0, 7) : m.start()),
                    new Cell(Long.toString(m.videos()), "", (double) m.videos(), ""),
                    VideosSection.count(m.views()), VideosSection.count(m.saves()), rate(m.saveRate()),
                    rate(m.rollingMedian())));
        }
        return new TableView(List.of(new Column(label, false), new Column("Videos", true), new Column("Views", true),
                new Column("Saves", true), new Column("Save rate", true), new Column("Rolling median", true)),
                rows, rows.size(), "");
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
}
