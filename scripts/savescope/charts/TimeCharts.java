package savescope.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import savescope.metrics.AudienceContext;
import savescope.metrics.Experiment;
import savescope.metrics.Trends;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;

/** Charts of saves over time and in context; each returns its SVG with alt text, a caption and the plotted numbers. */
public final class TimeCharts {
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private TimeCharts() {}

    /** Weekly save rate as dots with the rolling median as a line. */
    public static Output.Chart weeklyRate(List<Trends.Period> weeks, int window) {
        XYChart chart = new XYChartBuilder().width(760).height(300).xAxisTitle("Posting week")
                .yAxisTitle("Save rate (%)").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setDatePattern("MMM yy");
        chart.getStyler().setLocale(Locale.ENGLISH);
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        List<Date> x = weeks.stream().map(w -> Date.from(w.start().atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
        XYSeries dots = chart.addSeries("weekly save rate", x, weeks.stream().map(w -> 100 * w.rate()).toList());
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        XYSeries line = chart.addSeries("rolling median (" + window + " weeks)", x,
                weeks.stream().map(w -> 100 * w.rollingMedian()).toList());
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(new BasicStroke(2.2f));
        List<List<Cell>> rows = new ArrayList<>();
        for (Trends.Period w : weeks) {
            rows.add(List.of(Cell.plain(w.start().toString()), num(w.videos()), count(w.saves()), rate(w.rate()),
                    rate(w.rollingMedian())));
        }
        TableView data = new TableView(List.of(new Column("Week from", false), new Column("Videos", true),
                new Column("Saves", true), new Column("Save rate", true), new Column("Rolling median", true)),
                rows, rows.size(), "");
        return Svg.output(chart, "Weekly save rate", "Save rate of the videos posted each week, "
                + weeks.size() + " weeks, as dots, with a " + window + "-week rolling median as a line.",
                "Follow the line, not the dots: single weeks jump with one or two videos. A line that climbs or falls "
                        + "steadily is a trend; the test below says whether it is more than chance.", data);
    }

    /** The channel's daily video views from the Studio Overview export, as a line. */
    public static Output.Chart channelViews(List<java.time.LocalDate> days, List<Long> views) {
        XYChart chart = new XYChartBuilder().width(760).height(240).xAxisTitle("Day")
                .yAxisTitle("Video views").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDatePattern("d MMM yy");
        chart.getStyler().setLocale(Locale.ENGLISH);
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        List<Date> x = days.stream().map(d -> Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
        XYSeries s = chart.addSeries("video views", x, views.stream().map(Long::doubleValue).toList());
        s.setMarker(days.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(1.8f));
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            rows.add(List.of(Cell.plain(days.get(i).toString()), count(views.get(i))));
        }
        return Svg.output(chart, "Daily video views of the channel", "Line chart of the channel's video "
                + "views per day, " + days.size() + " days, from the Studio Overview export.",
                "Look for lasting steps rather than single spikes: a spike is usually one video taking off, a step a "
                        + "change in how often you are shown. The last day may be partial.",
                new TableView(List.of(new Column("Day", false), new Column("Video views", true)), rows, rows.size(), ""));
    }

    /** Saves per posting week (the saves the week's videos earned so far). */
    public static Output.Chart weeklySaves(List<Trends.Period> weeks) {
        XYChart chart = new XYChartBuilder().width(760).height(240).xAxisTitle("Posting week")
                .yAxisTitle("Saves").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDatePattern("MMM yy");
        chart.getStyler().setLocale(Locale.ENGLISH);
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        List<Date> x = weeks.stream().map(w -> Date.from(w.start().atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
        XYSeries s = chart.addSeries("saves", x, weeks.stream().map(w -> (double) w.saves()).toList());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        List<List<Cell>> rows = new ArrayList<>();
        for (Trends.Period w : weeks) {
            rows.add(List.of(Cell.plain(w.start().toString()), num(w.videos()), count(w.views()), count(w.saves())));
        }
        return Svg.output(chart, "Saves per posting week", "Area chart of the saves earned by the "
                + "videos of each posting week, " + weeks.size() + " weeks.",
                "Tall peaks are weeks with a video that was saved a lot; recent weeks are lower partly because their "
                        + "videos have had less time to collect saves.",
                new TableView(List.of(new Column("Week from", false), new Column("Videos", true),
                        new Column("Views", true), new Column("Saves", true)), rows, rows.size(), ""));
    }

    /**
     * Cumulative share of saves by day since posting: all videos, and evergreen ones against the rest when
     * both curves are given (non-empty).
     */
    public static Output.Chart accumulation(double[] all, double[] evergreen, double[] others, int videos) {
        XYChart chart = new XYChartBuilder().width(760).height(300).xAxisTitle("Days since posting (posting day = 1)")
                .yAxisTitle("Share of saves so far (%)").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        addCurve(chart, "all videos", all);
        if (evergreen.length > 0 && others.length > 0) {
            addCurve(chart, "evergreen videos", evergreen);
            addCurve(chart, "other videos", others);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int d = 0; d < all.length; d++) {
            rows.add(List.of(num(d + 1), rate(all[d]), evergreen.length > d ? rate(evergreen[d]) : Cell.plain(""),
                    others.length > d ? rate(others[d]) : Cell.plain("")));
        }
        return Svg.output(chart, "How saves accumulate after posting", "Lines of the cumulative share of "
                + "saves by day since posting over " + all.length + " days, pooled over " + videos + " videos.",
                "Where a line reaches 50% is when half of the saves had come. A line that keeps rising after day 7 "
                        + "belongs to videos people keep finding and saving.",
                new TableView(List.of(new Column("Day", true), new Column("All", true), new Column("Evergreen", true),
                        new Column("Others", true)), rows, rows.size(), ""));
    }

    private static void addCurve(XYChart chart, String name, double[] share) {
        double[] x = new double[share.length];
        double[] y = new double[share.length];
        for (int d = 0; d < share.length; d++) {
            x[d] = d + 1;
            y[d] = 100 * share[d];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2f));
    }

    /**
     * Save rate by posting weekday and hour band as a grid of shaded cells (drawn directly as SVG: XChart's heat
     * map leaves no room to blank out thin cells); cells with fewer than {@code minVideos} videos are left blank.
     */
    public static Output.Chart postingHeatMap(List<AudienceContext.PostingCell> cells, int bandHours, int minVideos) {
        int bands = 24 / bandHours;
        int left = 70;
        int top = 16;
        int cellW = 100;
        int cellH = 34;
        int width = left + bands * cellW + 20;
        int height = top + 7 * cellH + 50;
        double max = cells.stream().filter(c -> c.videos() >= minVideos).mapToDouble(AudienceContext.PostingCell::rate)
                .max().orElse(0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Save rate by posting weekday and time\">")
                .append("<title>Save rate by posting weekday and time</title>")
                .append("<g font-family=\"sans-serif\" font-size=\"12\">");
        for (int d = 0; d < 7; d++) {
            svg.append(text(left - 8, top + d * cellH + cellH / 2 + 4, "end", WEEKDAYS[d], Theme.MUTED));
        }
        for (int b = 0; b < bands; b++) {
            svg.append(text(left + b * cellW + cellW / 2, top + 7 * cellH + 16, "middle",
                    AudienceContext.hour(b * bandHours) + "–" + AudienceContext.hour((b + 1) * bandHours % 24), Theme.MUTED));
        }
        svg.append(text(left + bands * cellW / 2, top + 7 * cellH + 38, "middle", "Posting time (UTC)", Theme.INK));
        List<List<Cell>> rows = new ArrayList<>();
        int hidden = 0;
        for (AudienceContext.PostingCell c : cells) {
            int x = left + c.band() / bandHours * cellW;
            int y = top + (c.weekday() - 1) * cellH;
            if (c.videos() < minVideos) {
                hidden++;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                        + "stroke=\"%s\"/>", x + 1, y + 1, cellW - 2, cellH - 2, hex(Theme.GRID)));
                continue;
            }
            double t = max == 0 ? 0 : c.rate() / max;
            Color fill = mix(new Color(0xF2F7FB), Theme.SERIES[0], t);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                    x + 1, y + 1, cellW - 2, cellH - 2, hex(fill)));
            svg.append(text(x + cellW / 2, y + cellH / 2 + 4, "middle", String.format(Locale.ROOT, "%.2f%% (%d)",
                    100 * c.rate(), c.videos()), t > 0.55 ? Color.WHITE : Theme.INK));
            rows.add(List.of(Cell.plain(WEEKDAYS[c.weekday() - 1]), Cell.plain(AudienceContext.hour(c.band()) + "–"
                    + AudienceContext.hour((c.band() + bandHours) % 24)), num(c.videos()), rate(c.rate())));
        }
        svg.append("</g></svg>");
        String note = hidden == 0 ? "" : hidden + " weekday-and-time slots with fewer than " + minVideos
                + " videos are left blank.";
        return new Output.Chart(svg.toString(), "Save rate by posting weekday and time", "Grid of save rate by posting weekday (rows) and " + bandHours
                + "-hour band (columns); " + rows.size() + " slots shown, each with its number of videos in brackets.",
                "Darker cells are slots whose videos were saved more often. Slots hold few videos each, so treat a "
                        + "single dark cell as a lead to test, not a rule." + (note.isEmpty() ? "" : " " + note),
                new TableView(List.of(new Column("Weekday", false), new Column("Time (UTC)", false),
                        new Column("Videos", true), new Column("Save rate", true)), rows, rows.size(), note));
    }

    private static String text(int x, int y, String anchor, String s, Color color) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>", x, y,
                anchor, hex(color), Svg.escape(s));
    }

    private static Color mix(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Each variant's save rate with its 95% bootstrap interval as a whisker. */
    public static Output.Chart experiment(List<String> names, double[] rates, double[] lows, double[] highs, int[] videos) {
        XYChart chart = new XYChartBuilder().width(760).height(280).xAxisTitle("Variants, left to right as in the legend")
                .yAxisTitle("Save rate (%)").build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(names.size() + 0.5);
        chart.getStyler().setXAxisTicksVisible(false);
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            XYSeries whisker = chart.addSeries("interval " + (i + 1), new double[] {i + 1, i + 1},
                    new double[] {100 * lows[i], 100 * highs[i]});
            whisker.setMarker(SeriesMarkers.NONE);
            whisker.setLineStyle(new BasicStroke(2f));
            whisker.setLineColor(Theme.SERIES[i % Theme.SERIES.length]);
            whisker.setShowInLegend(false);
            XYSeries point = chart.addSeries(names.get(i), new double[] {i + 1}, new double[] {100 * rates[i]});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(Theme.SERIES[i % Theme.SERIES.length]);
            rows.add(List.of(Cell.plain(names.get(i)), num(videos[i]), rate(rates[i]), rate(lows[i]), rate(highs[i])));
        }
        return Svg.output(chart, "Save rate by variant", "Save rate of each variant (" + String.join(", ",
                names) + ") with its 95% bootstrap interval.",
                "Compare the diamonds, then the whiskers: whiskers that overlap a lot mean the test cannot tell the "
                        + "variants apart yet.",
                new TableView(List.of(new Column("Variant", false), new Column("Videos", true),
                        new Column("Save rate", true), new Column("95% low", true), new Column("95% high", true)),
                        rows, rows.size(), "Intervals from " + Experiment.BOOTSTRAP
                                + " resamples of the videos (seeded)."));
    }

    static Cell num(long n) {
        return new Cell(Long.toString(n), "", (double) n, "");
    }

    static Cell count(long n) {
        return new Cell(Formats.compact(n), Formats.exact(n), (double) n, "");
    }

    static Cell rate(double r) {
        return Double.isNaN(r) ? Cell.plain("–") : new Cell(Formats.percent(r), Formats.percentExact(r), r, "");
    }
}
