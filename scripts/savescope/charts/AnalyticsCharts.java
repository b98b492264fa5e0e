package savescope.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import savescope.metrics.Correlations;
import savescope.metrics.GroupComparison;
import savescope.metrics.SavesAgainstViews;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;

/** Charts of the save analytics: saves against views, save rate by group with intervals, correlation maps. */
public final class AnalyticsCharts {
    /**
     * Above this many videos the scatter plots a seeded random sample: each dot costs about 90 bytes of SVG, and
     * past a thousand or so they overlap into the same cloud anyway.
     */
    public static final int MAX_POINTS = 1_500;

    private AnalyticsCharts() {}

    /** A least-squares line of log10(saves) on log10(views): saves ≈ 10^intercept × views^slope. */
    public record LogFit(double slope, double intercept, int n) {}

    /** The fit over every video with views and saves above zero; NaN slope with fewer than two. */
    public static LogFit logLogFit(double[] views, double[] saves) {
        SavesAgainstViews.Fit fit = SavesAgainstViews.fit(views, saves);
        return new LogFit(fit.slope(), fit.intercept(), fit.n());
    }

    /**
     * Saves against views on log–log axes, with the fitted line and the quadrant lines (the median views, and
     * the line where a video's save rate equals the median rate).
     */
    public static Output.Chart savesVsViews(double[] views, double[] saves, double medianViews, double medianRate,
            long seed) {
        return savesVsViews(SavesAgainstViews.of(views, saves, MAX_POINTS, seed), medianViews, medianRate);
    }

    /** As {@link #savesVsViews(double[], double[], double, double, long)}, from the scatter's sample and extent. */
    public static Output.Chart savesVsViews(SavesAgainstViews scatter, double medianViews, double medianRate) {
        int n = scatter.placed();
        double[] x = scatter.views();
        double[] y = scatter.saves();
        double minV = scatter.minViews(), maxV = scatter.maxViews();
        double minS = scatter.minSaves(), maxS = scatter.maxSaves();
        SavesAgainstViews.Fit fit = scatter.fit();
        int plottedCount = x.length;

        XYChart chart = new XYChartBuilder().width(760).height(460).xAxisTitle("Views (log scale)")
                .yAxisTitle("Saves (log scale)").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // A formatting function would switch XChart to linear ticks; a decimal pattern keeps the log axis.
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setMarkerSize(plottedCount > 1000 ? 3 : 6);
        chart.getStyler().setPlotGridVerticalLinesVisible(true);
        if (n > 0) {
            XYSeries points = chart.addSeries("Videos", x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(new Color(0, 114, 178, plottedCount > 1000 ? 90 : 170));
            if (!Double.isNaN(fit.slope())) {
                XYSeries line = chart.addSeries(String.format(Locale.ROOT, "Fit: saves ∝ views^%.2f", fit.slope()),
                        new double[] {minV, maxV},
                        new double[] {Math.pow(10, fit.intercept()) * Math.pow(minV, fit.slope()),
                            Math.pow(10, fit.intercept()) * Math.pow(maxV, fit.slope())});
                styleLine(line, Theme.SERIES[3], false);
            }
            if (medianRate > 0) {
                XYSeries rateLine = chart.addSeries("Median save rate " + pct(medianRate),
                        new double[] {minV, maxV}, new double[] {medianRate * minV, medianRate * maxV});
                styleLine(rateLine, Theme.MUTED, true);
            }
            if (medianViews > 0) {
                XYSeries viewsLine = chart.addSeries("Median views", new double[] {medianViews, medianViews},
                        new double[] {minS, maxS});
                styleLine(viewsLine, Theme.MUTED, true);
            }
        }
        boolean sampled = plottedCount < n;
        String alt = "Scatter of saves against views on log scales for " + (sampled ? plottedCount + " of " : "")
                + n + " videos, with a fitted line" + (Double.isNaN(fit.slope()) ? "" : String.format(Locale.ROOT,
                " of slope %.2f", fit.slope())) + " and dashed lines at the median views and the median save rate.";
        String caption = "Each dot is a video. Dots above the dashed diagonal are saved more often than your typical "
                + "video; right of the dashed vertical line they also had more views than most. The solid line is "
                + "the trend: a slope below 1 means bigger videos are saved less often per view."
                + (sampled ? " A seeded random sample of " + String.format(Locale.ROOT, "%,d", plottedCount)
                        + " of " + String.format(Locale.ROOT, "%,d", n) + " videos is drawn; the line and medians use all of them." : "")
                + (n < scatter.videos() ? " Videos with zero views or zero saves cannot sit on log axes and are left out ("
                        + String.format(Locale.ROOT, "%,d", scatter.videos() - n) + ")." : "");
        List<List<Cell>> rows2 = new ArrayList<>();
        rows2.add(List.of(Cell.plain("Videos plotted"), num(plottedCount, 0)));
        rows2.add(List.of(Cell.plain("Videos with views and saves above zero"), num(n, 0)));
        rows2.add(List.of(Cell.plain("Fitted slope (log–log)"), num(fit.slope(), 3)));
        rows2.add(List.of(Cell.plain("Fitted intercept (log10 saves at 1 view)"), num(fit.intercept(), 3)));
        rows2.add(List.of(Cell.plain("Median views"), num(medianViews, 0)));
        rows2.add(List.of(Cell.plain("Median save rate"), new Cell(pct(medianRate), "", medianRate, "")));
        TableView table = new TableView(List.of(new Column("Plotted", false), new Column("Value", true)), rows2,
                rows2.size(), "");
        return Svg.output(chart, "Saves against views", alt, caption, table);
    }

    /**
     * Save rate per group as a dot with its 95% Wilson interval as a whisker; groups too small to judge are
     * drawn in grey.
     */
    public static Output.Chart saveRateByGroup(String dimensionLabel, List<GroupComparison.Group> groups) {
        int k = groups.size();
        XYChart chart = new XYChartBuilder().width(760).height(Math.max(200, 70 + 44 * k))
                .xAxisTitle("Save rate (saves per 100 views)").yAxisTitle("").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(k + 0.5);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextFontColor(Theme.INK);
        chart.getStyler().setPlotGridVerticalLinesVisible(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setMarkerSize(9);
        // The first group is drawn at the top, each named just above its dot.
        List<List<Cell>> rows = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            GroupComparison.Group group = groups.get(g);
            double yPos = k - g;
            Color colour = group.tooSmall() ? Theme.MUTED : Theme.SERIES[0];
            if (group.ci() != null) {
                XYSeries whisker = chart.addSeries("ci " + g, new double[] {100 * group.ci().low(), 100 * group.ci().high()},
                        new double[] {yPos, yPos});
                styleLine(whisker, colour, false);
            }
            XYSeries dot = chart.addSeries("rate " + g, new double[] {100 * group.saveRate()}, new double[] {yPos});
            dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dot.setMarker(SeriesMarkers.CIRCLE);
            dot.setMarkerColor(colour);
            chart.addAnnotation(new AnnotationText(group.key() + "  " + pct(group.saveRate())
                    + (group.tooSmall() ? " (too small to judge)" : ""), 100 * group.saveRate(), yPos + 0.33, false));
            rows.add(List.of(Cell.plain(group.key()), num(group.videos(), 0),
                    new Cell(pct(group.saveRate()), "", group.saveRate(), ""),
                    new Cell(group.ci() == null ? "–" : pct(group.ci().low()) + " – " + pct(group.ci().high()), "",
                            group.ci() == null ? null : group.ci().low(), ""),
                    Cell.plain(group.tooSmall() ? "too small to judge" : "")));
        }
        TableView table = new TableView(List.of(new Column(dimensionLabel, false), new Column("Videos", true),
                new Column("Save rate", true), new Column("95% interval", true), new Column("Note", false)), rows,
                rows.size(), "");
        String alt = "Dot plot of the save rate for " + k + " groups by " + dimensionLabel.toLowerCase(Locale.ROOT)
                + ", each with a horizontal 95% interval.";
        String caption = "Compare the dots; where two whiskers overlap, the difference between those groups could "
                + "be chance. Grey groups have too few videos or views to judge. The whiskers treat every view as "
                + "an independent chance to save, so they are narrower than the real uncertainty.";
        return Svg.output(chart, "Save rate by " + dimensionLabel.toLowerCase(Locale.ROOT), alt, caption, table);
    }

    /** A heat map of one correlation matrix, coefficients written in the cells, −1 blue to +1 vermillion. */
    public static Output.Chart correlationHeatMap(Correlations.Matrix full, String title) {
        // A measure with no data correlates with nothing; drawing its cells as 0 would read as "no relation".
        List<String> kept = measuresWithData(full);
        List<String> dropped = new ArrayList<>(full.names());
        dropped.removeAll(kept);
        Correlations.Correlation[][] sub = new Correlations.Correlation[kept.size()][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            for (int j = 0; j < kept.size(); j++) {
                sub[i][j] = full.get(kept.get(i), kept.get(j));
            }
        }
        Correlations.Matrix matrix = new Correlations.Matrix(full.method(), kept, sub);
        List<String> names = matrix.names().stream().map(AnalyticsCharts::measureLabel).toList();
        int m = names.size();
        List<Number[]> cells = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.plain(names.get(i)));
            for (int j = 0; j < m; j++) {
                double r = matrix.cells()[i][j].r();
                // Rows run top to bottom in the table; the heat map's y grows upwards, so flip it.
                cells.add(new Number[] {j, m - 1 - i, Double.isNaN(r) ? 0.0 : Math.round(r * 100) / 100.0});
                row.add(new Cell(Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f", r),
                        Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.6f (n = %d)", r, matrix.cells()[i][j].n()),
                        Double.isNaN(r) ? null : r, ""));
            }
            rows.add(row);
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        String svg = withEnglishNumbers(() -> {
            HeatMapChart chart = new HeatMapChartBuilder().width(560).height(460).build();
            Theme.apply(chart.getStyler());
            chart.getStyler().setShowValue(true);
            chart.getStyler().setMin(-1);
            chart.getStyler().setMax(1);
            chart.getStyler().setRangeColors(new Color[] {Theme.SERIES[0], Color.WHITE, Theme.SERIES[3]});
            chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            chart.getStyler().setValueFontColor(Theme.INK);
            chart.getStyler().setHeatMapValueDecimalPattern("0.00");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setPlotContentSize(1.0);
            chart.getStyler().setXAxisLabelRotation(30);
            chart.addSeries(matrix.method(), names, reversed, cells);
            return Svg.of(chart, title);
        });
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("", false));
        for (String name : names) {
            cols.add(new Column(name, true));
        }
        String alt = title + ": a " + m + " by " + m + " grid of " + matrix.method() + " correlations between "
                + String.join(", ", names) + ".";
        String caption = "Deep vermillion means two measures rise together, blue that one falls as the other rises, "
                + "white no relation. Read the row of the measure you care about."
                + (dropped.isEmpty() ? "" : " Left out (no data, or the same value for every video): "
                + String.join(", ", dropped.stream().map(AnalyticsCharts::measureLabel).toList()) + ".");
        return new Output.Chart(svg, title, alt, caption, new TableView(cols, rows, rows.size(), ""));
    }

    /** A measure's name as a reader says it: {@code save_rate} → "Save rate", {@code duration_s} → "Duration (s)". */
    public static String measureLabel(String name) {
        if (name.equals("duration_s")) {
            return "Duration (s)";
        }
        String words = name.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static final Object DEFAULT_LOCALE_LOCK = new Object();

    /**
     * Runs {@code draw} with the default formatting locale set to English. XChart's heat map formats its cell
     * values and legend with {@code new DecimalFormat(pattern)}, which takes the JVM's default locale and
     * ignores the styler's, so a German machine would print "0,50". The lock keeps two drawings from
     * restoring each other's locale.
     */
    static String withEnglishNumbers(java.util.function.Supplier<String> draw) {
        synchronized (DEFAULT_LOCALE_LOCK) {
            Locale before = Locale.getDefault(Locale.Category.FORMAT);
            Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
            try {
                return draw.get();
            } finally {
                Locale.setDefault(Locale.Category.FORMAT, before);
            }
        }
    }

    /** The measures with at least one defined correlation with another measure (a heat map needs two). */
    public static List<String> measuresWithData(Correlations.Matrix matrix) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < matrix.names().size(); i++) {
            boolean any = false;
            for (int j = 0; j < matrix.names().size(); j++) {
                any |= i != j && !Double.isNaN(matrix.cells()[i][j].r());
            }
            if (any) {
                kept.add(matrix.names().get(i));
            }
        }
        return kept;
    }

    private static void styleLine(XYSeries s, Color colour, boolean dashed) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(2f));
    }

    private static String pct(double ratio) {
        if (Double.isNaN(ratio)) {
            return "–";
        }
        double p = ratio * 100;
        return String.format(Locale.ROOT, Math.abs(p) >= 10 ? "%.1f%%" : "%.2f%%", p);
    }

    private static Cell num(double v, int places) {
        if (Double.isNaN(v)) {
            return new Cell("–", "", null, "");
        }
        return new Cell(String.format(Locale.ROOT, "%,." + places + "f", v), "", v, "");
    }
}
