package savescope.load;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * The rows of one spreadsheet sheet as text cells, numbers written exactly (whole numbers without a
 * fraction, dates and times as ISO-8601), with places like {@code Content!C4}.
 */
final class XlsxRows implements Rows {
    private final String file;
    private final Sheet sheet;
    private final List<String> header;
    private final int last;
    private int rowIndex;

    /** Null when the sheet has no non-empty row to serve as a header. */
    static XlsxRows open(String file, Sheet sheet) {
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
            String[] cells = cells(sheet.getRow(r));
            if (cells != null) {
                return new XlsxRows(file, sheet, cells, r);
            }
        }
        return null;
    }

    private XlsxRows(String file, Sheet sheet, String[] headerCells, int headerRow) {
        this.file = file;
        this.sheet = sheet;
        List<String> h = new ArrayList<>();
        for (String c : headerCells) {
            h.add(c.replace("\uFEFF", "").strip());
        }
        this.header = List.copyOf(h);
        this.rowIndex = headerRow;
        this.last = sheet.getLastRowNum();
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() {
        while (rowIndex < last) {
            rowIndex++;
            String[] cells = cells(sheet.getRow(rowIndex));
            if (cells != null) {
                return cells;
            }
        }
        return null;
    }

    @Override
    public String sheet() {
        return sheet.getSheetName();
    }

    @Override
    public String rowPlace() {
        return sheet.getSheetName() + "!" + (rowIndex + 1);
    }

    @Override
    public String cellPlace(int column) {
        return sheet.getSheetName() + "!" + CellReference.convertNumToColString(column) + (rowIndex + 1);
    }

    @Override
    public void close() {
        // the workbook is closed by whoever opened it
    }

    /** The row's cells as text, or null when the row is missing or blank. */
    private static String[] cells(Row row) {
        if (row == null || row.getLastCellNum() <= 0) {
            return null;
        }
        String[] out = new String[row.getLastCellNum()];
        boolean any = false;
        for (int c = 0; c < out.length; c++) {
            out[c] = text(row.getCell(c));
            any |= !out[c].isBlank();
        }
        return any ? out : null;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        try {
            return typedText(cell);
        } catch (RuntimeException e) {
            // A cell typed as a number or boolean whose stored value is text: that text is what the cell holds,
            // and the reader of its column accepts or rejects it with the cell's place.
            String raw = cell instanceof XSSFCell x ? x.getRawValue() : null;
            return raw == null ? "" : raw;
        }
    }

    private static String typedText(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell x && x.getRawValue() == null) {
                // A formula the workbook never calculated has no value at all; POI would read it as 0, and a
                // missing number must never become zero. Its formula is shown where a value was expected.
                return "=" + cell.getCellFormula();
            }
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING:
                return cell.getRichStringCellValue().getString();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return dateText(cell.getNumericCellValue(), cell.getLocalDateTimeCellValue());
                }
                return number(cell.getNumericCellValue());
            case ERROR:
                return errorText(cell);
            default:
                return "";
        }
    }

    /** Excel's own spelling of an error value ({@code #DIV/0!}, {@code #N/A}), so messages quote what the sheet shows. */
    private static String errorText(Cell cell) {
        try {
            return org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }

    /**
     * A date-formatted cell as ISO-8601 text: a date alone ({@code 2025-01-07}) when it has no time, a time alone
     * ({@code 06:30:00}) when it has no day (its value is below one: a day would count from 1899-12-31, which is
     * what naive readers show), else both.
     */
    static String dateText(double value, LocalDateTime t) {
        if (t == null) {
            return "";
        }
        if (value >= 0 && value < 1) {
            long seconds = Math.round(value * 86_400) % 86_400;
            return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        if (value == Math.rint(value)) {
            return t.toLocalDate().toString();
        }
        return t.withNano(0).toString();
    }

    /**
     * A spreadsheet number as text: whole numbers without ".0"; numbers past 2^53 keep their exponent, because
     * the digits beyond the 15th were lost when the spreadsheet stored them (a 19-digit id becomes 7.37E18).
     */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return Long.toString((long) d);
        }
        if (Math.abs(d) >= 9.0e15) {
            return Double.toString(d);
        }
        return java.math.BigDecimal.valueOf(d).toPlainString();
    }
}
