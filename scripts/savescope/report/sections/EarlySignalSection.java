package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.metrics.EarlySignal;
import savescope.metrics.RankCorrelation;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** Whether a video's early save rate goes with the views it gets later, on this account: an association. */
public final class EarlySignalSection implements Section<EarlySignalSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final int HORIZON = 28;
    static final int MIN_VIDEOS = 10;

    /** @param earlySignal the JSON's {@code early_signal} entry */
    public record Figures(Signal earlySignal) {}

    /**
     * Early save rate against later views ({@link EarlySignal.Summary}); the keys a case lacks are left out.
     *
     * @param horizonDays days since posting covered, or null without a daily series
     * @param videos videos observed through the horizon with early views, or null without a daily series
     * @param status what is missing (no daily series; fewer than {@link #MIN_VIDEOS} videos), or null
     * @param spearmanRho Spearman's rho of early save rate and later views (NaN, written null, when undefined)
     * @param ciLow low end of its 95% Fisher-z interval
     * @param ciHigh high end of that interval
     * @param p its two-sided p-value
     * @param earlyViewsVsLaterViewsRho Spearman's rho of early and later views, for comparison
     * @param medianLaterViewsByEarlyRateQuarter median later views in each quarter of early save rate, lowest first
     * @param note how to read it
     * @param signal what these come from, or null without a daily series
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(Integer horizonDays, Integer videos, String status, Double spearmanRho, Double ciLow,
            Double ciHigh, Double p, Double earlyViewsVsLaterViewsRho, double[] medianLaterViewsByEarlyRateQuarter,
            String note, @JsonIgnore EarlySignal.Summary signal) {

        static Signal of(EarlySignal.Summary s) {
            if (s.videos() < MIN_VIDEOS) {
                return new Signal(s.horizon(), s.videos(), "too few videos observed through the horizon", null, null,
                        null, null, null, null, null, s);
            }
            RankCorrelation c = s.rateVsLater();
            return new Signal(s.horizon(), s.videos(), null, c.rho(), c.low(), c.high(), c.p(), s.viewsVsLater().rho(),
                    s.quartiles(), "association, not cause", s);
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        if (!data.hasDailySeries()) {
            return new Figures(new Signal(null, null, "needs a daily series", null, null, null, null, null, null, null,
                    null));
        }
        return new Figures(Signal.of(data.earlySignal(HORIZON)));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        ctx.markdown("## Do early saves go with later reach?\n\nTikTok's ranking is said to weigh saves. Your own "
                + "data can show whether videos saved often in their **first 48 hours** (posting day and the next, "
                + "UTC) went on to more views **from day 3 to day " + HORIZON + "**. This is an association, not a "
                + "cause: a good video earns both early saves and later views, whatever the algorithm does.");
        EarlySignal.Summary s = f.earlySignal().signal();
        if (s == null) {
            ctx.markdown("*This needs a daily series (daily views and saves per video for its first weeks). None "
                    + "was loaded.*");
            return;
        }
        if (s.videos() < MIN_VIDEOS) {
            ctx.markdown("*Only " + s.videos() + " videos have a daily series through day " + HORIZON
                    + " with early views; at least " + MIN_VIDEOS + " are needed.*");
            return;
        }
        presentAssociation(s, ctx);
        presentReading(s.rateVsLater(), s.viewsVsLater(), ctx);
    }

    private static void presentAssociation(EarlySignal.Summary s, ReportContext ctx) {
        RankCorrelation c = s.rateVsLater();
        RankCorrelation v = s.viewsVsLater();
        List<List<Cell>> rows = new ArrayList<>();
        String[] names = {"Lowest quarter", "Second quarter", "Third quarter", "Highest quarter"};
        for (int q = 0; q < s.quartiles().length; q++) {
            rows.add(List.of(Cell.plain(names[q]), VideosSection.count(Math.round(s.quartiles()[q]))));
        }
        ctx.code("""
                var signal = data.earlySignal(28);
                signal.rateVsLater()   // Spearman, 95% Fisher-z interval (se = sqrt(1.06 / (n - 3)))""",
                Map.of("signal", s, "$", c),
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
    }

    private static void presentReading(RankCorrelation c, RankCorrelation v, ReportContext ctx) {
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
    }
}
