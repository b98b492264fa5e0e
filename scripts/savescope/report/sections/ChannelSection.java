package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.cells.Formats;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.charts.TimeCharts;
import savescope.metrics.Analytics;
import savescope.metrics.ChannelWeeks;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** The channel's daily totals from the Studio Overview export, week by week: what there is with or without saves. */
public final class ChannelSection implements Section<ChannelSection.Figures> {
    /** The labels of {@link ChannelWeeks#MEASURES}, in the same order. */
    private static final List<String> LABELS = List.of("Video views", "Profile views", "Likes", "Comments", "Shares",
            "New followers");

    /** @param channel the JSON's {@code channel} entry, or null (no entry) without a dated Studio Overview export */
    public record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) Channel channel) {}

    /**
     * The channel's weeks.
     *
     * @param firstDate the first day of the export, ISO
     * @param lastDate the last day (may be partial), ISO
     * @param weekly the sums of each week, Monday first
     * @param totals each measure over every day, in the order of {@link ChannelWeeks#MEASURES}; null for one the
     *     export lacks
     * @param days the days with a video views count
     * @param dailyVideoViews video views on each of those days
     */
    public record Channel(String firstDate, String lastDate, List<Week> weekly, @JsonIgnore List<Long> totals,
            @JsonIgnore List<LocalDate> days, @JsonIgnore List<Long> dailyVideoViews) {

        /** The channel's weeks as the report lists them; null for null (no Overview export). */
        public static Channel of(ChannelWeeks w) {
            return w == null ? null : new Channel(w.first().toString(), w.last().toString(),
                    w.weeks().stream().map(Week::of).toList(), w.totals(), w.days(), w.dailyVideoViews());
        }
    }

    /** One week's sums, a measure the export lacks left out; see {@link ChannelWeeks.Week}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Week(String weekFrom, Long videoViews, Long profileViews, Long likes, Long comments, Long shares,
            Long newFollowers) {
        static Week of(ChannelWeeks.Week w) {
            return new Week(w.from().toString(), w.videoViews(), w.profileViews(), w.likes(), w.comments(), w.shares(),
                    w.newFollowers());
        }

        /** The sums in the order of {@link ChannelWeeks#MEASURES}. */
        List<Long> sums() {
            return java.util.Arrays.asList(videoViews, profileViews, likes, comments, shares, newFollowers);
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        return new Figures(Channel.of(data.channelWeeks()));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        Channel c = f.channel();
        if (c == null) {
            return;
        }
        ctx.markdown("## Channel over time\n\n**Channel level**, from TikTok Studio's Overview export: the whole "
                + "account's daily views, likes, comments and shares (and new followers where the export has them), "
                + "including videos not in the per-video files. Studio's Overview has no saves. " + c.firstDate()
                + " to " + c.lastDate() + "; Studio's last day may be partial.");
        String declare = "var channel = ChannelSection.Channel.of(data.channelWeeks());   // Studio Overview\n";
        if (c.days().size() >= 2) {
            Output.Chart chart = TimeCharts.channelViews(c.days(), c.dailyVideoViews());
            ctx.code(declare + "TimeCharts.channelViews(channel.days(), channel.dailyVideoViews())",
                    Map.of("channel", c, "$", chart), chart);
            declare = "";
        }
        presentWeeks(c, declare, ctx);
    }

    /** The totals as KPI cards and the weeks as a table; {@code declare} is the Java that declares the channel. */
    private static void presentWeeks(Channel c, String declare, ReportContext ctx) {
        List<Integer> present = new ArrayList<>();
        for (int m = 0; m < LABELS.size(); m++) {
            if (c.totals().get(m) != null) {
                present.add(m);
            }
        }
        int weeks = c.weekly().size();
        List<Output.Kpi> kpis = new ArrayList<>();
        List<Column> columns = new ArrayList<>(List.of(new Column("Week from", false)));
        for (int m : present) {
            long total = c.totals().get(m);
            kpis.add(new Output.Kpi(LABELS.get(m), Formats.compact(total), Formats.exact(total),
                    "over " + weeks + (weeks == 1 ? " week" : " weeks")));
            columns.add(new Column(LABELS.get(m), true));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Week w : c.weekly()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.plain(w.weekFrom())));
            for (int m : present) {
                row.add(VideosSection.count(w.sums().get(m)));
            }
            rows.add(row);
        }
        Map<String, Object> shows = new java.util.HashMap<>(Map.of("totals", c.totals(), "weeks", c.weekly()));
        if (!declare.isEmpty()) {
            shows.put("channel", c);
        }
        ctx.code(declare + """
                var totals = channel.totals();   // each measure over every day; null where the export lacks it
                var weeks = channel.weekly();    // weeks start on Monday""", shows,
                new Output.Kpis(kpis), new Output.Table(new TableView(columns, rows, rows.size(),
                        "Weeks start on Monday; the first and last week may hold fewer than seven days.")));
    }
}
