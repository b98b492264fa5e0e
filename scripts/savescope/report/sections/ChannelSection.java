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
import savescope.metrics.Period;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** The channel's daily totals from the Studio Overview export, week by week: what there is with or without saves. */
public final class ChannelSection implements Section<ChannelSection.Figures> {
    /** The labels of {@link ChannelWeeks#MEASURES}, in the same order. */
    private static final List<String> LABELS = List.of("Video views", "Profile views", "Likes", "Comments", "Shares",
            "New followers");

    /**
     * @param channel the JSON's {@code channel} entry, or null (no entry) without a dated Studio Overview export
     * @param periodChannel the JSON's {@code period_channel}: the sums over {@code --period} and its comparison, or
     *     null (no entry) without {@code --period} or without an Overview day in either
     */
    public record Figures(@JsonInclude(JsonInclude.Include.NON_NULL) Channel channel,
            @JsonInclude(JsonInclude.Include.NON_NULL) PeriodChannel periodChannel) {}

    /**
     * Each Overview measure summed over the days of the period and of its comparison that the export has.
     *
     * @param days days of the period in the export (Studio's last days may be missing)
     * @param daysComparison days of the comparison in the export
     * @param totals each of {@link ChannelWeeks#MEASURES} over the period, null where the export lacks it
     * @param totalsComparison the same over the comparison
     */
    public record PeriodChannel(PeriodView.Span period, PeriodView.Span comparison, long days, long daysComparison,
            Map<String, Long> totals, Map<String, Long> totalsComparison) {

        /** The sums of both periods; null when the export has no day in either. */
        public static PeriodChannel of(Analytics data, Period period, Period comparison) {
            ChannelWeeks a = data.channelWeeksIn(period);
            ChannelWeeks b = data.channelWeeksIn(comparison);
            if (a == null && b == null) {
                return null;
            }
            return new PeriodChannel(PeriodView.Span.of(period), PeriodView.Span.of(comparison), days(a), days(b),
                    sums(a), sums(b));
        }

        private static long days(ChannelWeeks w) {
            return w == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(w.first(), w.last()) + 1;
        }

        private static Map<String, Long> sums(ChannelWeeks w) {
            Map<String, Long> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ChannelWeeks.MEASURES.size(); i++) {
                m.put(ChannelWeeks.MEASURES.get(i), w == null ? null : w.totals().get(i));
            }
            return m;
        }
    }

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
        Channel channel = Channel.of(data.channelWeeks());
        PeriodView.Periods p = channel == null ? null : PeriodView.of(data, options);
        return new Figures(channel, p == null ? null : PeriodChannel.of(data, p.period(), p.comparison()));
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
        if (f.periodChannel() != null) {
            presentPeriod(f.periodChannel(), ctx);
        }
    }

    /**
     * The period's sums against the comparison's. When the export holds fewer days of one (Studio's last days come
     * late), the change is per day, so missing days do not pass for a fall.
     */
    private static void presentPeriod(PeriodChannel p, ReportContext ctx) {
        ctx.markdown("### " + capital(p.period().label()) + " against " + p.comparison().label() + "\n\nThe whole "
                + "account's sums over the days of each period that the export has: " + p.days() + " of "
                + PeriodView.dayCount(p.period()) + " in " + PeriodView.words(p.period()) + ", " + p.daysComparison()
                + " of " + PeriodView.dayCount(p.comparison()) + " in " + PeriodView.words(p.comparison()) + "."
                + (p.days() == p.daysComparison() ? "" : " With unequal days, each change compares the sums per day."));
        List<Output.Kpi> kpis = new ArrayList<>();
        for (int m = 0; m < LABELS.size(); m++) {
            Long now = p.totals().get(ChannelWeeks.MEASURES.get(m));
            Long before = p.totalsComparison().get(ChannelWeeks.MEASURES.get(m));
            if (now == null && before == null) {
                continue;
            }
            kpis.add(new Output.Kpi(LABELS.get(m), Formats.compact(now), now == null ? "" : Formats.exact(now),
                    "over " + p.days() + (p.days() == 1 ? " day" : " days"), p.days() == p.daysComparison()
                            ? PeriodView.counts(now, before) : perDay(now, p.days(), before, p.daysComparison())));
        }
        ctx.code(PeriodView.java(ctx.options()) + "\nvar channelInPeriod = ChannelSection.PeriodChannel.of(data, period, "
                + "comparison);", Map.of("channelInPeriod", p), new Output.Kpis(kpis));
    }

    /** A sum against another over a different number of days: the change of the daily means. */
    private static Output.Change perDay(Long now, long days, Long before, long daysBefore) {
        String vs = "vs " + Formats.compact(before) + " over " + daysBefore + " days";
        if (now == null || before == null || days == 0 || daysBefore == 0 || before == 0) {
            return new Output.Change(vs, before == null ? "" : Formats.exact(before), "", "flat", "", "");
        }
        double change = ((double) now / days) / ((double) before / daysBefore) - 1;
        return new Output.Change(vs, Formats.exact(before), PeriodView.percent(change) + " a day",
                change > 0 ? "up" : change < 0 ? "down" : "flat", "", "");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
