package savescope.report.sections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.GroupComparison;
import savescope.metrics.GroupComparison.Group;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/**
 * Which kinds of video get saved: save rate by content type, hashtag, duration, weekday and hour posted,
 * each with intervals and a test of whether the groups really differ.
 */
public final class ContentStrategySection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }


    @Override
    public void build(ReportContext ctx) {
        Table videos = ctx.videos();
        // One pass of counts, rates and their order, shared by the five groupings.
        GroupComparison.Rated rated = ctx.groupRates();
        GroupComparison.Result types = GroupComparison.byContentType(rated);
        GroupComparison.Result hashtags = GroupComparison.byHashtag(rated);
        GroupComparison.Result durations = GroupComparison.byDuration(rated);
        GroupComparison.Result weekdays = GroupComparison.byWeekday(rated);
        GroupComparison.Result hours = GroupComparison.byHour(rated);

        ctx.markdown("## What gets saved: content strategy\n\n"
                + "Save rate by kind of video. Each group's rate is its saves over its views, with a 95% **Wilson "
                + "interval**. That interval treats every view as an independent chance to save, which understates "
                + "the uncertainty: saves cluster within videos (one video that lands lifts many saves at once). So "
                + "each group also shows its **typical video** (the median per-video rate) with a seeded bootstrap "
                + "interval, and the groups are compared with a **Kruskal–Wallis test** on per-video rates, which "
                + "counts videos, not views.\n\n"
                + "Groups with fewer than " + GroupComparison.MIN_VIDEOS + " videos or "
                + Formats.exact(GroupComparison.MIN_VIEWS) + " views are shown but marked *too small to judge*, "
                + "and never ranked.\n\n"
                + "**A caution on many comparisons.** This section compares five ways of grouping and dozens of "
                + "groups. At p < 0.05, about one comparison in twenty looks like a difference even when there is "
                + "none. Treat a single low p-value as a lead to test with your next videos, not as proof.");

        ctx.markdown("### By content type\n\nThe content type comes from the export when it has one, else from "
                + "hashtags (`--types tutorial=#howto,#tutorial` adds your own mapping).");
        List<Output> outputs = new ArrayList<>();
        if (!types.groups().isEmpty()) {
            outputs.add(AnalyticsCharts.saveRateByGroup("Content type", types.groups()));
        }
        outputs.add(new Output.Table(table("Content type", types)));
        outputs.add(new Output.Markdown(testSentence(types, "content types")));
        ctx.code("GroupComparison.byContentType(videos)", outputs.toArray(Output[]::new));
        typeFinding(ctx, types);

        ctx.markdown("### By duration\n\nVideos grouped by length; photo posts have no duration and form their own group.");
        ctx.code("GroupComparison.byDuration(videos)", new Output.Table(table("Duration", durations)),
                new Output.Markdown(testSentence(durations, "durations")));
        dimensionFinding(ctx, durations, "duration", "the typical %s video");

        ctx.markdown("### By weekday and hour posted\n\nPosting times are in UTC: exports give instants, and "
                + "your audience's local time may differ.");
        ctx.code("GroupComparison.byWeekday(videos)", new Output.Table(table("Weekday (UTC)", weekdays)),
                new Output.Markdown(testSentence(weekdays, "weekdays")));
        ctx.code("GroupComparison.byHour(videos)", new Output.Table(table("Hour (UTC)", hours)),
                new Output.Markdown(testSentence(hours, "hours")));
        dimensionFinding(ctx, weekdays, "weekday", "the typical video posted on a %s");
        dimensionFinding(ctx, hours, "hour", "the typical video posted at %s h UTC");

        ctx.markdown("### By hashtag\n\nThe " + GroupComparison.TOP_HASHTAGS + " hashtags on the most videos. A "
                + "video counts under each of its hashtags, so these groups overlap and are not tested against "
                + "each other; read them as descriptions, not causes.");
        ctx.code("GroupComparison.byHashtag(videos)", new Output.Table(table("Hashtag", hashtags)));

        ctx.json("by_content_type", AnalyticsJson.groups("content_type", types));
        ctx.json("by_hashtag", AnalyticsJson.groups("hashtag", hashtags));
        ctx.json("by_duration", AnalyticsJson.groups("duration", durations));
        ctx.json("by_weekday", AnalyticsJson.groups("weekday", weekdays));
        ctx.json("by_hour", AnalyticsJson.groups("hour_utc", hours));
        Map<String, Object> tests = new LinkedHashMap<>();
        tests.put("content_type", AnalyticsJson.test(types));
        tests.put("duration", AnalyticsJson.test(durations));
        tests.put("weekday", AnalyticsJson.test(weekdays));
        tests.put("hour", AnalyticsJson.test(hours));
        ctx.json("group_tests", tests);
    }

    /** The group table: rate with its Wilson interval, the typical video with its bootstrap interval. */
    static TableView table(String label, GroupComparison.Result r) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Group g : r.groups()) {
            rows.add(List.of(Cell.plain(g.key()), VideosSection.count((long) g.videos()), VideosSection.count(g.views()),
                    VideosSection.count(g.saves()), pct(g.saveRate()), interval(g.ci()), pct(g.medianRate()),
                    interval(g.medianCi()), Cell.plain(g.tooSmall() ? "too small to judge" : "")));
        }
        String note = r.videosWithoutGroup() > 0 ? Formats.exact((long) r.videosWithoutGroup())
                + " videos with a save rate are in no group here (no posting time, duration or hashtag)." : "";
        return new TableView(List.of(new Column(label, false), new Column("Videos", true), new Column("Views", true),
                new Column("Saves", true), new Column("Save rate", true), new Column("95% CI (Wilson)", true),
                new Column("Typical video", true), new Column("95% CI (bootstrap)", true), new Column("Note", false)),
                rows, rows.size(), note);
    }

    static String testSentence(GroupComparison.Result r, String what) {
        if (r.test() == null) {
            return "No test: fewer than two " + what + " are large enough to judge.";
        }
        GroupComparison.Test t = r.test();
        String verdict = t.p() < 0.05 ? "the " + what + " probably differ in how often their videos are saved"
                : "the differences between " + what + " could be chance";
        return String.format(Locale.ROOT, "Kruskal–Wallis across %d %s (%s videos): H = %.2f, %d df, %s, so %s.",
                t.groups(), what, Formats.exact((long) t.n()), t.statistic(), t.df(), pIs(t.p()), verdict);
    }

    private void typeFinding(ReportContext ctx, GroupComparison.Result r) {
        List<Group> judged = r.judged().stream().sorted(Comparator.comparingDouble(Group::saveRate).reversed()).toList();
        if (judged.size() < 2 || r.test() == null) {
            return;
        }
        Group best = judged.get(0);
        Group worst = judged.get(judged.size() - 1);
        double p = r.test().p();
        String ratio = worst.saveRate() > 0 ? String.format(Locale.ROOT, "%.1fx as often as", best.saveRate() / worst.saveRate())
                : "more often than";
        String headline = capital(best.key()) + " videos are saved " + ratio + " " + worst.key() + " ("
                + Formats.percent(best.saveRate()) + " vs " + Formats.percent(worst.saveRate()) + "; 95% CI "
                + range(best) + " vs " + range(worst) + ").";
        String sure = p < 0.05
                ? "Across videos the types differ (Kruskal–Wallis " + pIs(p) + "), so this is unlikely to be chance."
                : "But across videos this could be chance (Kruskal–Wallis " + pIs(p) + "): a few videos drive it.";
        String detail = sure + " Typical videos: " + Formats.percent(best.medianRate()) + " vs "
                + Formats.percent(worst.medianRate()) + ". The Wilson intervals count views as independent and "
                + "are narrower than the real uncertainty." + (r.groups().size() > judged.size()
                ? " " + (r.groups().size() - judged.size()) + (r.groups().size() - judged.size() == 1
                        ? " type is" : " types are") + " too small to judge." : "");
        ctx.finding(p < 0.05 ? 1.5 : 0.5, headline, detail, p < 0.01 ? "strong" : p < 0.05 ? "moderate" : "weak");
    }

    /** @param phrase names a group's typical video, {@code %s} standing for the group */
    private void dimensionFinding(ReportContext ctx, GroupComparison.Result r, String dimension, String phrase) {
        if (r.test() == null || r.test().p() >= 0.05) {
            return;
        }
        List<Group> judged = r.judged().stream().sorted(Comparator.comparingDouble(Group::medianRate).reversed()).toList();
        Group best = judged.get(0);
        Group worst = judged.get(judged.size() - 1);
        ctx.finding(0.8, "Save rates differ by " + dimension + ": " + String.format(Locale.ROOT, phrase, best.key())
                        + " is saved " + Formats.percent(best.medianRate()) + " of the time, "
                        + String.format(Locale.ROOT, phrase, worst.key()) + " " + Formats.percent(worst.medianRate()) + ".",
                "Kruskal–Wallis " + pIs(r.test().p()) + " across " + r.test().groups() + " groups. With this many "
                        + "comparisons, one such result can arise by chance: test it on your next videos.", "moderate");
    }

    static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A p-value for a sentence: "p < 0.001" or "p = 0.042". */
    static String pIs(double p) {
        return Double.isNaN(p) ? "p unknown" : p < 0.001 ? "p < 0.001" : "p = " + p(p);
    }

    private static String range(Group g) {
        return g.ci() == null ? "–" : Formats.percent(g.ci().low()) + "–" + Formats.percent(g.ci().high());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Cell pct(double v) {
        return new Cell(Formats.percent(v), Formats.percentExact(v), Double.isNaN(v) ? null : v, "");
    }

    private static Cell interval(savescope.metrics.Intervals.Interval i) {
        return i == null ? Cell.plain("–") : new Cell(Formats.percent(i.low()) + " – " + Formats.percent(i.high()),
                Formats.percentExact(i.low()) + " – " + Formats.percentExact(i.high()), i.low(), "");
    }
}
