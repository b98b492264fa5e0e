package savescope.report.sections;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import savescope.charts.TimeCharts;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** The channel's daily totals from the Studio Overview export, week by week: what there is with or without saves. */
public final class ChannelSection implements LegacySection {
    /** Overview columns in the order shown, with their labels. */
    private static final List<String[]> MEASURES = List.of(new String[] {"video_views", "Video views"},
            new String[] {"profile_views", "Profile views"}, new String[] {"likes", "Likes"},
            new String[] {"comments", "Comments"}, new String[] {"shares", "Shares"},
            new String[] {"new_followers", "New followers"});

    @Override
    public void build(ReportContext ctx) {
        Optional<Table> overview = ctx.data().channelTable("Overview");
        if (overview.isEmpty() || overview.get().rowCount() == 0) {
            return;
        }
        Table t = overview.get();
        List<String[]> present = MEASURES.stream().filter(m -> t.containsColumn(m[0])).toList();
        DateColumn dates = t.dateColumn("date");
        LocalDate first = null;
        LocalDate last = null;
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        TreeMap<LocalDate, Long> dailyViews = new TreeMap<>();
        LongColumn videoViews = t.containsColumn("video_views") ? t.longColumn("video_views") : null;
        long[] totals = new long[present.size()];
        for (int r = 0; r < t.rowCount(); r++) {
            if (dates.isMissing(r)) {
                continue;
            }
            LocalDate d = dates.get(r);
            if (videoViews != null && !videoViews.isMissing(r)) {
                dailyViews.merge(d, videoViews.getLong(r), Long::sum);
            }
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            long[] week = weeks.computeIfAbsent(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> new long[present.size()]);
            for (int m = 0; m < present.size(); m++) {
                LongColumn c = t.longColumn(present.get(m)[0]);
                if (!c.isMissing(r)) {
                    week[m] += c.getLong(r);
                    totals[m] += c.getLong(r);
                }
            }
        }
        if (first == null) {
            return;
        }
        ctx.markdown("## Channel over time\n\n**Channel level**, from TikTok Studio's Overview export: the whole "
                + "account's daily views, likes, comments and shares (and new followers where the export has them), "
                + "including videos not in the per-video files. Studio's Overview has no saves. " + day(first) + " to "
                + day(last) + "; Studio's last day may be partial.");
        List<Output.Kpi> kpis = new ArrayList<>();
        for (int m = 0; m < present.size(); m++) {
            kpis.add(new Output.Kpi(present.get(m)[1], Formats.compact(totals[m]), Formats.exact(totals[m]),
                    "over " + weeks.size() + (weeks.size() == 1 ? " week" : " weeks")));
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("Week from", false)));
        present.forEach(m -> columns.add(new Column(m[1], true)));
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> js = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> w : weeks.entrySet()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.plain(day(w.getKey()))));
            Map<String, Object> jw = new LinkedHashMap<>();
            jw.put("week_from", w.getKey().toString());
            for (int m = 0; m < present.size(); m++) {
                row.add(VideosSection.count(w.getValue()[m]));
                jw.put(present.get(m)[0], w.getValue()[m]);
            }
            rows.add(row);
            js.add(jw);
        }
        if (dailyViews.size() >= 2) {
            ctx.code("TimeCharts.channelViews(overview.dateColumn(\"date\"), overview.longColumn(\"video_views\"))",
                    TimeCharts.channelViews(new ArrayList<>(dailyViews.keySet()),
                            new ArrayList<>(dailyViews.values())));
        }
        ctx.code("overview.groupBy(week(date)).sum(videoViews, profileViews, likes, comments, shares)",
                new Output.Kpis(kpis), new Output.Table(new TableView(columns, rows, rows.size(),
                        "Weeks start on Monday; the first and last week may hold fewer than seven days.")));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("first_date", first.toString());
        j.put("last_date", last.toString());
        j.put("weekly", js);
        ctx.json("channel", j);
    }

    private static String day(LocalDate d) {
        return d.toString();
    }
}
