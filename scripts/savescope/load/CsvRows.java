package savescope.load;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a CSV file's records with the line each starts on, after checking that the bytes are text: a
 * BOM is dropped, the delimiter is detected (comma, semicolon or tab), quoted fields may span lines.
 */
public final class CsvRows implements Rows {
    private final String file;
    private final CsvParser parser;
    private final List<String> header;
    private long lastLine;
    private long recordStart;

    /** Opens {@code in}; throws {@link InputException} when the bytes are not a CSV with a header. */
    public CsvRows(String file, InputStream in) throws IOException {
        this.file = file;
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(4096);
        byte[] head = buffered.readNBytes(4096);
        buffered.reset();
        checkText(file, head);
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            buffered.skipNBytes(3);
        }
        Reader reader = new InputStreamReader(buffered, StandardCharsets.UTF_8);
        CsvParserSettings settings = new CsvParserSettings();
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(4096);
        // The reading thread fills several buffers of this many chars ahead of the parser; the default (a
        // million) zeroes tens of MB per file, which costs more than a small export takes to parse.
        settings.setInputBufferSize(1 << 16);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setDelimiterDetectionEnabled(true, ',', ';', '\t');
        settings.setNullValue(null);
        settings.setEmptyValue("");
        settings.setSkipEmptyLines(true);
        // A title such as "#recipe tonight" may open a line; univocity's default would drop it as a comment.
        settings.getFormat().setComment('\0');
        settings.setCommentProcessingEnabled(false);
        settings.trimValues(false);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        this.parser = new CsvParser(settings);
        parser.beginParsing(reader);
        String[] first = parse();
        if (first == null || Arrays.stream(first).allMatch(c -> c == null || c.isBlank())) {
            parser.stopParsing();
            throw new InputException(file + ": the file is empty; expected a CSV file with a header row.");
        }
        this.header = Arrays.stream(first).map(c -> c == null ? "" : c.replace("\uFEFF", "").strip()).toList();
        this.lastLine = parser.getContext().currentLine();
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** The next record, or null at the end. {@link #line()} then tells the line it starts on (1-based). */
    @Override
    public String[] next() {
        String[] row = parse();
        if (row == null) {
            return null;
        }
        recordStart = lastLine + 1;
        lastLine = parser.getContext().currentLine();
        return row;
    }

    private String[] parse() {
        try {
            return parser.parseNext();
        } catch (TextParsingException e) {
            // The parser's own message is long and multi-line; the first line names the problem.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable CSV");
            throw new InputException(file + ":" + (lastLine + 1) + ": could not read the CSV text (" + why
                    + "); expected comma-, semicolon- or tab-separated values.");
        }
    }

    /** The 1-based line on which the last record returned by {@link #next()} starts. */
    public long line() {
        return recordStart;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String rowPlace() {
        return String.valueOf(recordStart);
    }

    @Override
    public String cellPlace(int column) {
        return recordStart + ":" + (column + 1);
    }

    @Override
    public void close() {
        parser.stopParsing();
    }

    /** Rejects bytes that are clearly not CSV text: archives, spreadsheets, binary data. */
    static void checkText(String file, byte[] head) {
        if (head.length == 0) {
            throw new InputException(file + ": the file is empty; expected a CSV file with a header row.");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InputException(file + ": this is a ZIP archive or an XLSX spreadsheet, not CSV text; "
                    + "give it its real extension (.zip or .xlsx) and SaveScope will read it.");
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            throw new InputException(file + ": this is an old Excel (.xls) workbook, not CSV text; "
                    + "save it as .xlsx or CSV (UTF-8) and try again.");
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                control++;
            }
        }
        if (control > 0) {
            throw new InputException(file + ": found binary data (" + control + " control bytes in the first "
                    + head.length + "), expected CSV text.");
        }
    }
}
