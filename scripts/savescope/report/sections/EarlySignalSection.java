package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.metrics.EarlySignal;
import savescope.metrics.RankCorrelation;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;

/** Whether a video's early save rate goes with the views it gets later, on this account: an association. */
public final class EarlySignalSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int HORIZON = 28;
    static final int MIN_VIDEOS = 10;

    @Override
    public void build(ReportContext ctx) {
        ctx.markdown("## Do early saves go with later reach?\n\nTikTok's ranking is said to weigh saves. Your own "
                + "data can show whether videos saved often in their **first 48 hours** (posting day and the next, "
                + "UTC) went on to more views **from day 3 to day " + HORIZON + "**. This is an association, not a "
                + "cause: a good video earns both early saves and later views, whatever the algorithm does.");
        Map<String, Object> j = new LinkedHashMap<>();
        if (ctx.data().daily().rowCount() == 0) {
            ctx.markdown("*This needs a daily series (daily views and saves per video for its first weeks). None "
                    + "was loaded.*");
            j.put("status", "needs a daily series");
            ctx.json("early_signal", j);
            return;
        }
        EarlySignal.Result r = EarlySignal.measure(ctx.dailyIndex(), HORIZON);
        j.put("horizon_days", HORIZON);
        j.put("videos", r.points().size());
        if (r.points().size() < MIN_VIDEOS) {
            ctx.markdown("*Only " + r.points().size() + " videos have a daily series through day " + HORIZON
                    + " with early views; at least " + MIN_VIDEOS + " are needed.*");
            j.put("status", "too few videos observed through the horizon");
            ctx.json("early_signal", j);
            return;
        }
        RankCorrelation c = r.rateVsLater();
        RankCorrelation v = r.viewsVsLater();
        List<List<Cell>> rows = new ArrayList<>();
        String[] names = {"Lowest quarter", "Second quarter", "Third quarter", "Highest quarter"};
        for (int q = 0; q < r.quartiles().length; q++) {
            rows.add(List.of(Cell.plain(names[q]), VideosSection.count(Math.round(r.quartiles()[q]))));
        }
        ctx.code("""
                var signal = EarlySignal.measure(videos, daily, 28);
                signal.rateVsLater()   // Spearman, 95% Fisher-z interval (se = sqrt(1.06 / (n - 3)))""",
                new Output.Kpis(List.of(
                        new Output.Kpi("Videos", Integer.toString(c.n()), "", "observed for " + HORIZON + " days"),
                        new Output.Kpi("Spearman ρ", Formats.decimal(orNull(c.rho()), 2), "",
                                "early save rate vs later views"),
                        new Output.Kpi("95% interval", Formats.decimal(orNull(c.low()), 2) + " to "
                                + Formats.decimal(orNull(c.high()), 2), "", "Fisher z"),
                        new Output.Kpi("p-value", TrendsSection.p(c.p()), "", "two-sided"),
                        new Output.Kpi("Early views vs later views", Formats.decimal(orNull(v.rho()), 2), "",
                                "Spearman ρ, for comparison"))),
                new Output.Table(new TableView(List.of(new Column("Early save rate", false),
                        new Column("Median later views", true)), rows, rows.size(),
                        "Videos split into quarters by their first-48-hour save rate.")));
        String strength = Math.abs(c.rho()) < 0.1 ? "hardly any" : Math.abs(c.rho()) < 0.3 ? "a weak"
                : Math.abs(c.rho()) < 0.5 ? "a moderate" : "a strong";
        String dir = c.rho() >= 0 ? "more" : "fewer";
        String headline = c.excludesZero()
                ? "Videos saved more in their first 48 hours went on to " + dir + " views later (" + strength
                        + " association, ρ = " + Formats.decimal(c.rho(), 2) + ")."
                : "Early save rate shows no clear link with later views (ρ = " + Formats.decimal(orNull(c.rho()), 2)
                        + ").";
        ctx.markdown("On this account there is **" + strength + " association** (Spearman ρ = "
                + Formats.decimal(orNull(c.rho()), 2) + ", 95% interval " + Formats.decimal(orNull(c.low()), 2) + " to "
                + Formats.decimal(orNull(c.high()), 2) + ", " + c.n() + " videos) between the early save rate and the "
                + "views that came later. For comparison, early *views* and later views have ρ = "
                + Formats.decimal(orNull(v.rho()), 2) + ". Read it as \"goes with\", never as \"causes\".");
        ctx.finding(c.excludesZero() ? 1.1 : 0.5, headline, String.format(Locale.ROOT,
                "95%% interval %s to %s over %d videos with a daily series; an association on your account, not proof "
                        + "that saves bring reach.", Formats.decimal(orNull(c.low()), 2),
                Formats.decimal(orNull(c.high()), 2), c.n()), c.excludesZero() ? "moderate" : "info");
        j.put("spearman_rho", orNull(c.rho()));
        j.put("ci_low", orNull(c.low()));
        j.put("ci_high", orNull(c.high()));
        j.put("p", orNull(c.p()));
        j.put("early_views_vs_later_views_rho", orNull(v.rho()));
        j.put("median_later_views_by_early_rate_quarter", r.quartiles());
        j.put("note", "association, not cause");
        ctx.json("early_signal", j);
    }
}
