package savescope.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.cells.TableView;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes the report's computed tables as CSV files for spreadsheets: every table and chart's data in the
 * notebook, named after its heading ({@code videos.csv}) or chart title ({@code figure-saves-against-views.csv})
 * rather than its position, so names stay put when sections are added, plus {@code all-videos.csv} with every
 * video (not only the rows the page shows). Numbers are exact and unformatted; rates are ratios (0.0183 = 1.83%). Files
 * start with a byte-order mark so spreadsheet programs read accented titles as UTF-8.
 */
public final class DataExport {
    private static final String BOM = "\uFEFF";
    /**
     * The file that marks a folder as SaveScope's tables, so a later run may replace the CSV files in it
     * (and only there: a folder of the user's own files is never written into).
     */
    public static final String MARKER = ".savescope-tables";
    private static final String MARKER_TEXT = "This folder holds the tables SaveScope's report --data-dir wrote.\n"
            + "SaveScope replaces its CSV files on each run; keep your own files elsewhere.\n";

    private DataExport() {}

    /** True when the tables may go into {@code dir}: it is new, empty, or marked as SaveScope's. */
    public static boolean mayWriteInto(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Writes the files into {@code dir} (created if needed) and returns them in the order written. */
    public static List<Path> write(Notebook notebook, Table videos, Path dir) throws IOException {
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            List<Path> written = write(notebook, videos, dir, batch);
            batch.commit();
            return written;
        }
    }

    /**
     * Writes the files into {@code dir} as part of {@code batch} (they appear when it commits), with the
     * marker, and returns the tables in the order written.
     */
    public static List<Path> write(Notebook notebook, Table videos, Path dir, AtomicFiles.Batch batch)
            throws IOException {
        batch.write(dir.resolve(MARKER), MARKER_TEXT);
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        used.add("all-videos");
        Path all = dir.resolve("all-videos.csv");
        batch.write(all, videosCsv(videos));
        written.add(all);
        String section = "report";
        for (Cell cell : notebook.cells()) {
            if (cell.isMarkdown()) {
                String heading = firstHeading(cell.source());
                if (!heading.isEmpty()) {
                    section = heading;
                }
                continue;
            }
            for (Output o : cell.outputs()) {
                TableView table = null;
                String name = section;
                if (o instanceof Output.Table t) {
                    table = t.table();
                } else if (o instanceof Output.Chart c) {
                    table = c.data();
                    String title = c.title();
                    name = "figure " + (title.isBlank() ? section : title);
                }
                if (table != null) {
                    Path file = dir.resolve(unique(slug(name), used) + ".csv");
                    batch.write(file, tableCsv(table));
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** One table as CSV: exact numbers for numeric cells, the shown text (or its full form) otherwise. */
    static String tableCsv(TableView table) {
        StringBuilder b = new StringBuilder(BOM);
        List<String> header = table.columns().stream().map(TableView.Column::name).toList();
        line(b, header);
        for (List<TableView.Cell> row : table.rows()) {
            List<String> values = new ArrayList<>();
            for (TableView.Cell c : row) {
                if (c.sortKey() != null) {
                    values.add(number(c.sortKey()));
                } else {
                    values.add(c.exact().isEmpty() ? c.text() : c.exact());
                }
            }
            line(b, values);
        }
        return b.toString();
    }

    /** Every column of the per-video frame, plus the save rate; a missing value is an empty field. */
    static String videosCsv(Table videos) {
        StringBuilder b = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(videos.columnNames());
        boolean rate = videos.containsColumn("views") && videos.containsColumn("saves");
        if (rate) {
            header.add("save_rate");
        }
        line(b, header);
        for (int i = 0; i < videos.rowCount(); i++) {
            List<String> values = new ArrayList<>();
            for (Column<?> col : videos.columns()) {
                values.add(col.isMissing(i) ? "" : value(col, i));
            }
            if (rate) {
                var views = videos.longColumn("views");
                var saves = videos.longColumn("saves");
                boolean known = !views.isMissing(i) && !saves.isMissing(i) && views.getLong(i) > 0;
                values.add(known ? number((double) saves.getLong(i) / views.getLong(i)) : "");
            }
            line(b, values);
        }
        return b.toString();
    }

    private static String value(Column<?> col, int i) {
        ColumnType type = col.type();
        Object v = col.get(i);
        if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
            return number(((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }

    /** A number as a spreadsheet reads it; one that is not a number (an unknown value) is an empty field. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder b, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(values.get(i)));
        }
        b.append("\r\n");
    }

    /**
     * A CSV field, quoted when needed. Text that a spreadsheet would run as a formula (starting with
     * {@code = + - @}) gets a leading apostrophe, so a crafted video title cannot execute anything.
     */
    static String field(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String firstHeading(String markdown) {
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("## ") || l.startsWith("### ")) {
                return l.substring(l.indexOf(' ') + 1).strip();
            }
        }
        return "";
    }

    static String slug(String s) {
        String slug = MarkdownHtml.slug(s);
        return slug.isEmpty() ? "table" : slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        int n = 2;
        while (!used.add(name)) {
            name = base + "-" + n++;
        }
        return name;
    }
}
