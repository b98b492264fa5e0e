package savescope.charts;

import java.util.Arrays;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import savescope.notebook.Output;

/** One builder per chart the report shows, each returning the chart as an output with alt text. */
public final class Charts {
    private Charts() {}

    /**
     * Histogram of per-video save rates, in percent, with {@code bins} equal-width bins from 0 to the 99th
     * percentile (the long tail is folded into the last bin so a few outliers do not flatten the rest).
     */
    public static Output.Chart saveRateHistogram(double[] rates, int bins) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double top = sorted.length == 0 ? 0.05 : Math.max(sorted[(int) Math.floor(0.99 * (sorted.length - 1))], 1e-4);
        double width = top / bins;
        double[] counts = new double[bins];
        for (double r : rates) {
            counts[Math.min(bins - 1, (int) Math.floor(r / width))]++;
        }
        String[] labels = new String[bins];
        for (int i = 0; i < bins; i++) {
            labels[i] = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (i + 0.5) * width);
        }
        CategoryChart chart = new CategoryChartBuilder().width(760).height(300)
                .xAxisTitle("Save rate (saves per 100 views), bin centre").yAxisTitle("Videos").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.96);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisMaxLabelCount(10);
        chart.addSeries("videos", Arrays.asList(labels), Arrays.stream(counts).boxed().toList());
        String alt = "Histogram of save rates across " + rates.length + " videos, from 0% to "
                + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * top) + " in " + bins + " bins.";
        return new Output.Chart(Svg.of(chart, "Save rate per video"), alt,
                "Most videos sit in the tallest bars; a long right tail means a few videos are saved far more often "
                        + "than the rest.", null);
    }
}
