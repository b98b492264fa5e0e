package savescope.cells;

import java.util.List;

/**
 * A table ready to show: headers, cells with display text and exact value, and a note when rows were cut.
 *
 * @param columns the columns in order
 * @param rows the rows shown
 * @param totalRows how many rows the full table has (more than {@code rows.size()} when capped)
 * @param note a remark shown under the table, or empty
 */
public record TableView(List<Column> columns, List<List<Cell>> rows, long totalRows, String note) {

    /** A column; numeric ones are right-aligned and sort by value. */
    public record Column(String name, boolean numeric) {}

    /**
     * A cell.
     *
     * @param text what is shown ({@code 12.4K})
     * @param exact the exact value shown on hover, or empty
     * @param sortKey the number to sort by, or null for text
     * @param href a link (the video), or empty
     */
    public record Cell(String text, String exact, Double sortKey, String href) {
        /** A value that is not a number sorts and exports as a missing one, never as "NaN". */
        public Cell {
            if (sortKey != null && (sortKey.isNaN() || sortKey.isInfinite())) {
                sortKey = null;
            }
        }

        public static Cell plain(String text) {
            return new Cell(text == null ? "" : text, "", null, "");
        }
    }

    public boolean capped() {
        return totalRows > rows.size();
    }
}
