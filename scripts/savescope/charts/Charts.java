package savescope.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import savescope.cells.Output;
import savescope.metrics.Histogram;
import savescope.cells.TableView;

/** One builder per chart the report shows, each returning the chart as an output with alt text and data. */
public final class Charts {
    /** Width and height every chart is drawn at; the page scales them to the column. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 300;

    private Charts() {}

    /**
     * Bar chart of per-video save rates binned by {@link Histogram#ofRates}, labelled in percent; the last bar
     * also holds the long tail.
     */
    public static Output.Chart saveRateHistogram(double[] rates, int maxBins) {
        return saveRateHistogram(Histogram.ofRates(rates, maxBins));
    }

    /** The chart of a histogram already binned (by {@link Histogram#ofRates} or by another engine). */
    public static Output.Chart saveRateHistogram(Histogram histogram) {
        BigDecimal width = histogram.widthPercent();
        long[] counts = histogram.counts();
        int count = counts.length;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String from = plain(width.multiply(BigDecimal.valueOf(i)));
            labels.add(i == count - 1 ? "≥" + from : from + "–" + plain(width.multiply(BigDecimal.valueOf(i + 1))));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .xAxisTitle("Save rate (% of views)").yAxisTitle("Videos").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.92);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setXAxisMaxLabelCount(8);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.addSeries("videos", labels, Arrays.stream(counts).boxed().toList());

        int peak = 0;
        for (int i = 1; i < count; i++) {
            peak = counts[i] > counts[peak] ? i : peak;
        }
        String alt = "Histogram of save rates across " + String.format(Locale.ROOT, "%,d", histogram.videos())
                + " videos in " + count + " bins of " + plain(width) + " percentage points; the tallest bar, "
                + labels.get(peak) + "%, holds " + counts[peak] + " videos.";
        List<List<TableView.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of(TableView.Cell.plain(labels.get(i) + "%"),
                    new TableView.Cell(Long.toString(counts[i]), "", (double) counts[i], "")));
        }
        TableView data = new TableView(List.of(new TableView.Column("Save rate", false),
                new TableView.Column("Videos", true)), rows, rows.size(), "");
        return Svg.output(chart, "Save rate per video", alt,
                "Look for where the tallest bars sit: that is the usual save rate. Bars far to the right are the "
                        + "videos people keep coming back to.", data);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
