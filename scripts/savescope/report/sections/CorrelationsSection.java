package savescope.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.Correlations;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.SaveCorrelations;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/**
 * What goes together with saves: correlations of rates per view first (raw counts all grow with reach), then
 * saves with views held fixed, then the raw counts.
 */
public final class CorrelationsSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final String P_METHODS = "Pearson: t-test on n - 2 df (as commons-math3 PearsonsCorrelation); Spearman: "
            + "t approximation on n - 2 df; Kendall tau-b: normal approximation with tie-corrected variance";

    @Override
    public void build(ReportContext ctx) {
        Table videos = ctx.videos();
        SaveCorrelations.Columns columns = new SaveCorrelations.Columns(videos);
        SaveCorrelations.Set rates = SaveCorrelations.rates(columns);
        SaveCorrelations.Set counts = SaveCorrelations.counts(columns);
        Map<String, Correlation> partials = SaveCorrelations.partialWithSaves(columns);

        ctx.markdown("## What goes with saves: correlations\n\n"
                + "Raw counts all grow with reach: a video shown to more people gets more views, likes, comments, "
                + "shares *and* saves, so raw counts correlate strongly with each other whatever the content. That "
                + "says little about what makes people save. This section therefore leads with **rates per view** "
                + "(save rate against like, comment and share rate, and duration), then holds views fixed, and only "
                + "then shows the raw counts.\n\n"
                + "Each coefficient comes three ways: **Pearson** (straight-line, pulled by big videos), **Spearman** "
                + "(ranks; robust to one viral video) and **Kendall's tau-b** (ranks, pairs; smaller numbers, more "
                + "cautious). p-values: " + P_METHODS + ". A correlation is not a cause."
                + (videos.rowCount() > Correlations.KENDALL_MAX_N ? " With more than "
                        + String.format(Locale.ROOT, "%,d", Correlations.KENDALL_MAX_N) + " videos, Kendall's tau is "
                        + "computed on a seeded random sample of that many (its n says so); the others use every video."
                        : ""));

        ctx.markdown("### Rates per view");
        ctx.code("SaveCorrelations.rates(videos)", withChart(rates, "Spearman correlations of rates per view",
                new Output.Table(withSaves(rates, "save_rate"))));

        ctx.markdown("### Saves with views held fixed\n\nThe partial correlation of saves with each measure once "
                + "views are accounted for, on a log scale (log of 1 + count), since counts span several decades. "
                + "It asks: among videos with the same reach, do those with more likes also have more saves?");
        List<List<Cell>> rows = new ArrayList<>();
        partials.forEach((name, c) -> rows.add(List.of(Cell.plain("Saves ~ " + AnalyticsCharts.measureLabel(name) + " | views"), r(c), n(c), p(c))));
        ctx.code("SaveCorrelations.partialWithSaves(videos)", new Output.Table(new TableView(List.of(
                new Column("Partial correlation (log scale)", false), new Column("r", true), new Column("n", true),
                new Column("p", true)), rows, rows.size(), "p from the t-test on n - 3 df.")));

        ctx.markdown("### Raw counts\n\nShown for completeness. Expect the counts to correlate strongly with each other: that "
                + "is reach, not a sign that one metric drives another.");
        ctx.code("SaveCorrelations.counts(videos)", withChart(counts, "Spearman correlations of raw counts",
                new Output.Table(withSaves(counts, "saves"))));

        findings(ctx, rates, counts, partials);

        ctx.json("correlations", matrices(counts));
        ctx.json("rate_correlations", matrices(rates));
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("method", "Pearson partial correlation on log(1 + x), controlling for log(1 + views); p from "
                + "the t-test on n - 3 df");
        Map<String, Object> with = new LinkedHashMap<>();
        partials.forEach((name, c) -> with.put(name, AnalyticsJson.correlation(c)));
        partial.put("saves_with", with);
        ctx.json("partial_correlations", partial);
    }

    private void findings(ReportContext ctx, SaveCorrelations.Set rates, SaveCorrelations.Set counts,
            Map<String, Correlation> partials) {
        Correlation reach = counts.spearman().get("views", "saves");
        if (!Double.isNaN(reach.r())) {
            Correlation likes = partials.get("likes");
            ctx.finding(0.4, String.format(Locale.ROOT, "Saves rise with views (Spearman ρ = %.2f, n = %d), as every "
                    + "count does.", reach.r(), reach.n()),
                    "That is reach, not content. Holding views fixed, the correlation of saves with likes is r = "
                            + (Double.isNaN(likes.r()) ? "–" : String.format(Locale.ROOT, "%.2f", likes.r()))
                            + " (log scale, p " + pText(likes.p()) + ").", "info");
        }
        String best = null;
        Correlation bestC = null;
        for (String name : rates.names()) {
            if (name.equals("save_rate")) {
                continue;
            }
            Correlation c = rates.spearman().get("save_rate", name);
            if (!Double.isNaN(c.r()) && (bestC == null || Math.abs(c.r()) > Math.abs(bestC.r()))) {
                best = name;
                bestC = c;
            }
        }
        if (bestC == null) {
            return;
        }
        String what = best.equals("duration_s") ? "duration" : best.replace('_', ' ');
        String direction = bestC.r() > 0 ? "higher" : "lower";
        boolean clear = bestC.p() < 0.05 && Math.abs(bestC.r()) >= 0.1;
        String headline = clear
                ? String.format(Locale.ROOT, "Videos with a higher %s have a %s save rate (Spearman ρ = %.2f, n = %d).",
                        what, direction, bestC.r(), bestC.n())
                : String.format(Locale.ROOT, "No clear link between save rate and the other rates or duration "
                        + "(strongest: %s, Spearman ρ = %.2f, n = %d).", what, bestC.r(), bestC.n());
        String detail = clear
                ? "p " + pText(bestC.p()) + " (t approximation), the strongest of " + (rates.names().size() - 1)
                        + " rate correlations checked. It shows what goes with saving, not what causes it."
                : "p " + pText(bestC.p()) + ": this could be chance, and it is the strongest of "
                        + (rates.names().size() - 1) + " checked.";
        ctx.finding(clear ? 0.9 : 0.3, headline, detail, clear ? (bestC.p() < 0.01 && Math.abs(bestC.r()) >= 0.3
                ? "strong" : "moderate") : "weak");
    }

    /** The Spearman heat map (when at least two measures have data) followed by the table. */
    private static Output[] withChart(SaveCorrelations.Set set, String title, Output table) {
        if (AnalyticsCharts.measuresWithData(set.spearman()).size() < 2) {
            return new Output[] {table};
        }
        return new Output[] {AnalyticsCharts.correlationHeatMap(set.spearman(), title), table};
    }

    private static TableView withSaves(SaveCorrelations.Set set, String target) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String name : set.names()) {
            if (name.equals(target)) {
                continue;
            }
            Correlation pe = set.pearson().get(target, name);
            Correlation sp = set.spearman().get(target, name);
            Correlation ke = set.kendall().get(target, name);
            rows.add(List.of(Cell.plain(AnalyticsCharts.measureLabel(target) + " ~ " + AnalyticsCharts.measureLabel(name)), r(pe), p(pe), r(sp), p(sp), r(ke), p(ke), n(sp)));
        }
        return new TableView(List.of(new Column("Pair", false), new Column("Pearson r", true), new Column("p", true),
                new Column("Spearman ρ", true), new Column("p", true), new Column("Kendall τ-b", true),
                new Column("p", true), new Column("n", true)), rows, rows.size(), "");
    }

    /** {@code pearson|spearman|kendall → a → b → r}, then {@code n} and {@code p_values} of the same shape. */
    static Map<String, Object> matrices(SaveCorrelations.Set set) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pearson", AnalyticsJson.coefficients(set.pearson()));
        m.put("spearman", AnalyticsJson.coefficients(set.spearman()));
        m.put("kendall", AnalyticsJson.coefficients(set.kendall()));
        m.put("n", AnalyticsJson.nested(set.pearson(), "n"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pearson", AnalyticsJson.nested(set.pearson(), "p"));
        p.put("spearman", AnalyticsJson.nested(set.spearman(), "p"));
        p.put("kendall", AnalyticsJson.nested(set.kendall(), "p"));
        m.put("p_values", p);
        m.put("p_value_methods", P_METHODS);
        return m;
    }

    private static Cell r(Correlation c) {
        return Double.isNaN(c.r()) ? Cell.plain("–") : new Cell(String.format(Locale.ROOT, "%.2f", c.r()),
                String.format(Locale.ROOT, "%.6f", c.r()), c.r(), "");
    }

    private static Cell p(Correlation c) {
        return Double.isNaN(c.p()) ? Cell.plain("–") : new Cell(ContentStrategySection.p(c.p()),
                String.format(Locale.ROOT, "%.3g", c.p()), c.p(), "");
    }

    private static Cell n(Correlation c) {
        return new Cell(String.format(Locale.ROOT, "%,d", c.n()), "", (double) c.n(), "");
    }

    private static String pText(double p) {
        return Double.isNaN(p) ? "unknown" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
