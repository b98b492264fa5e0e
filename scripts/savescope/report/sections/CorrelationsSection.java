package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.Correlations;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.SaveCorrelations;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.metrics.Analytics;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/**
 * What goes together with saves: correlations of rates per view first (raw counts all grow with reach), then
 * saves with views held fixed, then the raw counts.
 */
public final class CorrelationsSection implements Section<CorrelationsSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    static final String P_METHODS = "Pearson: t-test on n - 2 df (as commons-math3 PearsonsCorrelation); Spearman: "
            + "t approximation on n - 2 df; Kendall tau-b: normal approximation with tie-corrected variance";

    static final String PARTIAL_METHOD = "Pearson partial correlation on log(1 + x), controlling for log(1 + views); "
            + "p from the t-test on n - 3 df";

    /**
     * The three views of what goes with saves; the first three components are the JSON's {@code correlations},
     * {@code rate_correlations} and {@code partial_correlations}.
     *
     * @param correlations between the raw counts and duration
     * @param rateCorrelations between the rates per view and duration
     * @param partialCorrelations of saves with each measure, views held fixed
     * @param videos how many videos there are (Kendall's tau samples above {@link Correlations#KENDALL_MAX_N})
     */
    public record Figures(Matrices correlations, Matrices rateCorrelations, Partials partialCorrelations,
            @JsonIgnore long videos) {}

    /**
     * One set of measures' correlations as nested maps, {@code a → b → value}, in the order of the measures.
     *
     * @param set the matrices these are read from (for the charts and tables)
     * @param pearson Pearson's r, null where undefined
     * @param spearman Spearman's rho
     * @param kendall Kendall's tau-b
     * @param n the videos with both measures
     * @param pValues each method's p-values
     * @param pValueMethods how the p-values are computed
     */
    public record Matrices(@JsonIgnore SaveCorrelations.Set set, Map<String, Map<String, Double>> pearson,
            Map<String, Map<String, Double>> spearman, Map<String, Map<String, Double>> kendall,
            Map<String, Map<String, Integer>> n, PValues pValues, String pValueMethods) {

        public static Matrices of(SaveCorrelations.Set set) {
            return new Matrices(set, nested(set.pearson(), Correlation::r), nested(set.spearman(), Correlation::r),
                    nested(set.kendall(), Correlation::r), nested(set.pearson(), Correlation::n),
                    new PValues(nested(set.pearson(), Correlation::p), nested(set.spearman(), Correlation::p),
                            nested(set.kendall(), Correlation::p)), P_METHODS);
        }
    }

    /** Each method's p-values, {@code a → b → p}, null where undefined. */
    public record PValues(Map<String, Map<String, Double>> pearson, Map<String, Map<String, Double>> spearman,
            Map<String, Map<String, Double>> kendall) {}

    /**
     * @param method how the partial correlations are computed
     * @param savesWith by measure, in the order of {@link SaveCorrelations#PARTIAL_WITH}
     */
    public record Partials(String method, Map<String, Correlation> savesWith) {}

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        return new Figures(Matrices.of(data.countCorrelations()), Matrices.of(data.rateCorrelations()),
                new Partials(PARTIAL_METHOD, data.savesWithViewsHeldFixed()), data.totals().videos());
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        ctx.markdown("## What goes with saves: correlations\n\n"
                + "Raw counts all grow with reach: a video shown to more people gets more views, likes, comments, "
                + "shares *and* saves, so raw counts correlate strongly with each other whatever the content. That "
                + "says little about what makes people save. This section therefore leads with **rates per view** "
                + "(save rate against like, comment and share rate, and duration), then holds views fixed, and only "
                + "then shows the raw counts.\n\n"
                + "Each coefficient comes three ways: **Pearson** (straight-line, pulled by big videos), **Spearman** "
                + "(ranks; robust to one viral video) and **Kendall's tau-b** (ranks, pairs; smaller numbers, more "
                + "cautious). p-values: " + P_METHODS + ". A correlation is not a cause."
                + (f.videos() > Correlations.KENDALL_MAX_N ? " With more than "
                        + String.format(Locale.ROOT, "%,d", Correlations.KENDALL_MAX_N) + " videos, Kendall's tau is "
                        + "computed on a seeded random sample of that many (its n says so); the others use every video."
                        : ""));
        SaveCorrelations.Set rates = f.rateCorrelations().set();
        SaveCorrelations.Set counts = f.correlations().set();
        Map<String, Correlation> partials = f.partialCorrelations().savesWith();
        ctx.markdown("### Rates per view");
        ctx.code("var rates = data.rateCorrelations();", Map.of("rates", rates), withChart(rates,
                "Spearman correlations of rates per view", new Output.Table(withSaves(rates, "save_rate"))));
        presentPartials(partials, ctx);
        ctx.markdown("### Raw counts\n\nShown for completeness. Expect the counts to correlate strongly with each other: that "
                + "is reach, not a sign that one metric drives another.");
        ctx.code("var counts = data.countCorrelations();", Map.of("counts", counts), withChart(counts,
                "Spearman correlations of raw counts", new Output.Table(withSaves(counts, "saves"))));
        findings(ctx, rates, counts, partials);
    }

    private static void presentPartials(Map<String, Correlation> partials, ReportContext ctx) {
        ctx.markdown("### Saves with views held fixed\n\nThe partial correlation of saves with each measure once "
                + "views are accounted for, on a log scale (log of 1 + count), since counts span several decades. "
                + "It asks: among videos with the same reach, do those with more likes also have more saves?");
        List<List<Cell>> rows = new ArrayList<>();
        partials.forEach((name, c) -> rows.add(List.of(Cell.plain("Saves ~ " + AnalyticsCharts.measureLabel(name)
                + " | views"), r(c), n(c), p(c))));
        ctx.code("var partials = data.savesWithViewsHeldFixed();", Map.of("partials", partials),
                new Output.Table(new TableView(List.of(new Column("Partial correlation (log scale)", false),
                        new Column("r", true), new Column("n", true), new Column("p", true)), rows, rows.size(),
                        "p from the t-test on n - 3 df.")));
    }

    private void findings(ReportContext ctx, SaveCorrelations.Set rates, SaveCorrelations.Set counts,
            Map<String, Correlation> partials) {
        Correlation reach = counts.spearman().get("views", "saves");
        if (!Double.isNaN(reach.r())) {
            Correlation likes = partials.get("likes");
            ctx.finding(0.4, String.format(Locale.ROOT, "Saves rise with views (Spearman ρ = %.2f, n = %,d), as every "
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
                ? String.format(Locale.ROOT, "Videos with a higher %s have a %s save rate (Spearman ρ = %.2f, n = %,d).",
                        what, direction, bestC.r(), bestC.n())
                : String.format(Locale.ROOT, "No clear link between save rate and the other rates or duration "
                        + "(strongest: %s, Spearman ρ = %.2f, n = %,d).", what, bestC.r(), bestC.n());
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

    /** {@code a → b → value} of one matrix, in the order of its measures; NaN becomes null. */
    static <T extends Number> Map<String, Map<String, T>> nested(Correlations.Matrix m, Function<Correlation, T> value) {
        Map<String, Map<String, T>> out = new LinkedHashMap<>();
        for (int i = 0; i < m.names().size(); i++) {
            Map<String, T> row = new LinkedHashMap<>();
            for (int j = 0; j < m.names().size(); j++) {
                T v = value.apply(m.cells()[i][j]);
                row.put(m.names().get(j), v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v);
            }
            out.put(m.names().get(i), Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(out);
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
