package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import savescope.metrics.Accounts;
import savescope.metrics.Analytics;
import savescope.metrics.PeriodGroups;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** A summary per account and how their save rates compare, shown only when the inputs cover several accounts. */
public final class AccountsSection implements Section<AccountsSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    /**
     * @param accounts the JSON's {@code accounts}, or null (no key) when the videos with saves cover one account
     * @param periodAccounts each account in {@code --period} and its comparison (the JSON's {@code period_accounts}),
     *     or null (no key) without {@code --period} or with one account
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(Compared accounts, PeriodAccounts periodAccounts) {}

    /** The accounts among the videos posted in each period, in the order of the whole table. */
    public record PeriodAccounts(PeriodView.Span period, PeriodView.Span comparison, List<PeriodView.GroupRow> accounts) {}

    /** @param accounts one row per account, most saves first */
    public record Compared(List<Account> accounts) {}

    /**
     * One account; NaN is written as null.
     *
     * @param account its name, "(no account)" for videos without one
     * @param videos its videos with a save rate
     * @param views their views
     * @param saves their saves
     * @param saveRate saves / views
     * @param medianRate the median per-video save rate
     * @param firstPost the first posting time (ISO-8601, UTC), or null
     * @param lastPost the last posting time, or null
     * @param pVsOthers Mann–Whitney p of its per-video rates against all other accounts' videos
     */
    public record Account(String account, int videos, long views, long saves, double saveRate, double medianRate,
            String firstPost, String lastPost, double pVsOthers) {
        public static Account of(Accounts.Summary s) {
            return new Account(s.account(), s.videos(), s.views(), s.saves(), s.rate(), s.medianRate(),
                    s.first() == null ? null : s.first().toString(), s.last() == null ? null : s.last().toString(),
                    s.pVsOthers());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        if (data.accountCount() < 2) {
            return new Figures(null, null);
        }
        List<Account> all = data.accountSummaries().stream().map(Account::of).toList();
        PeriodView.Periods p = PeriodView.of(data, options);
        return new Figures(new Compared(all), p == null ? null : new PeriodAccounts(PeriodView.Span.of(p.period()),
                PeriodView.Span.of(p.comparison()), PeriodView.GroupRow.of(data.periodGroups(PeriodGroups.ACCOUNT,
                        all.stream().map(Account::account).toList(), p.period(), p.comparison()))));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        if (f.accounts() == null) {
            return;
        }
        List<Account> all = f.accounts().accounts();
        ctx.markdown("## Accounts compared\n\nThe inputs cover " + all.size() + " accounts. Each row is one account; "
                + "the p-value compares its videos' save rates with all the other accounts' videos (Mann–Whitney), "
                + "so a small p means its videos are saved at a different rate, not why.");
        List<List<Cell>> rows = new ArrayList<>();
        // Thousands of accounts (an agency, a research corpus) would make a page of rows: the page shows as many
        // as the per-video table (--max-rows), and --json keeps them all.
        int shown = Math.min(all.size(), ctx.options().tableRows());
        for (Account s : all.subList(0, shown)) {
            rows.add(List.of(Cell.plain(s.account()), VideosSection.count((long) s.videos()),
                    VideosSection.count(s.views()), VideosSection.count(s.saves()), rate(s.saveRate()),
                    rate(s.medianRate()), Cell.plain(s.firstPost() == null ? "" : day(s.firstPost()) + " – "
                            + day(s.lastPost())), Cell.plain(TrendsSection.p(s.pVsOthers()))));
        }
        PeriodAccounts p = f.periodAccounts();
        PeriodView.groupCell(ctx, "accounts", "var accounts = data.accountSummaries().stream()"
                + ".map(AccountsSection.Account::of).toList();", all, List.of(new Output.Table(new TableView(List.of(
                new Column("Account", false), new Column("Videos", true), new Column("Views", true),
                new Column("Saves", true), new Column("Save rate", true), new Column("Median per video", true),
                new Column("Posted", false), new Column("p vs others", false)), rows, all.size(),
                shown < all.size() ? String.format(java.util.Locale.ROOT, "Most saves first; the first %,d of %,d "
                        + "accounts (--max-rows; --json holds every one).", shown, all.size()) : "Most saves first."))), 1, PeriodGroups.ACCOUNT, "Account", p == null ? null : p.accounts(),
                p == null ? null : p.period(), p == null ? null : p.comparison());
        presentBest(all, ctx);
    }

    private static void presentBest(List<Account> all, ReportContext ctx) {
        Account best = all.stream().filter(s -> s.videos() >= 3).max(Comparator.comparingDouble(Account::medianRate))
                .orElse(null);
        if (best == null) {
            return;
        }
        List<String> tied = all.stream().filter(s -> s.videos() >= 3 && s.medianRate() == best.medianRate())
                .map(Account::account).toList();
        if (tied.size() > 1) {
            // Equal accounts are said to be equal: picking one of them as "the highest" would be the sort's whim.
            ctx.finding(0.9, String.join(" and ", tied.stream().map(savescope.UserText::isolated).toList()) + " have the same typical save rate ("
                    + Formats.percent(orNull(best.medianRate())) + " per video), the highest of the " + all.size()
                    + " accounts.", "Equal typical save rates: no account of these stands out.", "info");
            return;
        }
        boolean clear = !Double.isNaN(best.pVsOthers()) && best.pVsOthers() < 0.05;
        ctx.finding(0.9, savescope.UserText.isolated(best.account()) + " has the highest typical save rate of the " + all.size() + " accounts ("
                + Formats.percent(orNull(best.medianRate())) + " per video).", clear
                ? "Its videos' rates differ from the other accounts' beyond chance (Mann–Whitney "
                        + ContentStrategySection.pIs(best.pVsOthers()) + "); audiences and content differ, so this is not a ranking of skill."
                : "The difference from the other accounts could be chance (Mann–Whitney "
                        + ContentStrategySection.pIs(best.pVsOthers()) + ").", clear ? "moderate" : "info");
    }

    /** The day of an ISO-8601 time, as the table shows it. */
    private static String day(String isoInstant) {
        return isoInstant.substring(0, 10);
    }
}
