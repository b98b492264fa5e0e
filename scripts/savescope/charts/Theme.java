package savescope.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.Styler;

/**
 * The one palette and type style of every chart, mirrored from the report's CSS custom properties
 * (Okabe–Ito, safe for colour-blind readers).
 */
public final class Theme {
    /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    public static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x000000)
    };

    public static final Color INK = new Color(0x1F2328);
    public static final Color MUTED = new Color(0x59636E);
    public static final Color GRID = new Color(0xE4E7EB);

    private Theme() {}

    /** Applies the house style: no border, light grid, readable fonts, the palette. */
    public static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleVisible(false);
        styler.setChartFontColor(INK);
        styler.setSeriesColors(SERIES);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setPlotGridLinesColor(GRID);
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickLabelsColor(MUTED);
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes.setAxisTickMarkLength(3);
            axes.setAxisTicksLineVisible(false);
            axes.setPlotGridVerticalLinesVisible(false);
        }
    }
}
