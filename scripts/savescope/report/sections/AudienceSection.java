package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import savescope.charts.TimeCharts;
import savescope.metrics.AudienceContext;
import savescope.metrics.RankCorrelation;
import savescope.metrics.RatedVideo;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.Table;

/** Channel-level audience beside the video results, with small segments suppressed, and posting times. */
public final class AudienceSection implements LegacySection {
    static final int BAND_HOURS = 4;
    static final int MIN_VIDEOS_PER_SLOT = 3;

    @Override
    public void build(ReportContext ctx) {
        int min = ctx.options().minSegment();
        ctx.markdown("## Audience and posting times\n\n**Channel level.** Everything in this section describes your "
                + "followers or viewers as a whole, as TikTok Studio reports them; nothing here can identify a viewer. "
                + "Any group smaller than " + min + " people is shown as \"" + AudienceContext.suppressedText(min)
                + "\" (change with `--min-segment`).");
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("level", "channel");
        j.put("min_segment", min);
        Optional<Table> history = ctx.data().channelTable("FollowerHistory");
        Optional<Table> gender = ctx.data().channelTable("FollowerGender");
        Optional<Table> territories = ctx.data().channelTable("FollowerTopTerritories");
        Optional<Table> activity = ctx.data().channelTable("FollowerActivity");
        AudienceContext.Growth growth = history.map(AudienceContext::growth).orElse(null);
        Long followers = growth == null ? null : growth.end();
        if (history.isEmpty() && gender.isEmpty() && territories.isEmpty() && activity.isEmpty()
                && ctx.data().channelTable("Viewers").isEmpty()) {
            ctx.markdown("*The follower tables need the TikTok Studio Followers export (FollowerHistory, "
                    + "FollowerGender, FollowerTopTerritories, FollowerActivity). None was loaded; posting times "
                    + "below come from the videos alone.*");
            j.put("status", "needs the Studio Followers export");
        }
        List<Output.Kpi> kpis = new ArrayList<>();
        if (growth != null) {
            kpis.add(new Output.Kpi("Followers", Formats.compact(growth.end()), Formats.exact(growth.end()),
                    "on " + growth.last() + " (channel level)"));
            kpis.add(new Output.Kpi("Change", (growth.change() >= 0 ? "+" : "") + Formats.compact(growth.change()),
                    Formats.exact(growth.change()), "since " + growth.first()));
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("first_date", growth.first().toString());
            g.put("last_date", growth.last().toString());
            g.put("followers_start", growth.start());
            g.put("followers_end", growth.end());
            j.put("followers", g);
        }
        Optional<Table> viewers = ctx.data().channelTable("Viewers");
        AudienceContext.Returning back = viewers.map(AudienceContext::returning).orElse(null);
        if (back != null && back.days() > 0) {
            kpis.add(new Output.Kpi("Returning viewers", Formats.percent(orNull(back.share())),
                    Formats.percentExact(orNull(back.share())), "of daily viewers over " + back.days() + " days"));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("days", back.days());
            v.put("returning_share", orNull(back.share()));
            j.put("viewers", v);
        }
        List<Output> outs = new ArrayList<>();
        if (!kpis.isEmpty()) {
            outs.add(new Output.Kpis(kpis));
        }
        gender.ifPresent(t -> outs.add(segmentTable("Follower gender", AudienceContext.segments(t, "gender", followers,
                min), min, j, "gender")));
        territories.ifPresent(t -> outs.add(segmentTable("Follower territory", AudienceContext.segments(t, "territory",
                followers, min), min, j, "territories")));
        if (!outs.isEmpty()) {
            ctx.code("AudienceContext.segments(followerGender, \"gender\", followers, " + min + ")",
                    outs.toArray(Output[]::new));
        }
        List<RatedVideo> rated = ctx.ratedVideos();
        activity.ifPresent(t -> activeHours(ctx, t, rated, min, j));

        List<AudienceContext.PostingCell> grid = AudienceContext.postingGrid(rated, BAND_HOURS);
        boolean anySlotShown = grid.stream().anyMatch(c -> c.videos() >= MIN_VIDEOS_PER_SLOT);
        if (anySlotShown) {
            ctx.markdown("### When you post\n\nSave rate by the weekday and time of day (UTC) the videos were posted. "
                    + "This comes from your videos, not from followers.");
            ctx.code("AudienceContext.postingGrid(videos, 4)", TimeCharts.postingHeatMap(grid, BAND_HOURS,
                    MIN_VIDEOS_PER_SLOT));
        } else if (!grid.isEmpty()) {
            // Every slot would be blanked out: an empty grid says nothing, so say why instead.
            ctx.markdown("### When you post\n\nNo weekday-and-time slot (" + BAND_HOURS + "-hour bands, UTC) has "
                    + MIN_VIDEOS_PER_SLOT + " or more videos with a save rate yet, too few to compare posting times.");
        }
        ctx.json("audience", j);
    }

    private void activeHours(ReportContext ctx, Table t, List<RatedVideo> rated, int min, Map<String, Object> j) {
        double[] byHour = AudienceContext.activeByHour(t);
        List<List<Cell>> rows = new ArrayList<>();
        List<Object> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (Double.isNaN(byHour[h])) {
                hours.add(null);
                continue;
            }
            boolean hide = AudienceContext.suppress(byHour[h], min);
            rows.add(List.of(Cell.plain(AudienceContext.hour(h)), hide ? Cell.plain(AudienceContext.suppressedText(min))
                    : VideosSection.count(Math.round(byHour[h]))));
            hours.add(hide ? AudienceContext.suppressedText(min) : (Object) Math.round(byHour[h]));
        }
        if (!ctx.hasSaves()) {
            // Without saves there is no save rate to pair with the busy hours: the activity alone.
            ctx.markdown("### When followers are active\n\nFollowers active per hour of the day (mean over the days in "
                    + "the export, channel level; hours as the export gives them). Whether posting in a busy hour goes "
                    + "with a higher save rate needs a saves count per video, which these files do not have.");
            ctx.code("AudienceContext.activeByHour(followerActivity)", new Output.Table(new TableView(List.of(
                    new Column("Hour", false), new Column("Active followers", true)), rows, rows.size(),
                    "Channel level: mean active followers per hour.")));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("active_followers_by_hour", hours);
            j.put("active_hours", a);
            return;
        }
        AudienceContext.PostingHours ph = AudienceContext.postingHours(rated, byHour);
        RankCorrelation c = ph.correlation();
        ctx.markdown("### Posting when followers are active\n\nFollowers active per hour of the day (mean over the "
                + "days in the export, channel level; hours as the export gives them, taken as UTC like the posting "
                + "times). Does posting in a busy hour go with a higher save rate? Each video is paired with the "
                + "activity at its posting hour.");
        ctx.code("AudienceContext.postingHours(videos, AudienceContext.activeByHour(followerActivity))",
                new Output.Kpis(List.of(
                        new Output.Kpi("Busiest hours", String.join(", ", ph.busyHours().stream()
                                .map(AudienceContext::hour).toList()), "", "top quarter of activity"),
                        new Output.Kpi("Median save rate, busy hours", Formats.percent(orNull(ph.busyMedianRate())),
                                "", ph.busyVideos() + " videos"),
                        new Output.Kpi("Median save rate, other hours", Formats.percent(orNull(ph.otherMedianRate())),
                                "", ph.otherVideos() + " videos"),
                        new Output.Kpi("Spearman ρ", Formats.decimal(orNull(c.rho()), 2), "",
                                "activity at posting hour vs save rate, 95% " + Formats.decimal(orNull(c.low()), 2)
                                        + " to " + Formats.decimal(orNull(c.high()), 2)))),
                new Output.Table(new TableView(List.of(new Column("Hour", false), new Column("Active followers", true)),
                        rows, rows.size(), "Channel level: mean active followers per hour.")));
        if (c.n() >= 10) {
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
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("active_followers_by_hour", hours);
        a.put("busy_hours", ph.busyHours());
        a.put("busy_hour_videos", ph.busyVideos());
        a.put("other_hour_videos", ph.otherVideos());
        a.put("busy_hour_median_rate", orNull(ph.busyMedianRate()));
        a.put("other_hour_median_rate", orNull(ph.otherMedianRate()));
        a.put("spearman_rho", orNull(c.rho()));
        a.put("ci_low", orNull(c.low()));
        a.put("ci_high", orNull(c.high()));
        a.put("p", orNull(c.p()));
        j.put("active_hours", a);
    }

    private static Output segmentTable(String label, List<AudienceContext.Segment> segments, int min,
            Map<String, Object> j, String key) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> js = new ArrayList<>();
        for (AudienceContext.Segment s : segments) {
            String hidden = AudienceContext.suppressedText(min);
            rows.add(List.of(Cell.plain(s.label()),
                    s.suppressed() ? Cell.plain(hidden) : TrendsSection.rate(s.share()),
                    s.suppressed() ? Cell.plain(hidden) : VideosSection.count(s.estimated())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", s.label());
            m.put("share", s.suppressed() ? hidden : s.share());
            m.put("estimated_followers", s.suppressed() ? hidden : s.estimated());
            js.add(m);
        }
        j.put(key, js);
        return new Output.Table(new TableView(List.of(new Column(label, false), new Column("Share", true),
                new Column("About this many followers", true)), rows, rows.size(),
                "Channel level. Sizes are share × followers; groups under " + min + " (or of unknown size) are hidden."));
    }
}
