package savescope.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.cells.Cell;
import savescope.cells.Formats;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.metrics.Intervals;

/** The page that compares the accounts of one batch of reports ({@code --each}) and links to each report. */
public final class Portfolio {
    private Portfolio() {}

    /**
     * One account's numbers, as its report computed them.
     *
     * @param name the account (its folder's name)
     * @param report the report's file name, relative to the portfolio page
     * @param views null when the exports carry no views; {@code saves} likewise
     * @param medianRate the typical (median) per-video save rate, with its bootstrap 95% interval; nulls when
     *     no video has a rate
     * @param status {@code written}, {@code unchanged} or {@code failed: <why>}
     * @param change with {@code --period}: the change in save rate of the videos posted in the period against the
     *     comparison period, with its 95% interval ({@code changeLow}, {@code changeHigh}); nulls otherwise
     */
    public record Account(String name, String report, long videos, Long views, Long saves, Double medianRate,
            Double medianLow, Double medianHigh, String status, Double change, Double changeLow, Double changeHigh) {

        /** Saves over views of all the account's videos, or null. */
        public Double pooledRate() {
            return views == null || saves == null || views == 0 ? null : (double) saves / views;
        }

        /** Wilson's 95% interval of the pooled rate, counting views as independent (so narrower than the truth). */
        public Intervals.Interval pooledInterval() {
            return views == null || saves == null ? null : Intervals.wilson(saves, views, Intervals.Z95);
        }
    }

    public static Notebook notebook(List<Account> accounts, String title, Instant made) {
        List<Account> ok = accounts.stream().filter(a -> !a.status().startsWith("failed")).toList();
        long videos = ok.stream().mapToLong(Account::videos).sum();
        Long views = sum(ok.stream().map(Account::views).toList());
        Long saves = sum(ok.stream().map(Account::saves).toList());
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.markdown("## Accounts\n\nOne report per account; the table compares them. The save rate is "
                + "saves over views of all the account's videos, with Wilson's 95% interval (which counts views as "
                + "independent, so it is narrower than the real uncertainty); the typical video's rate is the median "
                + "per video, with a bootstrap 95% interval, as in each report. With --period, the change is the save "
                + "rate of the videos posted in the period against the comparison period, in percentage points, with "
                + "its 95% interval from resampling videos."));
        cells.add(Cell.code("", List.of(new Output.Kpis(List.of(
                new Output.Kpi("Accounts", Long.toString(ok.size()), Long.toString(ok.size()),
                        accounts.size() > ok.size() ? (accounts.size() - ok.size()) + " failed" : "all reported"),
                new Output.Kpi("Videos", Formats.compact(videos), Formats.exact(videos), "across the accounts"),
                new Output.Kpi("Views", Formats.compact(views), Formats.exact(views), "across the accounts"),
                new Output.Kpi("Saves", Formats.compact(saves), Formats.exact(saves),
                        views == null || saves == null || views == 0 ? "" : Formats.percent((double) saves / views)
                                + " of views"))),
                new Output.Table(table(accounts)))));
        StringBuilder links = new StringBuilder("## Reports\n\n");
        for (Account a : accounts) {
            String what = a.status().startsWith("failed") ? " (not made: " + a.status().substring(8) + ")"
                    : a.status().equals("unchanged") ? " (unchanged since the last run)" : "";
            links.append("- ").append(a.status().startsWith("failed") ? markdownText(a.name())
                    : "[" + markdownText(a.name()) + "](" + a.report().replace(" ", "%20").replace("(", "%28")
                            .replace(")", "%29") + ")").append(markdownText(what)).append('\n');
        }
        cells.add(Cell.markdown(links.toString()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Accounts", Integer.toString(accounts.size()));
        meta.put("Generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(made.atOffset(ZoneOffset.UTC)));
        return new Notebook(title, "How the accounts compare on saves, with a report for each.", meta, cells, "report");
    }

    private static TableView table(List<Account> accounts) {
        boolean periods = accounts.stream().anyMatch(a -> a.change() != null);
        List<TableView.Column> columns = new ArrayList<>(List.of(new TableView.Column("Account", false),
                new TableView.Column("Videos", true), new TableView.Column("Views", true),
                new TableView.Column("Saves", true), new TableView.Column("Save rate", true),
                new TableView.Column("95% interval", false), new TableView.Column("Typical video", true),
                new TableView.Column("95% interval (typical)", false)));
        if (periods) {
            columns.add(new TableView.Column("Save rate change", true));
            columns.add(new TableView.Column("95% interval (change)", false));
        }
        List<List<TableView.Cell>> rows = new ArrayList<>();
        for (Account a : accounts) {
            if (a.status().startsWith("failed")) {
                continue;
            }
            Intervals.Interval ci = a.pooledInterval();
            List<TableView.Cell> row = new ArrayList<>(List.of(TableView.Cell.plain(a.name()),
                    count(a.videos()), count(a.views()), count(a.saves()), rate(a.pooledRate()),
                    TableView.Cell.plain(ci == null ? "–" : Formats.percent(ci.low()) + " – " + Formats.percent(ci.high())),
                    rate(a.medianRate()),
                    TableView.Cell.plain(a.medianLow() == null ? "–"
                            : Formats.percent(a.medianLow()) + " – " + Formats.percent(a.medianHigh()))));
            if (periods) {
                row.add(new TableView.Cell(a.change() == null ? "–" : points(a.change()), "", a.change(), ""));
                row.add(TableView.Cell.plain(a.changeLow() == null ? "–"
                        : points(a.changeLow()) + " to " + points(a.changeHigh())));
            }
            rows.add(row);
        }
        return new TableView(columns, rows, rows.size(), "");
    }

    private static String points(double diff) {
        return (diff >= 0 ? "+" : "\u2212") + String.format(Locale.ROOT, "%.2f", Math.abs(diff * 100)) + " pts";
    }

    private static TableView.Cell count(Long n) {
        return new TableView.Cell(Formats.compact(n), Formats.exact(n), n == null ? null : n.doubleValue(), "");
    }

    private static TableView.Cell rate(Double r) {
        return new TableView.Cell(Formats.percent(r), Formats.percentExact(r), r, "");
    }

    private static Long sum(List<Long> values) {
        long s = 0;
        for (Long v : values) {
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    /** Text that markdown shows as it is (its punctuation escaped; the renderer escapes HTML). */
    static String markdownText(String s) {
        return s.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>~])", "\\\\$1");
    }
}
