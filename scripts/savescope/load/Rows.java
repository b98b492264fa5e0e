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

    @Override
    void close();
}
