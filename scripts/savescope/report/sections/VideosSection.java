package savescope.report.sections;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import savescope.model.Canonical;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every video with its counts and save rate, most saved first, capped for big inputs. */
public final class VideosSection implements LegacySection {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    @Override
    public void build(ReportContext ctx) {
        Table v = ctx.videos();
        int cap = ctx.options().tableRows();
        if (!ctx.hasSaves()) {
            ctx.markdown("## Videos\n\nEvery video with its counts, most viewed first (these files have no saves "
                    + "count). Click a column header to sort; type in the box to filter. Hover a number for its exact "
                    + "value.");
            ctx.code("videos.sortDescendingOn(\"views\").first(" + cap + ")", new Output.Table(tableWithoutSaves(v, cap)));
            return;
        }
        ctx.markdown("## Videos\n\nEvery video with its counts, most saved first. Click a column header to sort; "
                + "type in the box to filter. Hover a number for its exact value.");
        ctx.code("videos.sortDescendingOn(\"saves\").first(" + cap + ")", new Output.Table(table(v, cap)));
    }

    /** The per-video table of data without saves: no saves or save-rate columns, most viewed first. */
    static TableView tableWithoutSaves(Table v, int cap) {
        TableView full = table(v, cap, v.longColumn(Canonical.VIEWS));
        List<Column> columns = full.columns().subList(0, full.columns().size() - 2);
        List<List<Cell>> rows = full.rows().stream().map(r -> r.subList(0, r.size() - 2)).toList();
        String note = v.rowCount() > cap ? "Showing the " + Formats.exact((long) cap) + " most viewed of "
                + Formats.exact((long) v.rowCount()) + " videos; the full table is in the --data-dir export." : "";
        return new TableView(columns, rows, v.rowCount(), note);
    }

    /** The per-video table, most saved first (missing saves last), at most {@code cap} rows. */
    public static TableView table(Table v, int cap) {
        return table(v, cap, v.longColumn(Canonical.SAVES));
    }

    /** The per-video table in descending order of {@code by} (missing last), at most {@code cap} rows. */
    private static TableView table(Table v, int cap, LongColumn by) {
        LongColumn saves = v.longColumn(Canonical.SAVES);
        LongColumn views = v.longColumn(Canonical.VIEWS);
        StringColumn title = v.stringColumn(Canonical.TITLE);
        StringColumn link = v.stringColumn(Canonical.LINK);
        StringColumn type = v.stringColumn(Canonical.CONTENT_TYPE);
        InstantColumn posted = v.instantColumn(Canonical.POSTED_AT);
        int[] order = mostSaved(by, cap);
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

    /**
     * The rows of the {@code cap} most saved videos, most saved first, ties in row order, missing saves last.
     * A bounded heap of row numbers keeps this O(n log cap) without boxing a million rows to keep 500.
     */
    static int[] mostSaved(LongColumn saves, int cap) {
        int n = saves.size();
        int k = Math.max(0, Math.min(cap, n));
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = saves.isMissing(i) ? Long.MIN_VALUE : saves.getLong(i);
        }
        // heap[0] is the least saved of the rows kept so far (a min-heap under "ranks below").
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n && k > 0; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, key);
            } else if (ranksAbove(i, heap[0], key)) {
                heap[0] = i;
                siftDown(heap, size, key);
            }
        }
        int[] order = new int[size];
        // Popping the least ranked first fills the result from its end.
        for (int at = size - 1; at >= 0; at--) {
            order[at] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, key);
        }
        return order;
    }

    /** Whether row a comes before row b: more saves, or as many and earlier in the file. */
    private static boolean ranksAbove(int a, int b, long[] key) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    }

    private static void siftUp(int[] heap, int at, long[] key) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!ranksAbove(heap[parent], heap[at], key)) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] key) {
        int at = 0;
        while (true) {
            int low = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && ranksAbove(heap[low], heap[left], key)) {
                low = left;
            }
            if (right < size && ranksAbove(heap[low], heap[right], key)) {
                low = right;
            }
            if (low == at) {
                return;
            }
            swap(heap, low, at);
            at = low;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
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
