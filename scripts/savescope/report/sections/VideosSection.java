package savescope.report.sections;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import savescope.model.Canonical;
import savescope.notebook.Output;
import savescope.notebook.TableView;
import savescope.notebook.TableView.Cell;
import savescope.notebook.TableView.Column;
import savescope.render.Formats;
import savescope.report.ReportContext;
import savescope.report.Section;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every video with its counts and save rate, most saved first, capped for big inputs. */
public final class VideosSection implements Section {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    @Override
    public void build(ReportContext ctx) {
        Table v = ctx.videos();
        int cap = ctx.options().tableRows();
        ctx.markdown("## Videos\n\nEvery video with its counts, most saved first. Click a column header to sort; "
                + "type in the box to filter. Hover a number for its exact value.");
        ctx.code("videos.sortDescendingOn(\"saves\").first(" + cap + ")", new Output.Table(table(v, cap)));
    }

    /** The per-video table, most saved first (missing saves last), at most {@code cap} rows. */
    public static TableView table(Table v, int cap) {
        LongColumn saves = v.longColumn(Canonical.SAVES);
        LongColumn views = v.longColumn(Canonical.VIEWS);
        StringColumn title = v.stringColumn(Canonical.TITLE);
        StringColumn link = v.stringColumn(Canonical.LINK);
        StringColumn type = v.stringColumn(Canonical.CONTENT_TYPE);
        InstantColumn posted = v.instantColumn(Canonical.POSTED_AT);
        List<Integer> order = IntStream.range(0, v.rowCount()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> saves.isMissing(i) ? Long.MIN_VALUE : saves.getLong(i))
                        .reversed().thenComparing(i -> i))
                .limit(cap).toList();
        List<Column> columns = List.of(new Column("Video", false), new Column("Type", false),
                new Column("Posted", false), new Column("Views", true), new Column("Likes", true),
                new Column("Comments", true), new Column("Shares", true), new Column("Saves", true),
                new Column("Save rate", true));
        List<List<Cell>> rows = new ArrayList<>();
        for (int i : order) {
            List<Cell> row = new ArrayList<>();
            String t = title.get(i).isBlank() ? "(untitled)" : title.get(i);
            row.add(new Cell(shorten(t, 90), t, null, safeLink(link.get(i))));
            row.add(Cell.plain(type.get(i)));
            row.add(posted.isMissing(i) ? Cell.plain("") : Cell.plain(DAY.format(posted.get(i).atOffset(ZoneOffset.UTC))));
            for (String m : Canonical.COUNTS) {
                LongColumn c = v.longColumn(m);
                row.add(count(c.isMissing(i) ? null : c.getLong(i)));
            }
            Double rate = views.isMissing(i) || saves.isMissing(i) || views.getLong(i) == 0 ? null
                    : (double) saves.getLong(i) / views.getLong(i);
            row.add(new Cell(Formats.percent(rate), Formats.percentExact(rate), rate, ""));
            rows.add(row);
        }
        String note = v.rowCount() > cap ? "Showing the " + Formats.exact((long) cap) + " most saved of "
                + Formats.exact((long) v.rowCount()) + " videos; the full table is in the --data-dir export." : "";
        return new TableView(columns, rows, v.rowCount(), note);
    }

    static Cell count(Long n) {
        return new Cell(Formats.compact(n), Formats.exact(n), n == null ? null : n.doubleValue(), "");
    }

    /** Only web links are kept, so a crafted link cannot run script in the report. */
    static String safeLink(String link) {
        String l = link == null ? "" : link.strip();
        return l.startsWith("https://") || l.startsWith("http://") ? l : "";
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
