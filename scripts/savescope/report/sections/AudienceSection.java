package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Analytics;
import savescope.metrics.AudienceContext;
import savescope.metrics.RankCorrelation;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** Channel-level audience beside the video results, with small segments suppressed, and posting times. */
public final class AudienceSection implements Section<AudienceSection.Figures> {
    static final int BAND_HOURS = 4;
    static final int MIN_VIDEOS_PER_SLOT = 3;
    /** The Studio tables this section reads; with none of them, it says which export it needs. */
    static final List<String> CHANNEL_TABLES = List.of("FollowerHistory", "FollowerGender", "FollowerTopTerritories",
            "FollowerActivity", "Viewers");

    /** @param audience the JSON's {@code audience}: channel-level figures only */
    public record Figures(Audience audience) {}

    /**
     * What the Studio channel tables say; a part whose table was not loaded is left out.
     *
     * @param level always {@code channel}: nothing here describes a single viewer
     * @param minSegment groups smaller than this are hidden ({@code --min-segment})
     * @param status what is missing when no follower or viewer table was loaded, else null
     * @param followers follower growth over the history table
     * @param viewers returning viewers over the Viewers table, when it has days with both counts
     * @param gender follower gender segments
     * @param territories follower territory segments
     * @param activeHours follower activity by hour, and with saves how it goes with save rates
     * @param postingGrid save rate by posting weekday and time band (from the videos, not followers)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(String level, int minSegment, String status, Followers followers, Viewers viewers,
            List<Segment> gender, List<Segment> territories, ActiveHours activeHours,
            @JsonIgnore List<AudienceContext.PostingCell> postingGrid) {}

    /** Followers on the first and last day of the history table (dates as {@code YYYY-MM-DD}). */
    public record Followers(String firstDate, String lastDate, long followersStart, long followersEnd) {
        /** The growth as the report shows it, or null without one. */
        public static Followers of(AudienceContext.Growth g) {
            return g == null ? null : new Followers(g.first().toString(), g.last().toString(), g.start(), g.end());
        }
    }

    /** Returning viewers over {@code days} days; the share is NaN (written as null) when no viewer was counted. */
    public record Viewers(int days, double returningShare) {
        /** The share as the report shows it, or null when there is no day with both counts. */
        public static Viewers of(AudienceContext.Returning r) {
            return r == null || r.days() <= 0 ? null : new Viewers(r.days(), r.share());
        }
    }

    /**
     * A follower segment as the page shows it.
     *
     * @param segment its label
     * @param share its share of followers (a Double), or the "fewer than N" text when hidden
     * @param estimatedFollowers share × followers (a Long), or the same text when hidden
     * @param counts the segment as computed
     */
    public record Segment(String segment, Object share, Object estimatedFollowers,
            @JsonIgnore AudienceContext.Segment counts) {
        static Segment of(AudienceContext.Segment s, int min) {
            String hidden = AudienceContext.suppressedText(min);
            return new Segment(s.label(), s.suppressed() ? hidden : s.share(), s.suppressed() ? hidden : s.estimated(),
                    s);
        }
    }

    /**
     * Followers active per hour; the other parts only when the data has saves (NaN is written as null).
     *
     * @param activeFollowersByHour per hour 0–23: the mean (a Long), the "fewer than N" text, or null without rows
     * @param busyHours the hours in the top quarter of activity
     * @param busyHourVideos videos posted in those hours
     * @param otherHourVideos videos posted in other hours
     * @param busyHourMedianRate their median save rate
     * @param otherHourMedianRate the others' median save rate
     * @param spearmanRho activity at the posting hour against save rate
     * @param ciLow low end of its 95% interval
     * @param ciHigh high end
     * @param p its two-sided p-value
     * @param byHour the means as computed
     * @param postingHours the comparison as computed, or null without saves
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActiveHours(List<Object> activeFollowersByHour, List<Integer> busyHours, Integer busyHourVideos,
            Integer otherHourVideos, Double busyHourMedianRate, Double otherHourMedianRate, Double spearmanRho,
            Double ciLow, Double ciHigh, Double p, @JsonIgnore double[] byHour,
            @JsonIgnore AudienceContext.PostingHours postingHours) {

        static ActiveHours of(double[] byHour, AudienceContext.PostingHours ph, int min) {
            List<Object> hours = new ArrayList<>();
            for (double active : byHour) {
                hours.add(Double.isNaN(active) ? null : AudienceContext.suppress(active, min)
                        ? AudienceContext.suppressedText(min) : (Object) Math.round(active));
            }
            if (ph == null) {
                return new ActiveHours(hours, null, null, null, null, null, null, null, null, null, byHour, null);
            }
            RankCorrelation c = ph.correlation();
            return new ActiveHours(hours, ph.busyHours(), ph.busyVideos(), ph.otherVideos(), ph.busyMedianRate(),
                    ph.otherMedianRate(), c.rho(), c.low(), c.high(), c.p(), byHour, ph);
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        int min = options.minSegment();
        boolean none = CHANNEL_TABLES.stream().noneMatch(data::hasChannelTable);
        List<AudienceContext.Segment> gender = data.followerGender(min);
        List<AudienceContext.Segment> territories = data.followerTerritories(min);
        double[] byHour = data.activeFollowersByHour();
        ActiveHours active = byHour == null ? null
                : ActiveHours.of(byHour, data.hasSaves() ? data.postingHours() : null, min);
        return new Figures(new Audience("channel", min, none ? "needs the Studio Followers export" : null,
                Followers.of(data.followerGrowth()), Viewers.of(data.returningViewers()), segments(gender, min),
                segments(territories, min), active, data.postingGrid(BAND_HOURS)));
    }

    private static List<Segment> segments(List<AudienceContext.Segment> segments, int min) {
        return segments == null ? null : segments.stream().map(s -> Segment.of(s, min)).toList();
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        Audience a = f.audience();
        int min = a.minSegment();
        ctx.markdown("## Audience and posting times\n\n**Channel level.** Everything in this section describes your "
                + "followers or viewers as a whole, as TikTok Studio reports them; nothing here can identify a viewer. "
                + "Any group smaller than " + min + " people is shown as \"" + AudienceContext.suppressedText(min)
                + "\" (change with `--min-segment`).");
        if (a.status() != null) {
            ctx.markdown("*The follower tables need the TikTok Studio Followers export (FollowerHistory, "
                    + "FollowerGender, FollowerTopTerritories, FollowerActivity). None was loaded; posting times "
                    + "below come from the videos alone.*");
        }
        presentFollowers(a, ctx);
        if (a.activeHours() != null) {
            presentActiveHours(a.activeHours(), ctx);
        }
        presentPostingGrid(a.postingGrid(), ctx);
    }

    private static void presentFollowers(Audience a, ReportContext ctx) {
        List<Output.Kpi> kpis = new ArrayList<>();
        Followers g = a.followers();
        if (g != null) {
            long change = g.followersEnd() - g.followersStart();
            kpis.add(new Output.Kpi("Followers", Formats.compact(g.followersEnd()), Formats.exact(g.followersEnd()),
                    "on " + g.lastDate() + " (channel level)"));
            kpis.add(new Output.Kpi("Change", (change >= 0 ? "+" : "") + Formats.compact(change),
                    Formats.exact(change), "since " + g.firstDate()));
        }
        Viewers v = a.viewers();
        if (v != null) {
            kpis.add(new Output.Kpi("Returning viewers", Formats.percent(orNull(v.returningShare())),
                    Formats.percentExact(orNull(v.returningShare())), "of daily viewers over " + v.days() + " days"));
        }
        List<Output> outs = new ArrayList<>();
        if (!kpis.isEmpty()) {
            outs.add(new Output.Kpis(kpis));
        }
        if (a.gender() != null) {
            outs.add(segmentTable("Follower gender", a.gender(), a.minSegment()));
        }
        if (a.territories() != null) {
            outs.add(segmentTable("Follower territory", a.territories(), a.minSegment()));
        }
        if (outs.isEmpty()) {
            return;
        }
        Map<String, Object> shows = new LinkedHashMap<>();
        shows.put("followers", g);
        shows.put("viewers", v);
        shows.put("gender", counts(a.gender()));
        shows.put("territories", counts(a.territories()));
        ctx.code("""
                var followers = AudienceSection.Followers.of(data.followerGrowth());
                var viewers = AudienceSection.Viewers.of(data.returningViewers());
                var gender = data.followerGender(options.minSegment());   // small groups hidden
                var territories = data.followerTerritories(options.minSegment());""", shows,
                outs.toArray(Output[]::new));
    }

    private static List<AudienceContext.Segment> counts(List<Segment> segments) {
        return segments == null ? null : segments.stream().map(Segment::counts).toList();
    }

    private static void presentActiveHours(ActiveHours a, ReportContext ctx) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int h = 0; h < a.activeFollowersByHour().size(); h++) {
            Object shown = a.activeFollowersByHour().get(h);
            if (shown != null) {
                rows.add(List.of(Cell.plain(AudienceContext.hour(h)), shown instanceof Long n ? VideosSection.count(n)
                        : Cell.plain((String) shown)));
            }
        }
        Output.Table table = new Output.Table(new TableView(List.of(new Column("Hour", false),
                new Column("Active followers", true)), rows, rows.size(), "Channel level: mean active followers per hour."));
        if (a.postingHours() == null) {
            // Without saves there is no save rate to pair with the busy hours: the activity alone.
            ctx.markdown("### When followers are active\n\nFollowers active per hour of the day (mean over the days in "
                    + "the export, channel level; hours as the export gives them). Whether posting in a busy hour goes "
                    + "with a higher save rate needs a saves count per video, which these files do not have.");
            ctx.code("var activeByHour = data.activeFollowersByHour();", Map.of("activeByHour", a.byHour()), table);
            return;
        }
        ctx.markdown("### Posting when followers are active\n\nFollowers active per hour of the day (mean over the "
                + "days in the export, channel level; hours as the export gives them, taken as UTC like the posting "
                + "times). Does posting in a busy hour go with a higher save rate? Each video is paired with the "
                + "activity at its posting hour.");
        ctx.code("""
                var activeByHour = data.activeFollowersByHour();
                var postingHours = data.postingHours();   // each video paired with the activity at its posting hour""",
                Map.of("activeByHour", a.byHour(), "postingHours", a.postingHours()),
                postingHoursKpis(a.postingHours()), table);
        presentPostingHoursFinding(a.postingHours().correlation(), ctx);
    }

    private static Output.Kpis postingHoursKpis(AudienceContext.PostingHours ph) {
        RankCorrelation c = ph.correlation();
        return new Output.Kpis(List.of(
                new Output.Kpi("Busiest hours", String.join(", ", ph.busyHours().stream()
                        .map(AudienceContext::hour).toList()), "", "top quarter of activity"),
                new Output.Kpi("Median save rate, busy hours", Formats.percent(orNull(ph.busyMedianRate())),
                        "", ph.busyVideos() + " videos"),
                new Output.Kpi("Median save rate, other hours", Formats.percent(orNull(ph.otherMedianRate())),
                        "", ph.otherVideos() + " videos"),
                new Output.Kpi("Spearman ρ", Formats.decimal(orNull(c.rho()), 2), "",
                        "activity at posting hour vs save rate, 95% " + Formats.decimal(orNull(c.low()), 2)
                                + " to " + Formats.decimal(orNull(c.high()), 2))));
    }

    private static void presentPostingHoursFinding(RankCorrelation c, ReportContext ctx) {
        if (c.n() < 10) {
            return;
        }
        ctx.finding(0.7, c.excludesZero()
                ? "Videos posted when more followers are active had " + (c.rho() > 0 ? "higher" : "lower")
                        + " save rates (ρ = " + Formats.decimal(c.rho(), 2) + ")."
                : "Posting in busy follower hours shows no clear link with save rate (ρ = "
                        + Formats.decimal(orNull(c.rho()), 2) + ").",
                "Channel-level follower activity against " + c.n() + " videos' save rates; 95% interval "
                        + Formats.decimal(orNull(c.low()), 2) + " to " + Formats.decimal(orNull(c.high()), 2)
                        + ". An association; posting time also goes with what you post.",
                c.excludesZero() ? "weak" : "info");
    }

    private static void presentPostingGrid(List<AudienceContext.PostingCell> grid, ReportContext ctx) {
        boolean anySlotShown = grid.stream().anyMatch(c -> c.videos() >= MIN_VIDEOS_PER_SLOT);
        if (anySlotShown) {
            ctx.markdown("### When you post\n\nSave rate by the weekday and time of day (UTC) the videos were posted. "
                    + "This comes from your videos, not from followers.");
            ctx.code("var grid = data.postingGrid(" + BAND_HOURS + ");   // weekday × band of hours, UTC",
                    Map.of("grid", grid), TimeCharts.postingHeatMap(grid, BAND_HOURS, MIN_VIDEOS_PER_SLOT));
        } else if (!grid.isEmpty()) {
            // Every slot would be blanked out: an empty grid says nothing, so say why instead.
            ctx.markdown("### When you post\n\nNo weekday-and-time slot (" + BAND_HOURS + "-hour bands, UTC) has "
                    + MIN_VIDEOS_PER_SLOT + " or more videos with a save rate yet, too few to compare posting times.");
        }
    }

    /** A table of segments; hidden ones show the "fewer than N" text in place of their numbers. */
    private static Output segmentTable(String label, List<Segment> segments, int min) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Segment s : segments) {
            AudienceContext.Segment c = s.counts();
            String hidden = AudienceContext.suppressedText(min);
            rows.add(List.of(Cell.plain(s.segment()),
                    c.suppressed() ? Cell.plain(hidden) : TrendsSection.rate(c.share()),
                    c.suppressed() ? Cell.plain(hidden) : VideosSection.count(c.estimated())));
        }
        return new Output.Table(new TableView(List.of(new Column(label, false), new Column("Share", true),
                new Column("About this many followers", true)), rows, rows.size(),
                "Channel level. Sizes are share × followers; groups under " + min + " (or of unknown size) are hidden."));
    }
}
