package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import savescope.cells.Formats;
import savescope.cells.JavaSource;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.metrics.Analytics;
import savescope.metrics.Experiment;
import savescope.metrics.Period;
import savescope.metrics.PeriodGroups;
import savescope.metrics.PeriodRates;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;

/**
 * What the key numbers and group tables add under {@code --period}: the two periods as the options name them, the
 * cards' comparison with the other period, and each group table's companion table of both periods.
 */
public final class PeriodView {
    private PeriodView() {}

    /** The period asked for and the one it is compared with. */
    public record Periods(Period period, Period comparison) {
        /** "the last 28 days (24 Oct – 20 Nov 2026)". */
        String periodWords() {
            return period.label() + " (" + period.dates() + ")";
        }

        String comparisonWords() {
            return comparison.label() + " (" + comparison.dates() + ")";
        }
    }

    /** A period in the JSON: its first and last day and how it was asked for. */
    public record Span(String from, String to, String label) {
        public static Span of(Period p) {
            return new Span(p.from().toString(), p.to().toString(), p.label());
        }
    }

    /** One group in both periods, written flat: its name under {@code group}, then the rates and the change. */
    public record GroupRow(String group, @JsonUnwrapped PeriodRates rates) {
        public static List<GroupRow> of(List<PeriodGroups.Row> rows) {
            return rows.stream().map(r -> new GroupRow(r.group(), r.rates())).toList();
        }
    }

    /** "the last 28 days (24 Oct – 20 Nov 2026)". */
    static String words(Span s) {
        return s.label() + " (" + dates(s) + ")";
    }

    /** How many days the period has. */
    static long dayCount(Span s) {
        return java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(s.from()),
                java.time.LocalDate.parse(s.to())) + 1;
    }

    /** "24 Oct – 20 Nov 2026", as {@link Period#dates()} writes it. */
    static String dates(Span s) {
        return new Period(java.time.LocalDate.parse(s.from()), java.time.LocalDate.parse(s.to()), s.label(), false)
                .dates();
    }

    /** The rows as {@link Analytics#periodGroups} gives them, for a cell's check. */
    static List<PeriodGroups.Row> asRows(List<GroupRow> rows) {
        return rows.stream().map(r -> new PeriodGroups.Row(r.group(), r.rates())).toList();
    }

    /**
     * A group table's cell: {@code java} names the whole table {@code var}; under {@code --period} the cell also
     * asks for the groups in both periods ({@code var + "InPeriod"}) and shows their table right after the whole
     * table (at {@code at} among {@code outputs}).
     */
    static void groupCell(ReportContext ctx, String var, String java, Object table, List<Output> outputs, int at,
            String dimension, String label, List<GroupRow> rows, Span period, Span comparison) {
        java.util.Map<String, Object> shows = new java.util.LinkedHashMap<>();
        shows.put(var, table);
        List<Output> all = new ArrayList<>(outputs);
        if (rows != null) {
            String names = dimension.equals(PeriodGroups.ACCOUNT)
                    ? var + ".stream().map(AccountsSection.Account::account).toList()"
                    : "PeriodGroups.names(" + var + ")";
            java += "\nvar " + var + "InPeriod = data.periodGroups(\"" + dimension + "\", " + names
                    + ", period, comparison);";
            shows.put(var + "InPeriod", asRows(rows));
            all.add(at, new Output.Markdown("**Now**: videos posted in " + words(period) + "; **then**: videos "
                    + "posted in " + words(comparison) + "."));
            all.add(at + 1, new Output.Table(groupTable(label, rows)));
        }
        ctx.code(java, shows, all.toArray(Output[]::new));
    }

    /** The periods of {@code options}, counted back from the data's last day; null without {@code --period}. */
    static Periods of(Analytics data, ReportOptions options) {
        if (options.period() == null) {
            return null;
        }
        java.time.LocalDate anchor = data.lastDataDay();
        if (anchor == null) {
            return null;
        }
        Period p = Period.parse(options.period(), anchor);
        return new Periods(p, p.comparison(options.vs()));
    }

    /** The Java that names the two periods, as a cell shows it. */
    static String java(ReportOptions options) {
        return "var period = Period.parse(" + JavaSource.stringLiteral(options.period()) + ", data.lastDataDay());\n"
                + "var comparison = period.comparison(" + JavaSource.stringLiteral(options.vs() == null ? "previous"
                        : options.vs()) + ");";
    }

    /** A count against the other period's: "+3 · +25%"; nothing is judged chance (counts are not sampled). */
    static Output.Change counts(Long now, Long before) {
        if (before == null) {
            return new Output.Change("vs –", "", "", "flat", "", "");
        }
        String vs = "vs " + Formats.compact(before);
        if (now == null) {
            return new Output.Change(vs, exact(before), "", "flat", "", "");
        }
        long d = now - before;
        String pct = before == 0 ? "" : " · " + percent((double) d / before);
        return new Output.Change(vs, Formats.exact(before), (d >= 0 ? "+" : "\u2212") + Formats.compact(Math.abs(d))
                + pct, direction(d), "", "");
    }

    /** A rate against the other period's: "+0.25 pts · +17%", judged by {@code judged} when given. */
    static Output.Change rates(Double now, Double before, PeriodRates judged) {
        String vs = "vs " + (before == null ? "–" : Formats.percent(before));
        String vsExact = before == null ? "" : Formats.percentExact(before);
        String chance = judged == null ? "" : chance(judged);
        String detail = judged == null || judged.ciLow() == null ? ""
                : "95% interval " + points(judged.ciLow()) + " to " + points(judged.ciHigh());
        if (now == null || before == null) {
            return new Output.Change(vs, vsExact, "", "flat", chance, detail);
        }
        double d = now - before;
        String pct = before == 0 ? "" : " · " + percent(d / before);
        return new Output.Change(vs, vsExact, points(d) + pct, direction(d), chance, detail);
    }

    /** A count's exact form for hover, or nothing for a count no video has. */
    static String exact(Long n) {
        return n == null ? "" : Formats.exact(n);
    }

    /** A rate's exact form for hover, or nothing for a rate that cannot be computed. */
    static String exact(Double rate) {
        return rate == null ? "" : Formats.percentExact(rate);
    }

    /** Whether a change in save rate could be chance, in words. */
    static String chance(PeriodRates r) {
        if (r.couldBeChance() == null) {
            return r.videos() == 0 || r.videosComparison() == 0 ? "" : "too few videos to judge";
        }
        return r.couldBeChance() ? "could be chance" : "unlikely to be chance";
    }

    /**
     * The companion of a group table: each group's videos and save rate in both periods, the change in points and
     * percent, the interval of the change and whether it could be chance. Groups with no video in either period
     * are left out, and the note says how many.
     */
    static TableView groupTable(String label, List<GroupRow> rows) {
        List<List<Cell>> out = new ArrayList<>();
        int empty = 0;
        for (GroupRow row : rows) {
            PeriodRates r = row.rates();
            if (r.videos() == 0 && r.videosComparison() == 0) {
                empty++;
                continue;
            }
            out.add(List.of(Cell.plain(row.group()), count(r.videos()), count(r.videosComparison()),
                    rate(r.saveRate()), rate(r.saveRateComparison()),
                    new Cell(r.change() == null ? "–" : number(r.change() * 100), "", r.change(), ""),
                    new Cell(r.changeRelative() == null ? "–" : percent(r.changeRelative()), "", r.changeRelative(), ""),
                    r.ciLow() == null ? Cell.plain("–") : new Cell(number(r.ciLow() * 100) + " to "
                            + number(r.ciHigh() * 100), "", r.ciLow(), ""),
                    Cell.plain(r.couldBeChance() == null ? (r.videos() == 0 || r.videosComparison() == 0 ? "–"
                            : "too few") : r.couldBeChance() ? "yes" : "no")));
        }
        String note = "A rate is the videos' saves over their views; a change is in percentage points (pts) and in "
                + "percent of the rate then. Its interval comes from resampling the videos of each period, as "
                + "the experiments do (" + Formats.exact((long) Experiment.BOOTSTRAP) + " seeded resamples); with fewer "
                + "than " + Experiment.MIN_VIDEOS + " videos on a side there is none (too few)." + (empty == 0 ? "" : " " + empty + (empty == 1
                        ? " group" : " groups") + " with no video in either period left out.");
        return new TableView(List.of(new Column(label, false), new Column("Videos now", true),
                new Column("Videos then", true), new Column("Save rate now", true), new Column("Save rate then", true),
                new Column("Change in pts", true), new Column("Change in %", true),
                new Column("95% interval, pts", true), new Column("Could be chance", false)), out,
                out.size(), note);
    }

    private static Cell count(int n) {
        return new Cell(Formats.exact((long) n), "", (double) n, "");
    }

    private static Cell rate(Double r) {
        return new Cell(r == null ? "–" : Formats.percent(r), r == null ? "" : Formats.percentExact(r), r, "");
    }

    private static String direction(double d) {
        return d > 0 ? "up" : d < 0 ? "down" : "flat";
    }

    /** A difference of two rates in percentage points: "+0.25 pts". */
    static String points(double diff) {
        return signed(diff * 100, "%.2f") + " pts";
    }

    /** A signed number of percentage points without the unit: "+0.25", "−1.10". */
    static String number(double pts) {
        return signed(pts, "%.2f");
    }

    /** A relative change: "+17%", "−4%", one decimal below 1% ("−0.4%"), and "0%" for what rounds to nothing. */
    static String percent(double relative) {
        double p = relative * 100;
        return signed(p, Math.abs(p) < 1 ? "%.1f" : "%.0f").replaceAll("^0\\.0$", "0") + "%";
    }

    /** {@code v} in {@code format} with its sign, and none when it rounds to zero: never "−0". */
    private static String signed(double v, String format) {
        String digits = String.format(Locale.ROOT, format, Math.abs(v));
        if (digits.matches("[0.]*")) {
            return digits;
        }
        return (v >= 0 ? "+" : "\u2212") + digits;
    }
}
