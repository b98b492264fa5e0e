package savescope.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import savescope.charts.Svg;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;
import savescope.cells.Output;
import savescope.cells.TableView;

/** Turns what a notebook displays into cell outputs: tables, charts as SVG, our own outputs, or text. */
public final class DisplayOutputs {
    /** Rows shown of a displayed table; the rest are counted in a note, as Jupyter front ends cap them. */
    public static final int MAX_ROWS = 100;

    private DisplayOutputs() {}

    /** The rich output for a value, or null when it has none beyond text. */
    public static Output rich(Object value) {
        if (value instanceof Output o) {
            return o;
        }
        if (value instanceof Table t) {
            return new Output.Table(tableView(t, MAX_ROWS));
        }
        if (value instanceof TableView v) {
            return new Output.Table(v);
        }
        if (value instanceof Chart<?, ?> c) {
            return chart(c);
        }
        return null;
    }

    /** The output {@code display(value)} gives: rich when it can be, else the value as text. */
    public static Output of(Object value) {
        Output rich = rich(value);
        return rich != null ? rich : new Output.Text(describe(value));
    }

    /** What a plain (non-notebook) run prints for a displayed value. */
    static String plainText(Object value) {
        if (value instanceof Table t) {
            return t.printAll();
        }
        if (value instanceof Chart<?, ?> c) {
            return "[chart: " + alt(c) + " Run with ./jbang notebook to see it.]";
        }
        if (value instanceof Output.Chart c) {
            return "[chart: " + c.alt() + " Run with ./jbang notebook to see it.]";
        }
        if (value instanceof Output.Text t) {
            return t.text();
        }
        if (value instanceof Output.Markdown m) {
            return m.markdown();
        }
        if (value instanceof Output.Kpis k) {
            StringBuilder b = new StringBuilder();
            for (Output.Kpi kpi : k.kpis()) {
                b.append(b.length() > 0 ? "\n" : "").append(kpi.label()).append(": ").append(kpi.value())
                        .append(kpi.note().isEmpty() ? "" : " (" + kpi.note() + ")");
            }
            return b.toString();
        }
        if (value instanceof Output.Findings f) {
            StringBuilder b = new StringBuilder();
            for (Output.Finding x : f.findings()) {
                b.append(b.length() > 0 ? "\n" : "").append("- ").append(x.headline())
                        .append(x.detail().isEmpty() ? "" : " " + x.detail());
            }
            return b.toString();
        }
        return describe(value);
    }

    /**
     * A value as text a reader can use: records by their components (a record's own toString shows arrays as
     * {@code [D@1b6d3586}), arrays and lists by their elements.
     */
    static String describe(Object value) {
        StringBuilder b = new StringBuilder();
        describe(value, b, 0);
        return b.toString();
    }

    private static void describe(Object value, StringBuilder b, int depth) {
        if (depth > 12) {
            b.append("…");
        } else if (value instanceof Record r) {
            b.append(r.getClass().getSimpleName()).append('[');
            var components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                b.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    describe(accessor.invoke(r), b, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    b.append('?');
                }
            }
            b.append(']');
        } else if (value != null && value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            b.append('[');
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ", ");
                describe(java.lang.reflect.Array.get(value, i), b, depth + 1);
            }
            b.append(']');
        } else if (value instanceof java.util.Collection<?> c) {
            b.append('[');
            int i = 0;
            for (Object o : c) {
                b.append(i++ == 0 ? "" : ", ");
                describe(o, b, depth + 1);
            }
            b.append(']');
        } else {
            b.append(value);
        }
    }


    static Output.Chart chart(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "Chart" : chart.getTitle();
        return Svg.output(chart, title, alt(chart), "", null);
    }

    private static String alt(Chart<?, ?> chart) {
        List<String> series = new ArrayList<>(chart.getSeriesMap().keySet());
        String kind = chart.getClass().getSimpleName().replace("Chart", "").toLowerCase(Locale.ROOT);
        kind = kind.equals("xy") ? "XY" : kind;
        // "An XY chart", "an OHLC chart": the article follows how the word is said, not its first letter.
        String article = kind.equals("XY") || kind.equals("ohlc") || !kind.isEmpty() && "aeiou".indexOf(kind.charAt(0)) >= 0 ? "An " : "A ";
        String what = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
        return article + kind + " chart" + what + (series.isEmpty() ? "" : " of " + String.join(", ", series)) + ".";
    }

    /** A Tablesaw table as a {@link TableView}: numbers right-aligned and sortable, at most {@code maxRows} rows. */
    public static TableView tableView(Table t, int maxRows) {
        List<TableView.Column> columns = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            columns.add(new TableView.Column(c.name(), c instanceof NumericColumn));
        }
        List<List<TableView.Cell>> rows = new ArrayList<>();
        int n = Math.min(maxRows, t.rowCount());
        int[] decimals = new int[t.columnCount()];
        for (int i = 0; i < decimals.length; i++) {
            decimals[i] = decimals(t.column(i), n);
        }
        for (int r = 0; r < n; r++) {
            List<TableView.Cell> row = new ArrayList<>();
            for (int i = 0; i < decimals.length; i++) {
                row.add(cell(t.column(i), r, decimals[i]));
            }
            rows.add(row);
        }
        String note = t.rowCount() > n ? String.format(Locale.ROOT, "Showing the first %,d of %,d rows.", n, t.rowCount())
                : "";
        return new TableView(columns, rows, t.rowCount(), note);
    }

    private static TableView.Cell cell(Column<?> c, int r, int decimals) {
        if (c.isMissing(r)) {
            return TableView.Cell.plain("");
        }
        if (c instanceof NumericColumn<?> num) {
            double v = num.getDouble(r);
            String exact = c.getString(r);
            return new TableView.Cell(number(v, decimals, exact), exact, v, "");
        }
        return TableView.Cell.plain(c.getString(r));
    }

    /**
     * Decimals for a column, the same for every row so the points line up: none for whole numbers, else enough for
     * four significant digits of the largest value shown (at most four).
     */
    static int decimals(Column<?> c, int rows) {
        if (!(c instanceof NumericColumn<?> num)) {
            return 0;
        }
        double max = 0;
        boolean whole = true;
        for (int r = 0; r < rows; r++) {
            if (!c.isMissing(r)) {
                double v = num.getDouble(r);
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                    whole &= v == Math.rint(v);
                }
            }
        }
        if (whole) {
            return 0;
        }
        int digitsBeforePoint = max < 1 ? 0 : (int) Math.floor(Math.log10(max)) + 1;
        return Math.max(1, Math.min(4, 4 - digitsBeforePoint));
    }

    /** A number with thousands separators and the given decimals; NaN and infinities as Tablesaw writes them. */
    static String number(double v, int decimals, String exact) {
        if (!Double.isFinite(v)) {
            return exact;
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
