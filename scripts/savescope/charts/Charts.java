package savescope.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import savescope.cells.Output;
import savescope.cells.TableView;

/** One builder per chart the report shows, each returning the chart as an output with alt text and data. */
public final class Charts {
    /** Width and height every chart is drawn at; the page scales them to the column. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 300;

    private Charts() {}

    /**
     * Histogram of per-video save rates in bins of a round width (0.05%, 0.1%, 0.25%, …) from 0 to about
     * the 99th percentile; the last bin also holds the long tail, so a few outliers do not flatten the rest.
     *
     * @param rates per-video save rates as ratios (0.012 = 1.2%)
     * @param maxBins about how many bins to draw at most; few videos get fewer (Rice's rule, 2·n^⅓, at least 5)
     */
    public static Output.Chart saveRateHistogram(double[] rates, int maxBins) {
        int bins = Math.min(maxBins, Math.max(5, (int) Math.ceil(2 * Math.cbrt(rates.length))));
        double topPercent = 100 * (rates.length == 0 ? 0.05
                : Math.max(kthSmallest(rates.clone(), (int) Math.floor(0.99 * (rates.length - 1))), 1e-4));
        BigDecimal width = niceStep(topPercent / bins);
        int count = Math.max(1, (int) Math.ceil(topPercent / width.doubleValue()));
        long[] counts = new long[count];
        for (double r : rates) {
            // The epsilon keeps a rate on a bin edge (0.3% / 0.1 = 2.9999…) in the bin it starts.
            int bin = (int) Math.floor(100 * r / width.doubleValue() + 1e-9);
            counts[Math.max(0, Math.min(count - 1, bin))]++;
        }
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
        String alt = "Histogram of save rates across " + String.format(Locale.ROOT, "%,d", rates.length)
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

    /**
     * The k-th smallest value (0-based) of {@code a}, which it reorders: Hoare's selection, linear on average,
     * where sorting a million rates only to read one would cost n log n.
     */
    static double kthSmallest(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            // Median of three as the pivot, so sorted input does not make it quadratic.
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Double.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (Double.compare(a[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOf(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    /** The round step (1, 2, 2.5 or 5 times a power of ten) nearest above {@code raw}. */
    static BigDecimal niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * 0.999) {
                return new BigDecimal(Double.toString(m)).multiply(new BigDecimal(Double.toString(power)))
                        .stripTrailingZeros();
            }
        }
        return BigDecimal.TEN.multiply(new BigDecimal(Double.toString(power)));
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
