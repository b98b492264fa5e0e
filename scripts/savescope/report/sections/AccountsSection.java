package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Accounts;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;

/** A summary per account and how their save rates compare, shown only when the inputs cover several accounts. */
public final class AccountsSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }


    @Override
    public void build(ReportContext ctx) {
        if (Accounts.count(ctx.ratedVideos()) < 2) {
            return;
        }
        List<Accounts.Summary> all = Accounts.summarize(ctx.ratedVideos());
        ctx.markdown("## Accounts compared\n\nThe inputs cover " + all.size() + " accounts. Each row is one account; "
                + "the p-value compares its videos' save rates with all the other accounts' videos (Mann–Whitney), "
                + "so a small p means its videos are saved at a different rate, not why.");
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> js = new ArrayList<>();
        for (Accounts.Summary s : all) {
            rows.add(List.of(Cell.plain(s.account()), VideosSection.count((long) s.videos()),
                    VideosSection.count(s.views()), VideosSection.count(s.saves()), rate(s.rate()),
                    rate(s.medianRate()), Cell.plain(s.first() == null ? "" : EvergreenSection.day(s.first()) + " – "
                            + EvergreenSection.day(s.last())), Cell.plain(TrendsSection.p(s.pVsOthers()))));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", s.account());
            m.put("videos", s.videos());
            m.put("views", s.views());
            m.put("saves", s.saves());
            m.put("save_rate", orNull(s.rate()));
            m.put("median_rate", orNull(s.medianRate()));
            m.put("first_post", s.first() == null ? null : s.first().toString());
            m.put("last_post", s.last() == null ? null : s.last().toString());
            m.put("p_vs_others", orNull(s.pVsOthers()));
            js.add(m);
        }
        ctx.code("Accounts.summarize(videos)", new Output.Table(new TableView(List.of(new Column("Account", false),
                new Column("Videos", true), new Column("Views", true), new Column("Saves", true),
                new Column("Save rate", true), new Column("Median per video", true), new Column("Posted", false),
                new Column("p vs others", false)), rows, rows.size(), "Most saves first.")));
        Accounts.Summary best = all.stream().filter(s -> s.videos() >= 3)
                .max(java.util.Comparator.comparingDouble(Accounts.Summary::medianRate)).orElse(null);
        if (best != null) {
            boolean clear = !Double.isNaN(best.pVsOthers()) && best.pVsOthers() < 0.05;
            ctx.finding(0.9, best.account() + " has the highest typical save rate of the " + all.size() + " accounts ("
                    + Formats.percent(orNull(best.medianRate())) + " per video).", clear
                    ? "Its videos' rates differ from the other accounts' beyond chance (Mann–Whitney "
                            + ContentStrategySection.pIs(best.pVsOthers()) + "); audiences and content differ, so this is not a ranking of skill."
                    : "The difference from the other accounts could be chance (Mann–Whitney "
                            + ContentStrategySection.pIs(best.pVsOthers()) + ").", clear ? "moderate" : "info");
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("accounts", js);
        ctx.json("accounts", j);
    }
}
