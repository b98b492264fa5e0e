package savescope.report.sections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.charts.Charts;
import savescope.metrics.SaveRate;
import savescope.metrics.Totals;
import savescope.notebook.Output;
import savescope.render.Formats;
import savescope.report.ReportContext;
import savescope.report.Section;

/** The headline numbers: totals, the channel's save rate, and how save rates spread across videos. */
public final class OverviewSection implements Section {

    /** A commonly quoted average save rate (calculator sites; low confidence), labelled as such. */
    static final double QUOTED_AVERAGE = 0.005;

    @Override
    public void build(ReportContext ctx) {
        Totals t = Totals.of(ctx.videos());
        Double overall = SaveRate.overall(ctx.videos());
        Double median = SaveRate.medianPerVideo(ctx.videos());
        Double perThousand = overall == null ? null : overall * 1000;

        ctx.markdown("## Saves at a glance\n\nA save means someone meant to come back to the video: it is the "
                + "strongest sign of lasting value, and TikTok's ranking weighs it. TikTok never tells you *who* "
                + "saved, so everything here is an aggregate count. The **save rate** is saves divided by views.");
        ctx.code("""
                var totals = Totals.of(videos);
                var overall = SaveRate.overall(videos);        // total saves / total views
                var median = SaveRate.medianPerVideo(videos);  // the typical video""",
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Formats.compact(t.videos()), Formats.exact(t.videos()), ""),
                        new Output.Kpi("Views", Formats.compact(t.views()), Formats.exact(t.views()), ""),
                        new Output.Kpi("Saves", Formats.compact(t.saves()), Formats.exact(t.saves()),
                                perThousand == null ? "" : Formats.decimal(perThousand, 1) + " per 1,000 views"),
                        new Output.Kpi("Save rate", Formats.percent(overall), Formats.percentExact(overall),
                                "all saves / all views"),
                        new Output.Kpi("Typical video", Formats.percent(median), Formats.percentExact(median),
                                "median save rate per video"))));

        double[] rates = SaveRate.perVideo(ctx.videos());
        if (rates.length > 0) {
            ctx.markdown("### How save rates spread across videos\n\nEach bar counts the videos whose save rate "
                    + "falls in that range. Only videos with views and a saves count are included ("
                    + Formats.exact((long) rates.length) + " of " + Formats.exact(t.videos()) + ").");
            ctx.code("Charts.saveRateHistogram(SaveRate.perVideo(videos), 20)", Charts.saveRateHistogram(rates, 20));
        }

        if (overall != null) {
            String compare = overall >= 0.02 ? "above the 2% that is often called excellent"
                    : overall >= QUOTED_AVERAGE ? "above the commonly quoted average of about 0.5%"
                    : "below the commonly quoted average of about 0.5%";
            ctx.finding(1.0, "Your videos are saved " + Formats.percent(overall) + " of the time ("
                            + Formats.exact(t.saves()) + " saves from " + Formats.exact(t.views()) + " views).",
                    "That is " + compare + " (an outside benchmark from calculator sites, low confidence). "
                            + "The typical video's rate is " + Formats.percent(median) + ".", "info");
        }

        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("videos", t.videos());
        totals.put("views", t.views());
        totals.put("likes", t.likes());
        totals.put("comments", t.comments());
        totals.put("shares", t.shares());
        totals.put("saves", t.saves());
        ctx.json("totals", totals);
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("overall", overall);
        rate.put("median_per_video", median);
        rate.put("per_1000_views", perThousand);
        ctx.json("save_rate", rate);
    }
}
