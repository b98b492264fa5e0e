package savescope.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import savescope.charts.Charts;
import savescope.metrics.Intervals;
import savescope.metrics.Rates;
import savescope.metrics.SaveRate;
import savescope.metrics.Totals;
import savescope.model.Dataset;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.Section;
import tech.tablesaw.api.Table;

/** The headline numbers: totals, the channel's save rate and its spread, and the engagement ratios. */
public final class OverviewSection implements Section {

    /** A commonly quoted average save rate (calculator sites; low confidence), labelled as such. */
    static final double QUOTED_AVERAGE = 0.005;
    /** The save rate calculator sites call excellent (low confidence). */
    static final double QUOTED_EXCELLENT = 0.02;
    /** Engagement rate by views, Rival IQ 2023 TikTok benchmark. */
    static final double QUOTED_ENGAGEMENT_BY_VIEWS = 0.04;
    /** Median engagement rate by followers, Rival IQ 2024 TikTok benchmark. */
    static final double QUOTED_ENGAGEMENT_BY_FOLLOWERS = 0.026;

    @Override
    public void build(ReportContext ctx) {
        Table videos = ctx.videos();
        Totals t = Totals.of(videos);
        Long followers = followers(ctx.data());
        Rates r = Rates.of(videos, followers);
        double[] perVideo = SaveRate.perVideo(videos);
        // The same rates already sorted once for the report: the interval need not sort a million again.
        Intervals.Interval medianCi = Intervals.bootstrapMedianSorted(ctx.groupRates().sortedRates(), 0.95,
                Intervals.BOOTSTRAP_RESAMPLES, Intervals.DEFAULT_SEED);

        if (!ctx.hasSaves()) {
            withoutSaves(ctx, t);
            json(ctx, t, r, medianCi);
            return;
        }
        ctx.markdown("## Saves at a glance\n\nA save means someone meant to come back to the video: it is the "
                + "strongest sign of lasting value, and TikTok's ranking weighs it. TikTok never tells you *who* "
                + "saved, so everything here is an aggregate count. The **save rate** is saves divided by views. "
                + "It is given two ways: all saves over all views (big videos weigh more), and the typical video's "
                + "rate (the median over videos, which one viral video cannot move).");
        String typicalNote = "median save rate per video"
                + (medianCi == null ? "" : "; 95% CI " + Formats.percent(medianCi.low()) + "–" + Formats.percent(medianCi.high()));
        ctx.code("""
                var totals = Totals.of(videos);
                var rates = Rates.of(videos, followers);   // ratios of sums + per-video distribution
                var typical = Intervals.bootstrapMedian(SaveRate.perVideo(videos));  // seeded bootstrap""",
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Formats.compact(t.videos()), Formats.exact(t.videos()), ""),
                        new Output.Kpi("Views", Formats.compact(t.views()), Formats.exact(t.views()), ""),
                        new Output.Kpi("Saves", Formats.compact(t.saves()), Formats.exact(t.saves()),
                                r.perThousandViews() == null ? "" : Formats.decimal(r.perThousandViews(), 1) + " per 1,000 views"),
                        new Output.Kpi("Save rate", Formats.percent(r.overall()), Formats.percentExact(r.overall()),
                                "all saves / all views"),
                        new Output.Kpi("Typical video", Formats.percent(r.medianPerVideo()),
                                Formats.percentExact(r.medianPerVideo()), typicalNote))));

        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row("Save rate, all videos", pct(r.overall()), "total saves / total views"));
        rows.add(row("Saves per 1,000 views", dec(r.perThousandViews(), 2), "save rate × 1,000"));
        rows.add(row("Typical video's save rate", pct(r.medianPerVideo()), "median of per-video saves / views ("
                + r.videosWithRate() + " videos with views)"));
        rows.add(row("10th – 90th percentile", new Cell(Formats.percent(r.p10()) + " – " + Formats.percent(r.p90()),
                "", r.p10(), ""), "eight in ten videos fall in this range"));
        rows.add(row("Saves per like", dec(r.saveToLike(), 3), "total saves / total likes"));
        rows.add(row("Saves' share of engagement", pct(r.savesShareOfEngagement()),
                "saves / (likes + comments + shares + saves)"));
        rows.add(row("Engagement rate by views", pct(r.engagementRateByViews()), Rates.ENGAGEMENT_BY_VIEWS));
        rows.add(row("Engagement rate by followers", pct(r.engagementRateByFollowers()), r.followers() == null
                ? "needs a follower count (Studio FollowerHistory export); not in this data"
                : Rates.ENGAGEMENT_BY_FOLLOWERS + " (" + Formats.exact(r.followers()) + " followers)"));
        ctx.code("Rates.of(videos, followers)", new Output.Table(new TableView(List.of(new Column("Measure", false),
                new Column("Value", true), new Column("Formula", false)), rows, rows.size(),
                "Each ratio uses only the videos that have every count it needs; a missing count is never zero.")));

        if (perVideo.length > 0) {
            ctx.markdown("### How save rates spread across videos\n\nEach bar counts the videos whose save rate "
                    + "falls in that range. Only videos with views and a saves count are included ("
                    + Formats.exact((long) perVideo.length) + " of " + Formats.exact(t.videos()) + ").");
            ctx.code("Charts.saveRateHistogram(SaveRate.perVideo(videos), 20)", Charts.saveRateHistogram(perVideo, 20));
        }

        ctx.markdown("### Outside benchmarks\n\nFigures people quote for TikTok, **not computed from your data** and "
                + "of uneven quality. Use them as a rough frame, not a target.");
        List<List<Cell>> bench = new ArrayList<>();
        bench.add(List.of(Cell.plain("Average save rate"), new Cell("≈0.5%", "", QUOTED_AVERAGE, ""),
                Cell.plain(pctText(r.overall())), Cell.plain("calculator sites; low confidence")));
        bench.add(List.of(Cell.plain("\"Excellent\" save rate"), new Cell(">2%", "", QUOTED_EXCELLENT, ""),
                Cell.plain(pctText(r.overall())), Cell.plain("calculator sites; low confidence")));
        bench.add(List.of(Cell.plain("Engagement rate by views"), new Cell("≈4%", "", QUOTED_ENGAGEMENT_BY_VIEWS, ""),
                Cell.plain(pctText(r.engagementRateByViews())), Cell.plain("Rival IQ 2023")));
        bench.add(List.of(Cell.plain("Engagement rate by followers (median)"),
                new Cell("≈2.6%", "", QUOTED_ENGAGEMENT_BY_FOLLOWERS, ""),
                Cell.plain(pctText(r.engagementRateByFollowers())), Cell.plain("Rival IQ 2024")));
        ctx.code("Benchmarks.quoted()", new Output.Table(new TableView(List.of(new Column("Outside benchmark", false),
                new Column("Quoted", true), new Column("Yours", true), new Column("Source", false)), bench,
                bench.size(), "Formulas differ between sources; yours use the formulas in the table above.")));

        if (r.overall() != null) {
            String compare = r.overall() >= QUOTED_EXCELLENT ? "above the 2% that calculator sites call excellent"
                    : r.overall() >= QUOTED_AVERAGE ? "above the commonly quoted average of about 0.5%"
                    : "below the commonly quoted average of about 0.5%";
            ctx.finding(1.0, "Your videos are saved " + Formats.percent(r.overall()) + " of the time ("
                            + Formats.exact(t.saves()) + " saves from " + Formats.exact(t.views()) + " views).",
                    "That is " + compare + " (an outside benchmark from calculator sites, low confidence). "
                            + "The typical video's rate is " + Formats.percent(r.medianPerVideo())
                            + (medianCi == null ? "" : " (95% bootstrap CI " + Formats.percent(medianCi.low()) + "–"
                            + Formats.percent(medianCi.high()) + ")") + ".", "info");
            if (r.medianPerVideo() != null && medianCi != null && perVideo.length >= 10
                    && (r.overall() > medianCi.high() || r.overall() < medianCi.low())) {
                boolean bigBetter = r.overall() > medianCi.high();
                ctx.finding(0.6, bigBetter
                                ? "Your most viewed videos are saved more often than your typical video."
                                : "Your most viewed videos are saved less often than your typical video.",
                        "All views together give " + Formats.percent(r.overall()) + ", outside the 95% interval of "
                                + "the typical video's rate (" + Formats.percent(medianCi.low()) + "–"
                                + Formats.percent(medianCi.high()) + "), so the videos with the most views "
                                + (bigBetter ? "pull the overall rate up." : "pull the overall rate down: reach came "
                                + "with less lasting value."), "moderate");
            }
        }

        json(ctx, t, r, medianCi);
    }

    /**
     * The headline numbers of data without saves: totals of what there is, and the rates per view that need no
     * saves, each over the videos that have both counts.
     */
    private static void withoutSaves(ReportContext ctx, Totals t) {
        ctx.markdown("## Saves at a glance\n\nA save means someone meant to come back to the video, and the save rate "
                + "is saves divided by views. **These files have no saves count**, so this part shows the counts they "
                + "do have and the rates per view that need no saves.");
        ctx.code("var totals = Totals.of(videos);   // no saves: views, likes, comments, shares",
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Formats.compact(t.videos()), Formats.exact(t.videos()), ""),
                        kpi("Views", t.views()), kpi("Likes", t.likes()), kpi("Comments", t.comments()),
                        kpi("Shares", t.shares()),
                        new Output.Kpi("Saves", "–", "", "not in these files"))));
        Table videos = ctx.videos();
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : List.of("likes", "comments", "shares")) {
            Double perView = perView(videos, List.of(m));
            rows.add(row(capitalized(m) + " per 1,000 views", dec(perView == null ? null : perView * 1000, 1),
                    "total " + m + " / total views × 1,000"));
        }
        rows.add(row("Engagement rate by views, without saves", pct(perView(videos, List.of("likes", "comments",
                "shares"))), "(likes + comments + shares) / views; the usual formula adds saves"));
        ctx.code("Rates.perView(videos, \"likes\", \"comments\", \"shares\")", new Output.Table(new TableView(List.of(
                new Column("Measure", false), new Column("Value", true), new Column("Formula", false)), rows,
                rows.size(), "Each ratio uses only the videos that have every count it needs; a missing count is "
                + "never zero. Outside benchmarks of save and engagement rates are left out: without saves, "
                + "yours cannot be set beside them.")));
    }

    private static Output.Kpi kpi(String label, Long value) {
        return new Output.Kpi(label, value == null ? "–" : Formats.compact(value), value == null ? "" : Formats.exact(value),
                value == null ? "not in these files" : "");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The sum of {@code metrics} over the sum of views, over the videos that have views and every one of them. */
    static Double perView(Table videos, List<String> metrics) {
        var views = videos.longColumn("views");
        List<tech.tablesaw.api.LongColumn> cols = metrics.stream().map(videos::longColumn).toList();
        long sumViews = 0;
        long sum = 0;
        for (int i = 0; i < videos.rowCount(); i++) {
            final int row = i;
            if (views.isMissing(i) || cols.stream().anyMatch(c -> c.isMissing(row))) {
                continue;
            }
            sumViews += views.getLong(i);
            for (var c : cols) {
                sum += c.getLong(i);
            }
        }
        return sumViews == 0 ? null : (double) sum / sumViews;
    }

    private static void json(ReportContext ctx, Totals t, Rates r, Intervals.Interval medianCi) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("videos", t.videos());
        totals.put("views", t.views());
        totals.put("likes", t.likes());
        totals.put("comments", t.comments());
        totals.put("shares", t.shares());
        totals.put("saves", t.saves());
        ctx.json("totals", totals);
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("overall", AnalyticsJson.num(r.overall()));
        rate.put("median_per_video", AnalyticsJson.num(r.medianPerVideo()));
        rate.put("median_ci_low", medianCi == null ? null : AnalyticsJson.num(medianCi.low()));
        rate.put("median_ci_high", medianCi == null ? null : AnalyticsJson.num(medianCi.high()));
        rate.put("p10_per_video", AnalyticsJson.num(r.p10()));
        rate.put("p90_per_video", AnalyticsJson.num(r.p90()));
        rate.put("videos_with_rate", r.videosWithRate());
        rate.put("per_1000_views", AnalyticsJson.num(r.perThousandViews()));
        ctx.json("save_rate", rate);
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("save_to_like", AnalyticsJson.num(r.saveToLike()));
        rates.put("saves_share_of_engagement", AnalyticsJson.num(r.savesShareOfEngagement()));
        rates.put("engagement_rate_by_views", AnalyticsJson.num(r.engagementRateByViews()));
        rates.put("engagement_rate_by_views_formula", Rates.ENGAGEMENT_BY_VIEWS);
        rates.put("engagement_rate_by_followers", AnalyticsJson.num(r.engagementRateByFollowers()));
        rates.put("engagement_rate_by_followers_formula", Rates.ENGAGEMENT_BY_FOLLOWERS);
        rates.put("followers", r.followers());
        ctx.json("rates", rates);
        Map<String, Object> benchmarks = new LinkedHashMap<>();
        benchmarks.put("note", "quoted from outside sources, not computed from this data");
        benchmarks.put("save_rate_average", QUOTED_AVERAGE);
        benchmarks.put("save_rate_excellent", QUOTED_EXCELLENT);
        benchmarks.put("save_rate_source", "calculator sites (low confidence)");
        benchmarks.put("engagement_rate_by_views", QUOTED_ENGAGEMENT_BY_VIEWS);
        benchmarks.put("engagement_rate_by_views_source", "Rival IQ 2023");
        benchmarks.put("engagement_rate_by_followers_median", QUOTED_ENGAGEMENT_BY_FOLLOWERS);
        benchmarks.put("engagement_rate_by_followers_source", "Rival IQ 2024");
        ctx.json("benchmarks", benchmarks);
    }

    /** The latest follower count from a Studio FollowerHistory table, or null when the data has none. */
    static Long followers(Dataset data) {
        Optional<Table> history = data.channelTable("FollowerHistory");
        if (history.isEmpty() || !history.get().containsColumn("followers")) {
            return null;
        }
        Table h = history.get();
        var col = h.column("followers");
        var dates = h.containsColumn("date") ? h.dateColumn("date") : null;
        Long latest = null;
        java.time.LocalDate latestDate = null;
        for (int i = 0; i < h.rowCount(); i++) {
            if (col.isMissing(i)) {
                continue;
            }
            java.time.LocalDate d = dates == null || dates.isMissing(i) ? null : dates.get(i);
            if (latest == null || (d != null && (latestDate == null || !d.isBefore(latestDate)))) {
                latest = ((Number) col.get(i)).longValue();
                latestDate = d;
            }
        }
        return latest;
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
