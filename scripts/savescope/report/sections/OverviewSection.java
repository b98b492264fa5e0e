package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.charts.Charts;
import savescope.metrics.Analytics;
import savescope.metrics.Histogram;
import savescope.metrics.Intervals;
import savescope.metrics.Period;
import savescope.metrics.PeriodComparison;
import savescope.metrics.PeriodRates;
import savescope.metrics.Rates;
import savescope.metrics.Totals;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** The headline numbers: totals, the channel's save rate and its spread, and the engagement ratios. */
public final class OverviewSection implements Section<OverviewSection.Figures> {

    /** A commonly quoted average save rate (calculator sites; low confidence), labelled as such. */
    static final double QUOTED_AVERAGE = 0.005;
    /** The save rate calculator sites call excellent (low confidence). */
    static final double QUOTED_EXCELLENT = 0.02;
    /** Engagement rate by views, Rival IQ 2023 TikTok benchmark. */
    static final double QUOTED_ENGAGEMENT_BY_VIEWS = 0.04;
    /** Median engagement rate by followers, Rival IQ 2024 TikTok benchmark. */
    static final double QUOTED_ENGAGEMENT_BY_FOLLOWERS = 0.026;


    /**
     * The headline numbers; the first four components are the JSON's {@code totals}, {@code save_rate},
     * {@code rates} and {@code benchmarks}.
     *
     * @param totals sums of each count over the videos
     * @param saveRate the channel's save rate, the typical video's rate and its spread
     * @param rates the other ratios of sums and the follower count they use
     * @param benchmarks figures quoted from outside sources, not computed
     * @param histogram per-video save rates in bins, or null when no video has one
     * @param withoutSaves the per-view rates shown when the data has no saves, or null when it has them
     * @param periodKpis the key numbers of the videos posted in {@code --period} and its comparison, or null (no
     *     JSON key) without {@code --period}
     */
    public record Figures(Totals totals, SaveRates saveRate, Ratios rates, Benchmarks benchmarks,
            @JsonIgnore Histogram histogram, @JsonIgnore WithoutSaves withoutSaves,
            @JsonInclude(JsonInclude.Include.NON_NULL) PeriodKpis periodKpis) {}

    /**
     * The key numbers of the videos posted in {@code --period} and in the period it is compared with (the JSON's
     * {@code period_kpis}), and the saves every video gained in each.
     *
     * @param period the period asked for
     * @param comparison the period it is compared with
     * @param totals counts of the videos posted in the period
     * @param totalsComparison the same in the comparison
     * @param saveRate their save rates
     * @param saveRateComparison the comparison's
     * @param saveRateChange the change in save rate with the experiments' per-video interval
     * @param savesGained saves gained in the period by every video, whenever posted, or null when unknown
     * @param savesGainedSource {@code snapshots} or {@code daily series}, or null
     * @param savesGainedComparison the same for the comparison
     * @param savesGainedComparisonSource its source
     * @param savesGainedDaily saves gained in the period by the daily series alone, or null without one (when the
     *     two periods' gains come from different sources, this and the next compare like with like)
     * @param savesGainedDailyComparison the same for the comparison
     */
    public record PeriodKpis(PeriodView.Span period, PeriodView.Span comparison, Totals totals,
            Totals totalsComparison, SaveRates saveRate, SaveRates saveRateComparison, PeriodRates saveRateChange,
            Long savesGained, String savesGainedSource, Long savesGainedComparison, String savesGainedComparisonSource,
            Long savesGainedDaily, Long savesGainedDailyComparison) {

        /** Whether both periods' gains are known and were counted the same way. */
        public boolean gainsComparable() {
            return savesGained != null && savesGainedComparison != null
                    && savesGainedSource.equals(savesGainedComparisonSource);
        }

        /** The key numbers of both periods, each period's read as the whole export's are. */
        public static PeriodKpis of(Analytics data, Period period, Period comparison) {
            Analytics now = data.postedIn(period);
            Analytics before = data.postedIn(comparison);
            PeriodComparison gains = data.periodComparison(period, comparison);
            PeriodComparison.Gained a = gains.gainedNow();
            PeriodComparison.Gained b = gains.gainedBefore();
            return new PeriodKpis(PeriodView.Span.of(period), PeriodView.Span.of(comparison), now.totals(),
                    before.totals(), SaveRates.of(now.rates(), now.typicalRateInterval()),
                    SaveRates.of(before.rates(), before.typicalRateInterval()), data.periodRates(period, comparison),
                    a == null ? null : a.saves(), a == null ? null : a.source(), b == null ? null : b.saves(),
                    b == null ? null : b.source(), gains.dailyNow() == null ? null : gains.dailyNow().saves(),
                    gains.dailyBefore() == null ? null : gains.dailyBefore().saves());
        }
    }

    /**
     * @param overall saves / views over the videos that have both counts
     * @param medianPerVideo the typical video's save rate (median over videos)
     * @param medianCiLow low end of its seeded bootstrap 95% interval, or null
     * @param medianCiHigh high end of that interval, or null
     * @param p10PerVideo the 10th percentile of per-video rates
     * @param p90PerVideo the 90th percentile
     * @param videosWithRate videos with views and a saves count
     * @param per1000Views saves per 1,000 views, over the same videos as {@code overall}
     * @param overallSaves the saves {@code overall} is computed from (of the videos with views too)
     * @param overallViews the views it is computed from (of the videos with saves too)
     * @param overallVideos the videos with both counts; fewer than all videos means the two sums are not the totals
     */
    public record SaveRates(Double overall, Double medianPerVideo, Double medianCiLow, Double medianCiHigh,
            Double p10PerVideo, Double p90PerVideo, int videosWithRate,
            @JsonProperty("per_1000_views") Double per1000Views, long overallSaves, long overallViews,
            int overallVideos) {

        public static SaveRates of(Rates r, Intervals.Interval ci) {
            return new SaveRates(r.overall(), r.medianPerVideo(), ci == null ? null : ci.low(),
                    ci == null ? null : ci.high(), r.p10(), r.p90(), r.videosWithRate(), r.perThousandViews(),
                    r.overallSaves(), r.overallViews(), r.overallVideos());
        }

        /** Whether some video lacks views or saves, so that the rate's sums are smaller than the totals. */
        public boolean partial(Totals totals) {
            return overallVideos < totals.videos();
        }

        /** The counts the rate divides, and over which videos when not all of them. */
        public String basis(Totals totals) {
            return Formats.exact(overallSaves) + " saves from " + Formats.exact(overallViews) + " views"
                    + (partial(totals) ? ", over the " + Formats.exact((long) overallVideos) + " videos with both counts" : "");
        }

        /** The videos the rate covers, in words for a label. */
        public String videosWords(Totals totals) {
            return partial(totals) ? "the " + Formats.exact((long) overallVideos) + " videos with both counts" : "all videos";
        }
    }

    /** Ratios of sums besides the save rate, each with the formula it uses. */
    public record Ratios(Double saveToLike, Double savesShareOfEngagement, Double engagementRateByViews,
            String engagementRateByViewsFormula, Double engagementRateByFollowers,
            String engagementRateByFollowersFormula, Long followers) {

        public static Ratios of(Rates r) {
            return new Ratios(r.saveToLike(), r.savesShareOfEngagement(), r.engagementRateByViews(),
                    Rates.ENGAGEMENT_BY_VIEWS, r.engagementRateByFollowers(), Rates.ENGAGEMENT_BY_FOLLOWERS,
                    r.followers());
        }
    }

    /** Outside figures, quoted with their sources. */
    public record Benchmarks(String note, double saveRateAverage, double saveRateExcellent, String saveRateSource,
            double engagementRateByViews, String engagementRateByViewsSource, double engagementRateByFollowersMedian,
            String engagementRateByFollowersSource) {

        public static final Benchmarks QUOTED = new Benchmarks("quoted from outside sources, not computed from this data",
                QUOTED_AVERAGE, QUOTED_EXCELLENT, "calculator sites (low confidence)", QUOTED_ENGAGEMENT_BY_VIEWS,
                "Rival IQ 2023", QUOTED_ENGAGEMENT_BY_FOLLOWERS, "Rival IQ 2024");
    }

    /** Likes, comments and shares per view, and their sum per view, for data with no saves. */
    public record WithoutSaves(Double likes, Double comments, Double shares, Double engagementWithoutSaves) {}

    /** The counts whose rates per view data without saves can still show. */
    static final List<String> COUNTS_WITHOUT_SAVES = List.of("likes", "comments", "shares");

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        Rates r = data.rates();
        Intervals.Interval typical = data.typicalRateInterval();
        boolean saves = data.hasSaves();
        Histogram histogram = saves && r.videosWithRate() > 0 ? data.saveRateHistogram(HISTOGRAM_BINS) : null;
        WithoutSaves without = saves ? null : new WithoutSaves(data.perView(List.of("likes")),
                data.perView(List.of("comments")), data.perView(List.of("shares")), data.perView(COUNTS_WITHOUT_SAVES));
        PeriodView.Periods periods = saves ? PeriodView.of(data, options) : null;
        return new Figures(data.totals(), SaveRates.of(r, typical), Ratios.of(r), Benchmarks.QUOTED, histogram,
                without, periods == null ? null : PeriodKpis.of(data, periods.period(), periods.comparison()));
    }

    /** About how many bars the histogram of save rates has at most. */
    static final int HISTOGRAM_BINS = 20;

    @Override
    public void present(Figures f, ReportContext ctx) {
        if (f.withoutSaves() != null) {
            presentWithoutSaves(f, ctx);
            return;
        }
        ctx.markdown("## Saves at a glance\n\nA save means someone meant to come back to the video: it is the "
                + "strongest sign of lasting value, and TikTok's ranking weighs it. TikTok never tells you *who* "
                + "saved, so everything here is an aggregate count. The **save rate** is saves divided by views. "
                + "It is given two ways: all saves over all views (big videos weigh more), and the typical video's "
                + "rate (the median over videos, which one viral video cannot move).");
        if (f.periodKpis() != null) {
            presentPeriodKpis(f.periodKpis(), ctx);
            ctx.markdown("### All videos in the export\n\nThe rest of the report covers every video, whenever posted.");
        }
        presentKpis(f, ctx);
        presentRatios(f, ctx);
        if (f.histogram() != null) {
            ctx.markdown("### How save rates spread across videos\n\nEach bar counts the videos whose save rate "
                    + "falls in that range. Only videos with views and a saves count are included ("
                    + Formats.exact(f.histogram().videos()) + " of " + Formats.exact(f.totals().videos()) + ").");
            Output.Chart chart = Charts.saveRateHistogram(f.histogram());
            ctx.code("Charts.saveRateHistogram(data.saveRateHistogram(" + HISTOGRAM_BINS + "))", Map.of("$", chart),
                    chart);
        }
        presentBenchmarks(f, ctx);
        presentFindings(f, ctx);
    }

    private static void presentKpis(Figures f, ReportContext ctx) {
        Totals t = f.totals();
        SaveRates s = f.saveRate();
        String typicalNote = "median save rate per video" + (s.medianCiLow() == null ? ""
                : "; 95% CI " + Formats.percent(s.medianCiLow()) + "–" + Formats.percent(s.medianCiHigh()));
        ctx.code("""
                var totals = data.totals();
                var saveRate = OverviewSection.SaveRates.of(data.rates(), data.typicalRateInterval());  // seeded bootstrap""",
                Map.of("totals", t, "saveRate", s),
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Formats.compact(t.videos()), Formats.exact(t.videos()), ""),
                        new Output.Kpi("Views", Formats.compact(t.views()), Formats.exact(t.views()), ""),
                        new Output.Kpi("Saves", Formats.compact(t.saves()), Formats.exact(t.saves()),
                                s.per1000Views() == null ? "" : Formats.decimal(s.per1000Views(), 1) + " per 1,000 views"
                                        + (s.partial(t) ? " (" + s.videosWords(t) + ")" : "")),
                        new Output.Kpi("Save rate", Formats.percent(s.overall()), Formats.percentExact(s.overall()),
                                s.partial(t) ? "saves / views of " + s.videosWords(t) : "all saves / all views"),
                        new Output.Kpi("Typical video", Formats.percent(s.medianPerVideo()),
                                Formats.percentExact(s.medianPerVideo()), typicalNote))));
    }

    /**
     * The cards of the videos posted in the period, each against the comparison with the change, the save rate's
     * change judged by the experiments' interval; then, labelled as the other view, the saves every video gained.
     */
    private static void presentPeriodKpis(PeriodKpis k, ReportContext ctx) {
        ctx.markdown("### Videos posted in " + k.period().label() + " against " + k.comparison().label()
                + "\n\n" + capitalized(PeriodView.words(k.period())) + " against " + PeriodView.words(k.comparison())
                + ". The first cards count the videos *posted* in each period; the last the saves *gained* in each "
                + "period by every video, whenever it was posted. Whether a change in save rate could be chance comes "
                + "from resampling the videos of each period, as the experiments do; counts are what happened, so "
                + "they carry no interval.");
        Totals a = k.totals();
        Totals b = k.totalsComparison();
        SaveRates r = k.saveRate();
        SaveRates q = k.saveRateComparison();
        ctx.code(PeriodView.java(ctx.options()) + "\nvar periodKpis = OverviewSection.PeriodKpis.of(data, period, "
                + "comparison);", Map.of("periodKpis", k), new Output.Kpis(List.of(
                new Output.Kpi("Videos posted", Formats.compact(a.videos()), PeriodView.exact(a.videos()), "",
                        PeriodView.counts(a.videos(), b.videos())),
                new Output.Kpi("Their views", Formats.compact(a.views()), PeriodView.exact(a.views()), "",
                        PeriodView.counts(a.views(), b.views())),
                new Output.Kpi("Their saves", Formats.compact(a.saves()), PeriodView.exact(a.saves()), "",
                        PeriodView.counts(a.saves(), b.saves())),
                new Output.Kpi("Save rate", Formats.percent(r.overall()), PeriodView.exact(r.overall()), "",
                        PeriodView.rates(r.overall(), q.overall(), k.saveRateChange())),
                new Output.Kpi("Typical video", Formats.percent(r.medianPerVideo()),
                        PeriodView.exact(r.medianPerVideo()), "median per video",
                        PeriodView.rates(r.medianPerVideo(), q.medianPerVideo(), null)))),
                new Output.Markdown("**Saves gained in the period** by every video, whenever posted:"),
                new Output.Kpis(gainedCards(k)));
    }

    /**
     * The saves every video gained in the period, against the comparison's when both were counted the same way;
     * when not, the daily series alone beside it, like with like.
     */
    private static List<Output.Kpi> gainedCards(PeriodKpis k) {
        Long now = k.savesGained();
        List<Output.Kpi> cards = new ArrayList<>();
        String from = now == null ? "not known for this period" : "counted from the " + k.savesGainedSource();
        cards.add(k.gainsComparable() ? new Output.Kpi("Saves gained", Formats.compact(now), Formats.exact(now), from,
                PeriodView.counts(now, k.savesGainedComparison()))
                : new Output.Kpi("Saves gained", Formats.compact(now), now == null ? "" : Formats.exact(now), "",
                        new Output.Change(from + (k.savesGainedComparison() == null ? "" : "; not compared with the "
                                + Formats.compact(k.savesGainedComparison()) + " of the comparison, counted from the "
                                + k.savesGainedComparisonSource()), "", "", "flat", "", "")));
        if (!k.gainsComparable() && k.savesGainedDaily() != null && k.savesGainedDailyComparison() != null) {
            cards.add(new Output.Kpi("Saves gained, daily series", Formats.compact(k.savesGainedDaily()),
                    Formats.exact(k.savesGainedDaily()), "like with like: the days the series has",
                    PeriodView.counts(k.savesGainedDaily(), k.savesGainedDailyComparison())));
        }
        return cards;
    }

    private static void presentRatios(Figures f, ReportContext ctx) {
        SaveRates s = f.saveRate();
        Ratios r = f.rates();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(s.partial(f.totals()) ? "Save rate, videos with both counts" : "Save rate, all videos",
                pct(s.overall()), s.overall() == null ? "saves / views" : s.basis(f.totals())));
        rows.add(row("Saves per 1,000 views", dec(s.per1000Views(), 2), "save rate × 1,000"));
        rows.add(row("Typical video's save rate", pct(s.medianPerVideo()), "median of per-video saves / views ("
                + s.videosWithRate() + " videos with views)"));
        rows.add(row("10th – 90th percentile", new Cell(Formats.percent(s.p10PerVideo()) + " – "
                + Formats.percent(s.p90PerVideo()), "", s.p10PerVideo(), ""), "eight in ten videos fall in this range"));
        rows.add(row("Saves per like", dec(r.saveToLike(), 3), "saves / likes, of the videos with both counts"));
        rows.add(row("Saves' share of engagement", pct(r.savesShareOfEngagement()),
                "saves / (likes + comments + shares + saves)"));
        rows.add(row("Engagement rate by views", pct(r.engagementRateByViews()), r.engagementRateByViewsFormula()));
        rows.add(row("Engagement rate by followers", pct(r.engagementRateByFollowers()), r.followers() == null
                ? "needs a follower count (Studio FollowerHistory export); not in this data"
                : r.engagementRateByFollowersFormula() + " (" + Formats.exact(r.followers()) + " followers)"));
        ctx.code("var ratios = OverviewSection.Ratios.of(data.rates());", Map.of("ratios", r),
                new Output.Table(new TableView(List.of(new Column("Measure", false), new Column("Value", true),
                        new Column("Formula", false)), rows, rows.size(), "Each ratio uses only the videos that have "
                        + "every count it needs; a missing count is never zero.")));
    }

    private static void presentBenchmarks(Figures f, ReportContext ctx) {
        ctx.markdown("### Outside benchmarks\n\nFigures people quote for TikTok, **not computed from your data** and "
                + "of uneven quality. Use them as a rough frame, not a target.");
        Benchmarks b = f.benchmarks();
        Double overall = f.saveRate().overall();
        List<List<Cell>> bench = new ArrayList<>();
        bench.add(List.of(Cell.plain("Average save rate"), new Cell("≈0.5%", "", b.saveRateAverage(), ""),
                Cell.plain(pctText(overall)), Cell.plain("calculator sites; low confidence")));
        bench.add(List.of(Cell.plain("\"Excellent\" save rate"), new Cell(">2%", "", b.saveRateExcellent(), ""),
                Cell.plain(pctText(overall)), Cell.plain("calculator sites; low confidence")));
        bench.add(List.of(Cell.plain("Engagement rate by views"), new Cell("≈4%", "", b.engagementRateByViews(), ""),
                Cell.plain(pctText(f.rates().engagementRateByViews())), Cell.plain(b.engagementRateByViewsSource())));
        bench.add(List.of(Cell.plain("Engagement rate by followers (median)"),
                new Cell("≈2.6%", "", b.engagementRateByFollowersMedian(), ""),
                Cell.plain(pctText(f.rates().engagementRateByFollowers())),
                Cell.plain(b.engagementRateByFollowersSource())));
        ctx.code("var quoted = OverviewSection.Benchmarks.QUOTED;", Map.of("quoted", b),
                new Output.Table(new TableView(List.of(new Column("Outside benchmark", false),
                        new Column("Quoted", true), new Column("Yours", true), new Column("Source", false)), bench,
                        bench.size(), "Formulas differ between sources; yours use the formulas in the table above.")));
    }

    private static void presentFindings(Figures f, ReportContext ctx) {
        SaveRates s = f.saveRate();
        Double overall = s.overall();
        if (overall == null) {
            return;
        }
        String typicalCi = s.medianCiLow() == null ? ""
                : " (95% bootstrap CI " + Formats.percent(s.medianCiLow()) + "–" + Formats.percent(s.medianCiHigh()) + ")";
        String compare = overall >= QUOTED_EXCELLENT ? "above the 2% that calculator sites call excellent"
                : overall >= QUOTED_AVERAGE ? "above the commonly quoted average of about 0.5%"
                : "below the commonly quoted average of about 0.5%";
        ctx.finding(1.0, "Your videos are saved " + Formats.percent(overall) + " of the time ("
                        + s.basis(f.totals()) + ").",
                "That is " + compare + " (an outside benchmark from calculator sites, low confidence). "
                        + "The typical video's rate is " + Formats.percent(s.medianPerVideo()) + typicalCi + ".", "info");
        if (s.medianPerVideo() != null && s.medianCiLow() != null && s.videosWithRate() >= 10
                && (overall > s.medianCiHigh() || overall < s.medianCiLow())) {
            boolean bigBetter = overall > s.medianCiHigh();
            ctx.finding(0.6, bigBetter
                            ? "Your most viewed videos are saved more often than your typical video."
                            : "Your most viewed videos are saved less often than your typical video.",
                    "All views together give " + Formats.percent(overall) + ", outside the 95% interval of "
                            + "the typical video's rate (" + Formats.percent(s.medianCiLow()) + "–"
                            + Formats.percent(s.medianCiHigh()) + "), so the videos with the most views "
                            + (bigBetter ? "pull the overall rate up." : "pull the overall rate down: reach came "
                            + "with less lasting value."), "moderate");
        }
    }

    /**
     * The headline numbers of data without saves: totals of what there is, and the rates per view that need no
     * saves, each over the videos that have both counts.
     */
    private static void presentWithoutSaves(Figures f, ReportContext ctx) {
        Totals t = f.totals();
        WithoutSaves w = f.withoutSaves();
        ctx.markdown("## Saves at a glance\n\nA save means someone meant to come back to the video, and the save rate "
                + "is saves divided by views. **These files have no saves count**, so this part shows the counts they "
                + "do have and the rates per view that need no saves.");
        ctx.code("var totals = data.totals();   // no saves: views, likes, comments, shares", Map.of("totals", t),
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Formats.compact(t.videos()), Formats.exact(t.videos()), ""),
                        kpi("Views", t.views()), kpi("Likes", t.likes()), kpi("Comments", t.comments()),
                        kpi("Shares", t.shares()),
                        new Output.Kpi("Saves", "–", "", "not in these files"))));
        List<List<Cell>> rows = new ArrayList<>();
        List<Double> perView = java.util.Arrays.asList(w.likes(), w.comments(), w.shares());
        for (int i = 0; i < COUNTS_WITHOUT_SAVES.size(); i++) {
            String m = COUNTS_WITHOUT_SAVES.get(i);
            Double v = perView.get(i);
            rows.add(row(capitalized(m) + " per 1,000 views", dec(v == null ? null : v * 1000, 1),
                    m + " / views × 1,000, of the videos with both counts"));
        }
        rows.add(row("Engagement rate by views, without saves", pct(w.engagementWithoutSaves()),
                "(likes + comments + shares) / views; the usual formula adds saves"));
        ctx.code("""
                var perView = new OverviewSection.WithoutSaves(data.perView(List.of("likes")),
                        data.perView(List.of("comments")), data.perView(List.of("shares")),
                        data.perView(List.of("likes", "comments", "shares")));""", Map.of("perView", w),
                new Output.Table(new TableView(List.of(new Column("Measure", false), new Column("Value", true),
                        new Column("Formula", false)), rows, rows.size(), "Each ratio uses only the videos that have "
                        + "every count it needs; a missing count is never zero. Outside benchmarks of save and "
                        + "engagement rates are left out: without saves, yours cannot be set beside them.")));
    }

    private static Output.Kpi kpi(String label, Long value) {
        return new Output.Kpi(label, value == null ? "–" : Formats.compact(value), value == null ? "" : Formats.exact(value),
                value == null ? "not in these files" : "");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<Cell> row(String measure, Cell value, String formula) {
        return List.of(Cell.plain(measure), value, Cell.plain(formula));
    }

    private static Cell pct(Double v) {
        return new Cell(Formats.percent(v), Formats.percentExact(v), v, "");
    }

    private static Cell dec(Double v, int places) {
        return new Cell(Formats.decimal(v, places), v == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", v), v, "");
    }

    private static String pctText(Double v) {
        return v == null ? "–" : Formats.percent(v);
    }
}
