package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.metrics.TopVideos;
import savescope.model.Canonical;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** Every video with its counts and save rate, most saved first, capped for big inputs. */
public final class VideosSection implements Section<VideosSection.Figures> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /**
     * The per-video table; nothing of it goes to the JSON (the --data-dir export has every video).
     *
     * @param bySaves whether the videos are ordered by saves (the data has them) or else by views
     * @param videos how many videos there are in all
     * @param cap the most rows the table shows
     * @param rows the first {@code cap} videos in that order
     */
    public record Figures(@JsonIgnore boolean bySaves, @JsonIgnore long videos, @JsonIgnore int cap,
            @JsonIgnore List<TopVideos.Video> rows) {}

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        boolean bySaves = data.hasSaves();
        int cap = options.tableRows();
        return new Figures(bySaves, data.totals().videos(), cap,
                data.topVideos(bySaves ? Canonical.SAVES : Canonical.VIEWS, cap));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        if (!f.bySaves()) {
            ctx.markdown("## Videos\n\nEvery video with its counts, most viewed first (these files have no saves "
                    + "count). Click a column header to sort; type in the box to filter. Hover a number for its exact "
                    + "value.");
            ctx.code("var videos = data.topVideos(\"views\", options.tableRows());", Map.of("videos", f.rows()),
                    new Output.Table(tableWithoutSaves(f.rows(), f.videos(), f.cap())));
            return;
        }
        ctx.markdown("## Videos\n\nEvery video with its counts, most saved first. Click a column header to sort; "
                + "type in the box to filter. Hover a number for its exact value.");
        ctx.code("var videos = data.topVideos(\"saves\", options.tableRows());", Map.of("videos", f.rows()),
                new Output.Table(table(f.rows(), f.videos(), f.cap())));
    }

    /** The per-video table of data without saves: no saves or save-rate columns, most viewed first. */
    static TableView tableWithoutSaves(List<TopVideos.Video> shown, long videos, int cap) {
        TableView full = table(shown, videos, cap);
        List<Column> columns = full.columns().subList(0, full.columns().size() - 2);
        List<List<Cell>> rows = full.rows().stream().map(r -> r.subList(0, r.size() - 2)).toList();
        String note = videos > cap ? "Showing the " + Formats.exact((long) cap) + " most viewed of "
                + Formats.exact(videos) + " videos; the full table is in the --data-dir export." : "";
        return new TableView(columns, rows, (int) videos, note);
    }

    /**
     * The per-video table of {@code shown}, the first {@code cap} of {@code videos} videos most saved first
     * ({@link Analytics#topVideos}).
     */
    public static TableView table(List<TopVideos.Video> shown, long videos, int cap) {
        List<Column> columns = List.of(new Column("Video", false), new Column("Type", false),
                new Column("Posted", false), new Column("Views", true), new Column("Likes", true),
                new Column("Comments", true), new Column("Shares", true), new Column("Saves", true),
                new Column("Save rate", true));
        List<List<Cell>> rows = new ArrayList<>();
        for (TopVideos.Video v : shown) {
            String t = v.title() == null || v.title().isBlank() ? "(untitled)" : v.title();
            Double rate = v.saveRate();
            rows.add(List.of(new Cell(shorten(t, 90), t, null, safeLink(v.link())), Cell.plain(v.contentType()),
                    Cell.plain(v.postedAt() == null ? "" : day(v.postedAt())),
                    count(v.views()), count(v.likes()), count(v.comments()), count(v.shares()), count(v.saves()),
                    new Cell(Formats.percent(rate), Formats.percentExact(rate), rate, "")));
        }
        String note = videos > cap ? "Showing the " + Formats.exact((long) cap) + " most saved of "
                + Formats.exact(videos) + " videos; the full table is in the --data-dir export." : "";
        return new TableView(columns, rows, (int) videos, note);
    }

    /**
     * The UTC day of an ISO-8601 instant as {@link Instant#toString} writes it: its first ten characters for the years
     * 0000-9999 (parsing a thousand of them took 14 ms of a 1,000-video report), else parsed.
     */
    static String day(String instant) {
        if (instant.length() > 10 && instant.charAt(10) == 'T' && instant.charAt(4) == '-' && instant.charAt(7) == '-'
                && instant.endsWith("Z") && Character.isDigit(instant.charAt(0))) {
            return instant.substring(0, 10);
        }
        return DAY.format(Instant.parse(instant).atOffset(ZoneOffset.UTC));
    }

    static Cell count(Long n) {
        return new Cell(Formats.compact(n), Formats.exact(n), n == null ? null : n.doubleValue(), "");
    }

    /** Only web links are kept, so a crafted link cannot run script in the report. */
    static String safeLink(String link) {
        String l = link == null ? "" : link.strip();
        return l.startsWith("https://") || l.startsWith("http://") ? l : "";
    }

    /**
     * At most {@code max} code points, the last an ellipsis when cut. Counting code points keeps an emoji
     * (two UTF-16 chars) whole: half of one cannot be written as UTF-8.
     */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
