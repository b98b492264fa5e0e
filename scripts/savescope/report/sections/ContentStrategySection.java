package savescope.report.sections;

import static savescope.UserText.isolated;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.charts.AnalyticsCharts;
import savescope.metrics.GroupComparison;
import savescope.metrics.GroupComparison.Group;
import savescope.metrics.PeriodGroups;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.metrics.Analytics;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/**
 * Which kinds of video get saved: save rate by content type, hashtag, duration, weekday and hour posted,
 * each with intervals and a test of whether the groups really differ.
 */
public final class ContentStrategySection implements Section<ContentStrategySection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    /**
     * The five groupings; the components are the JSON's {@code by_content_type}, {@code by_hashtag},
     * {@code by_duration}, {@code by_weekday}, {@code by_hour} and {@code group_tests}.
     *
     * @param byContentType save rate by content type
     * @param byHashtag save rate by the most used hashtags (overlapping groups, not tested)
     * @param byDuration save rate by duration bucket
     * @param byWeekday save rate by weekday posted (UTC)
     * @param byHour save rate by hour posted (UTC)
     * @param groupTests the Kruskal–Wallis test of each grouping but hashtags, null where there is none
     * @param periodGroups each grouping in {@code --period} and its comparison, or null (no JSON key) without one
     */
    public record Figures(Groups byContentType, Groups byHashtag, Groups byDuration, Groups byWeekday,
            Groups byHour, GroupTests groupTests, @JsonInclude(JsonInclude.Include.NON_NULL) PeriodGroupTables periodGroups) {}

    /**
     * Each grouping's groups among the videos posted in {@code --period} and in its comparison (the JSON's
     * {@code period_groups}), in the order of the whole tables.
     */
    public record PeriodGroupTables(PeriodView.Span period, PeriodView.Span comparison,
            List<PeriodView.GroupRow> byContentType, List<PeriodView.GroupRow> byHashtag,
            List<PeriodView.GroupRow> byDuration, List<PeriodView.GroupRow> byWeekday,
            List<PeriodView.GroupRow> byHour) {

        static PeriodGroupTables of(Analytics data, PeriodView.Periods p, List<GroupComparison.Result> tables) {
            List<List<PeriodView.GroupRow>> rows = new ArrayList<>();
            List<String> dimensions = List.of(GroupComparison.CONTENT_TYPE, GroupComparison.HASHTAG,
                    GroupComparison.DURATION, GroupComparison.WEEKDAY, GroupComparison.HOUR);
            for (int i = 0; i < dimensions.size(); i++) {
                rows.add(PeriodView.GroupRow.of(data.periodGroups(dimensions.get(i),
                        PeriodGroups.names(tables.get(i)), p.period(), p.comparison())));
            }
            return new PeriodGroupTables(PeriodView.Span.of(p.period()), PeriodView.Span.of(p.comparison()),
                    rows.get(0), rows.get(1), rows.get(2), rows.get(3), rows.get(4));
        }
    }

    /**
     * One grouping's comparison, written to JSON as the list of its groups: each an object whose first key,
     * {@code keyName}, holds the group's name, then its counts, rates, intervals and rank.
     *
     * @param keyName the JSON name of the group's name (the grouping, e.g. {@code content_type})
     * @param result the groups, intervals and test
     */
    public record Groups(String keyName, GroupComparison.Result result) {
        /** The JSON form: one object per group, in the grouping's order; ranks count judged groups only. */
        @JsonValue
        public List<Map<String, Object>> json() {
            List<Group> judgedByRate = result.judged().stream()
                    .sorted((a, b) -> Double.compare(b.saveRate(), a.saveRate())).toList();
            // The judged groups are the grouping's own instances: ranks by identity, not by a quadratic search
            // comparing whole records (hundreds of hashtags).
            Map<Group, Integer> rankOf = new java.util.IdentityHashMap<>();
            for (int i = 0; i < judgedByRate.size(); i++) {
                rankOf.put(judgedByRate.get(i), i + 1);
            }
            return result.groups().stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(keyName, g.key());
                m.put("videos", g.videos());
                m.put("views", g.views());
                m.put("saves", g.saves());
                m.put("save_rate", g.saveRate());
                m.put("ci_low", g.ci() == null ? null : g.ci().low());
                m.put("ci_high", g.ci() == null ? null : g.ci().high());
                m.put("median_save_rate", g.medianRate());
                m.put("median_ci_low", g.medianCi() == null ? null : g.medianCi().low());
                m.put("median_ci_high", g.medianCi() == null ? null : g.medianCi().high());
                m.put("too_small", g.tooSmall());
                m.put("rank", g.tooSmall() ? null : rankOf.get(g));
                return m;
            }).toList();
        }
    }

    /** The Kruskal–Wallis test of each grouping whose groups exclude each other; null where none was run. */
    public record GroupTests(KruskalWallis contentType, KruskalWallis duration, KruskalWallis weekday,
            KruskalWallis hour) {}

    /**
     * One grouping's test.
     *
     * @param method how it was computed
     * @param statistic H, corrected for ties
     * @param df groups − 1
     * @param p from the chi-square approximation
     * @param groups groups large enough to judge that took part
     * @param videos videos in those groups
     */
    public record KruskalWallis(String method, double statistic, int df, double p, int groups, int videos) {
        static final String METHOD = "Kruskal–Wallis H on per-video save rates, chi-square approximation";

        /** The test of {@code r}, or null when it has none. */
        public static KruskalWallis of(GroupComparison.Result r) {
            GroupComparison.Test t = r.test();
            return t == null ? null : new KruskalWallis(METHOD, t.statistic(), t.df(), t.p(), t.groups(), t.n());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        GroupComparison.Result types = data.groupsByContentType();
        GroupComparison.Result durations = data.groupsByDuration();
        GroupComparison.Result weekdays = data.groupsByWeekday();
        GroupComparison.Result hours = data.groupsByHour();
        GroupComparison.Result hashtags = data.groupsByHashtag();
        PeriodView.Periods periods = PeriodView.of(data, options);
        return new Figures(new Groups("content_type", types), new Groups("hashtag", hashtags),
                new Groups("duration", durations), new Groups("weekday", weekdays), new Groups("hour_utc", hours),
                new GroupTests(KruskalWallis.of(types), KruskalWallis.of(durations), KruskalWallis.of(weekdays),
                        KruskalWallis.of(hours)), periods == null ? null : PeriodGroupTables.of(data, periods,
                        List.of(types, hashtags, durations, weekdays, hours)));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
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
        PeriodGroupTables p = f.periodGroups();
        presentTypes(f.byContentType().result(), ctx, p);
        presentDurations(f.byDuration().result(), ctx, p);
        presentTimes(f.byWeekday().result(), f.byHour().result(), ctx, p);
        GroupComparison.Result hashtags = f.byHashtag().result();
        ctx.markdown("### By hashtag\n\nThe " + GroupComparison.TOP_HASHTAGS + " hashtags on the most videos. A "
                + "video counts under each of its hashtags, so these groups overlap and are not tested against "
                + "each other; read them as descriptions, not causes.");
        cell(ctx, "hashtags", "groupsByHashtag", hashtags, List.of(new Output.Table(table("Hashtag", hashtags))), 1,
                GroupComparison.HASHTAG, "Hashtag", p, p == null ? null : p.byHashtag());
    }

    /** A grouping's cell, with its period table under {@code --period} ({@link PeriodView#groupCell}). */
    private static void cell(ReportContext ctx, String var, String call, GroupComparison.Result r, List<Output> outputs,
            int at, String dimension, String label, PeriodGroupTables p, List<PeriodView.GroupRow> rows) {
        PeriodView.groupCell(ctx, var, "var " + var + " = data." + call + "();", r, outputs, at, dimension, label,
                rows, p == null ? null : p.period(), p == null ? null : p.comparison());
    }

    private void presentTypes(GroupComparison.Result types, ReportContext ctx, PeriodGroupTables p) {
        ctx.markdown("### By content type\n\nThe content type comes from the export when it has one, else from "
                + "hashtags (`--types tutorial=#howto,#tutorial` adds your own mapping).");
        List<Output> outputs = new ArrayList<>();
        if (!types.groups().isEmpty()) {
            outputs.add(AnalyticsCharts.saveRateByGroup("Content type", types.groups()));
        }
        outputs.add(new Output.Table(table("Content type", types)));
        outputs.add(new Output.Markdown(testSentence(types, "content types")));
        cell(ctx, "types", "groupsByContentType", types, outputs, outputs.size() - 1, GroupComparison.CONTENT_TYPE,
                "Content type", p, p == null ? null : p.byContentType());
        typeFinding(ctx, types);
    }

    private void presentDurations(GroupComparison.Result durations, ReportContext ctx, PeriodGroupTables p) {
        ctx.markdown("### By duration\n\nVideos grouped by length; photo posts have no duration and form their own group.");
        cell(ctx, "durations", "groupsByDuration", durations, List.of(new Output.Table(table("Duration", durations)),
                new Output.Markdown(testSentence(durations, "durations"))), 1, GroupComparison.DURATION, "Duration", p,
                p == null ? null : p.byDuration());
        dimensionFinding(ctx, durations, "duration", "the typical %s video");
    }

    private void presentTimes(GroupComparison.Result weekdays, GroupComparison.Result hours, ReportContext ctx,
            PeriodGroupTables p) {
        ctx.markdown("### By weekday and hour posted\n\nPosting times are in UTC: exports give instants, and "
                + "your audience's local time may differ.");
        cell(ctx, "weekdays", "groupsByWeekday", weekdays, List.of(new Output.Table(table("Weekday (UTC)", weekdays)),
                new Output.Markdown(testSentence(weekdays, "weekdays"))), 1, GroupComparison.WEEKDAY, "Weekday (UTC)",
                p, p == null ? null : p.byWeekday());
        cell(ctx, "hours", "groupsByHour", hours, List.of(new Output.Table(table("Hour (UTC)", hours)),
                new Output.Markdown(testSentence(hours, "hours"))), 1, GroupComparison.HOUR, "Hour (UTC)", p,
                p == null ? null : p.byHour());
        dimensionFinding(ctx, weekdays, "weekday", "the typical video posted on a %s");
        dimensionFinding(ctx, hours, "hour", "the typical video posted at %s h UTC");
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
        String headline = isolated(capital(best.key())) + " videos are saved " + ratio + " " + isolated(worst.key()) + " ("
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
        ctx.finding(0.8, "Save rates differ by " + dimension + ": " + String.format(Locale.ROOT, phrase, isolated(best.key()))
                        + " is saved " + Formats.percent(best.medianRate()) + " of the time, "
                        + String.format(Locale.ROOT, phrase, isolated(worst.key())) + " " + Formats.percent(worst.medianRate()) + ".",
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
