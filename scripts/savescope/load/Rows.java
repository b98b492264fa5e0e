package savescope.load;

import java.util.List;

/**
 * A table of text cells read one record at a time (a CSV file, a spreadsheet sheet), with the place of each
 * row and cell in the user's terms, so every reader shares one path from cells to canonical rows.
 */
public interface Rows extends AutoCloseable {
    /** The file as the user named it ({@code archive.zip!/Entry.csv} inside a ZIP). */
    String file();

    /** The header cells, trimmed, BOM removed. */
    List<String> header();

    /** The next record, or null at the end. */
    String[] next();

    /** Where the last record is: {@code 14} for line 14, {@code Sheet1!4} for row 4 of a sheet. */
    String rowPlace();

    /** Where column {@code column} (0-based) of the last record is: {@code 14:3}, {@code Sheet1!C4}. */
    String cellPlace(int column);

    /** The name of the spreadsheet sheet the rows come from, or null for a text file. */
    default String sheet() {
        return null;
    }

    @Override
    void close();

    /**
     * Why a text row with more fields than its header cannot be read, or null when it fits. A separator inside a
     * value that was not quoted shifts every later value one column on, so such a row is refused rather than read
     * into the wrong columns; trailing empty fields are what spreadsheets add when they save CSV, and are kept.
     */
    static String extraFields(String[] row, int width) {
        if (row.length <= width) {
            return null;
        }
        for (int c = width; c < row.length; c++) {
            if (row[c] != null && !row[c].isBlank()) {
                return "the row has " + row.length + " fields, expected " + width + " as in the header; "
                        + "a value with a comma that is not quoted?";
            }
        }
        return null;
    }
}
