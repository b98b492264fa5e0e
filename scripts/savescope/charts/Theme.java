package savescope.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.style.Styler;

/**
 * The one palette and type style of every chart, mirrored from the report's CSS custom properties
 * (Okabe–Ito, safe for colour-blind readers). {@link Svg} swaps these exact colours for the CSS variables
 * of the same name, so the page's light and dark themes restyle the charts too.
 */
public final class Theme {
    /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLACK = new Color(0x000000);

    public static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK};

    /** Text, secondary text, grid lines and background, as in the light theme of styles.css. */
    public static final Color INK = new Color(0x1F2328);
    public static final Color MUTED = new Color(0x59636E);
    public static final Color GRID = new Color(0xE4E7EB);
    public static final Color BACKGROUND = new Color(0xFFFFFF);

    /** Each theme colour and the CSS custom property (in templates/styles.css) that stands for it. */
    public static final Map<Color, String> CSS_VARIABLES = cssVariables();

    private Theme() {}

    private static Map<Color, String> cssVariables() {
        Map<Color, String> m = new LinkedHashMap<>();
        m.put(BLUE, "--oi-blue");
        m.put(ORANGE, "--oi-orange");
        m.put(GREEN, "--oi-green");
        m.put(VERMILLION, "--oi-vermillion");
        m.put(SKY, "--oi-sky");
        m.put(PURPLE, "--oi-purple");
        m.put(YELLOW, "--oi-yellow");
        m.put(BLACK, "--oi-black");
        m.put(INK, "--ink");
        m.put(MUTED, "--muted");
        m.put(GRID, "--grid");
        m.put(BACKGROUND, "--bg");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Applies the house style: no border, light grid, no tick marks, readable fonts, the palette. */
    public static void apply(Styler styler) {
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBackgroundColor(BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleVisible(false);
        styler.setChartFontColor(INK);
        styler.setSeriesColors(SERIES);
        styler.setLegendBorderColor(BACKGROUND);
        styler.setLegendBackgroundColor(BACKGROUND);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            // XChart formats tick labels and dates with the JVM's default locale; a German machine would draw
            // "0,5" and "1.000". English keeps decimal points and month names the same everywhere.
            axes.setLocale(java.util.Locale.ENGLISH);
            axes.setPlotGridLinesColor(GRID);
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickLabelsColor(MUTED);
            axes.setAxisTickMarksColor(GRID);
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes.setAxisTickMarkLength(3);
            axes.setAxisTicksMarksVisible(false);
            axes.setAxisTicksLineVisible(false);
            axes.setPlotGridVerticalLinesVisible(false);
        }
    }
}
