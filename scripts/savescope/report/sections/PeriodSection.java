package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.cells.Formats;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.metrics.Experiment;
import savescope.metrics.Period;
import savescope.metrics.PeriodComparison;
import savescope.metrics.Analytics;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/**
 * {@code --period} against {@code --vs}: the videos posted in each period and the saves gained in each, with the
 * change and whether it could be chance. Writes nothing (no cells, no JSON key) when no period is asked for.
 */
public final class PeriodSection implements Section<PeriodSection.Figures> {

    /**
     * @param periodComparison the JSON's {@code period_comparison}, or null (no key) without {@code --period}
     * @param comparison the numbers behind it, for the page
     * @param anchor the last day the data covers, from which the periods are counted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(Map<String, Object> periodComparison, @JsonIgnore PeriodComparison comparison,
            @JsonIgnore LocalDate anchor) {}

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        if (options.period() == null) {
            return new Figures(null, null, null);
        }
        LocalDate anchor = data.lastDataDay();
        if (anchor == null) {
            return new Figures(null, null, null);
        }
        Period period = Period.parse(options.period(), anchor);
        PeriodComparison c = data.periodComparison(period, period.comparison(options.vs()));
        return new Figures(json(c, anchor), c, anchor);
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        if (ctx.options().period() == null) {
            return;
        }
        if (f.comparison() == null) {
            ctx.markdown("## This period against the last\n\nNo video has a posting time and there is no daily series "
                    + "or snapshot, so no period can be told apart.");
            return;
        }
        present(f.comparison(), f.anchor(), ctx);
    }

    private static void present(PeriodComparison c, LocalDate anchor, ReportContext ctx) {
        String now = c.period().label() + " (" + c.period().dates() + ")";
        String before = c.comparison().label() + " (" + c.comparison().dates() + ")";
        ctx.markdown("## This period against the last\n\n**" + cap(now) + "** against **" + before + "**, counted back "
                + "from " + day(anchor) + ", the last day the data covers. Two views: the videos *posted* in each period "
                + "(their counts as of the latest export), and the saves *gained* in each period by every video, "
                + "whenever it was posted.");
        PeriodComparison.Posted a = c.now();
        PeriodComparison.Posted b = c.before();
        Experiment.Comparison r = c.judged();
        ctx.markdown("### Videos posted in the period" + (ctx.hasSaves() ? "\n\nTheir key numbers are also the first "
                + "cards under *Saves at a glance*; by content type, hashtag, duration, weekday and hour (and by "
                + "account) they follow each group table, with the interval of each change." : ""));
        ctx.code(java(ctx), postedShows(c), new Output.Table(changeTable(c)));
        if (r != null) {
            boolean chance = !(r.low() > 0 || r.high() < 0);
            ctx.finding(chance ? 0.55 : 0.9, "Videos posted in " + c.period().label() + " have a save rate of "
                    + Formats.percent(a.rate()) + ", against " + Formats.percent(b.rate()) + " in "
                    + c.comparison().label() + " (" + points(r.difference()) + pct(a.rate(), b.rate()) + ").",
                    "95% interval of the change " + points(r.low()) + " to " + points(r.high()) + ", from resampling "
                            + "the videos of each period (" + a.rated() + " and " + b.rated() + " videos) as the "
                            + "experiments do: " + (chance ? "this could be chance." : "unlikely to be chance."),
                    chance ? "weak" : "moderate");
        }
        ctx.markdown("### Saves gained in the period\n\n" + gainedText(c));
        Long gained = c.gainedNow() == null ? null : c.gainedNow().saves();
        ctx.code("var gained = change.gainedNow() == null ? null : change.gainedNow().saves();", gainedShows(c),
                new Output.Kpis(List.of(new Output.Kpi("Saves gained", Formats.compact(gained),
                        gained == null ? "" : Formats.exact(gained), gained == null ? "not known for this period"
                                : "counted from the " + c.gainedNow().source(), c.gainsComparable()
                                ? PeriodView.counts(gained, c.gainedBefore().saves())
                                : new Output.Change("not compared", "", "", "flat", "", "")))));
    }

    /** The Java of the first cell: the periods as the options name them, counted from the data's last day. */
    private static String java(ReportContext ctx) {
        String vs = ctx.options().vs() == null ? "previous" : ctx.options().vs();
        return "var period = Period.parse(\"" + ctx.options().period() + "\", data.lastDataDay());\n"
                + "var change = data.periodComparison(period, period.comparison(\"" + vs + "\"));\n"
                + "var now = change.now();\nvar before = change.before();\nvar rateChange = change.rate();";
    }

    private static Map<String, Object> postedShows(PeriodComparison c) {
        Map<String, Object> shows = new LinkedHashMap<>();
        shows.put("now", c.now());
        shows.put("before", c.before());
        shows.put("rateChange", c.rate());
        return shows;
    }

    private static Map<String, Object> gainedShows(PeriodComparison c) {
        Map<String, Object> shows = new LinkedHashMap<>();
        shows.put("gained", c.gainedNow() == null ? null : c.gainedNow().saves());
        return shows;
    }

    private static String gainedText(PeriodComparison c) {
        List<String> lines = new ArrayList<>();
        lines.add("- " + cap(c.period().label()) + ": " + gainedLine(c.gainedNow()));
        lines.add("- " + cap(c.comparison().label()) + ": " + gainedLine(c.gainedBefore()));
        if (c.gainedNow() != null && c.gainedBefore() != null && !c.gainsComparable()) {
            lines.add("\nThe two periods are counted from different sources, so these are not compared.");
            if (c.dailyNow() != null && c.dailyBefore() != null) {
                lines.add("Like with like, the daily series alone gives " + Formats.exact(c.dailyNow().saves())
                        + " saves in " + c.period().label() + " against " + Formats.exact(c.dailyBefore().saves())
                        + " in " + c.comparison().label() + " (" + countChange(c.dailyNow().saves(),
                        c.dailyBefore().saves()) + "), counting only the days the series has for each video.");
            }
        }
        return String.join("\n", lines);
    }

    private static String gainedLine(PeriodComparison.Gained g) {
        if (g == null) {
            return "not known: no export was taken before the period began and the daily series has no day in it.";
        }
        String span = g.source().equals("snapshots")
                ? "saves in the export of " + time(g.from()) + " subtracted from those in the export of " + time(g.to())
                        + ", per video"
                : "the daily series summed over the period's days" + (g.source().equals("daily series") ? ""
                        : ", of which it has " + g.source().substring("daily series, ".length())) + " (only the "
                        + "days it has for each video)";
        return Formats.exact(g.saves()) + " saves, " + g.videos() + (g.videos() == 1 ? " video" : " videos")
                + " gaining (" + span + (g.unknown() > 0 ? "; " + g.unknown() + " videos missing from the earlier "
                + "export were left out" : "") + ").";
    }

    private static TableView changeTable(PeriodComparison c) {
        List<Column> cols = List.of(new Column("Videos posted in", false), new Column("Videos", true),
                new Column("Views", true), new Column("Saves", true), new Column("Save rate", true),
                new Column("Typical video", true));
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(sideRow(cap(c.period().label()), c.now()));
        rows.add(sideRow(cap(c.comparison().label()), c.before()));
        PeriodComparison.Posted a = c.now();
        PeriodComparison.Posted b = c.before();
        rows.add(List.of(Cell.plain("Change"), Cell.plain(countChange(a.videos(), b.videos())),
                Cell.plain(a.views() == null || b.views() == null ? "–" : countChange(a.views(), b.views())),
                Cell.plain(a.saves() == null || b.saves() == null ? "–" : countChange(a.saves(), b.saves())),
                Cell.plain(a.rate() == null || b.rate() == null ? "–"
                        : points(a.rate() - b.rate()) + pct(a.rate(), b.rate())),
                Cell.plain(a.medianRate() == null || b.medianRate() == null ? "–"
                        : points(a.medianRate() - b.medianRate()) + pct(a.medianRate(), b.medianRate()))));
        Experiment.Comparison r = c.judged();
        String note = c.rate() == null ? "" : r == null ? "No interval of the change in save rate: too few videos to "
                + "judge (fewer than " + Experiment.MIN_VIDEOS + " on a side)." : "95% interval of the change in save "
                + "rate: " + points(r.low()) + " to " + points(r.high()) + " (videos resampled within each period).";
        return new TableView(cols, rows, rows.size(), note);
    }

    private static List<Cell> sideRow(String label, PeriodComparison.Posted p) {
        return List.of(Cell.plain(label), count(p.videos()), count(p.views()), count(p.saves()), rate(p.rate()),
                rate(p.medianRate()));
    }

    private static Cell count(Long n) {
        return new Cell(Formats.compact(n), PeriodView.exact(n), n == null ? null : n.doubleValue(), "");
    }

    private static Cell rate(Double r) {
        return new Cell(Formats.percent(r), PeriodView.exact(r), r, "");
    }

    /** A change of counts: "+3 (+25%)". */
    static String countChange(long now, long before) {
        long d = now - before;
        return (d >= 0 ? "+" : "\u2212") + Formats.exact(Math.abs(d))
                + (before == 0 ? "" : " (" + PeriodView.percent((double) d / before) + ")");
    }

    /** A difference of two rates in percentage points: "+0.25 pts". */
    static String points(double diff) {
        return PeriodView.points(diff);
    }

    private static String pct(Double now, Double before) {
        return now == null || before == null || before == 0 ? "" : ", " + PeriodView.percent((now - before) / before);
    }

    private static Map<String, Object> json(PeriodComparison c, LocalDate anchor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor", anchor.toString());
        m.put("period", side(c.period(), c.now(), c.gainedNow()));
        m.put("comparison", side(c.comparison(), c.before(), c.gainedBefore()));
        Map<String, Object> r = new LinkedHashMap<>();
        Experiment.Comparison e = c.rate();
        r.put("difference", e == null ? null : e.difference());
        Experiment.Comparison judged = c.judged();
        r.put("ci_low", judged == null ? null : judged.low());
        r.put("ci_high", judged == null ? null : judged.high());
        r.put("p", judged == null ? null : judged.p());
        m.put("save_rate_change", r);
        List<Map<String, Object>> types = new ArrayList<>();
        for (PeriodComparison.TypeChange t : c.byType()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("content_type", t.type());
            x.put("videos", t.videosNow());
            x.put("videos_comparison", t.videosBefore());
            x.put("save_rate", t.rateNow());
            x.put("save_rate_comparison", t.rateBefore());
            types.add(x);
        }
        m.put("by_content_type", types);
        m.put("saves_gained_comparable", c.gainsComparable());
        Map<String, Object> daily = null;
        if (c.dailyNow() != null && c.dailyBefore() != null) {
            daily = new LinkedHashMap<>();
            daily.put("period", c.dailyNow().saves());
            daily.put("comparison", c.dailyBefore().saves());
        }
        m.put("daily_series_saves_gained", daily);
        return m;
    }

    private static Map<String, Object> side(Period p, PeriodComparison.Posted posted, PeriodComparison.Gained g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.from().toString());
        m.put("to", p.to().toString());
        m.put("label", p.label());
        m.put("videos_posted", posted.videos());
        m.put("views", posted.views());
        m.put("saves", posted.saves());
        m.put("save_rate", posted.rate());
        m.put("median_save_rate", posted.medianRate());
        Map<String, Object> gained = null;
        if (g != null) {
            gained = new LinkedHashMap<>();
            gained.put("saves", g.saves());
            gained.put("videos_gaining", g.videos());
            gained.put("source", g.source());
            gained.put("from", g.from().toString());
            gained.put("to", g.to().toString());
            gained.put("videos_left_out", g.unknown());
        }
        m.put("saves_gained", gained);
        return m;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String day(LocalDate d) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(d);
    }

    private static String time(java.time.Instant t) {
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).format(t.atOffset(ZoneOffset.UTC));
    }
}
