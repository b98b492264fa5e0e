package savescope.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import savescope.model.Rejection;

/**
 * Streams a CSV file's records with the line each starts on, after checking that the bytes are text and
 * telling their encoding: the delimiter is detected (comma, semicolon or tab), lines may end in CRLF, LF or
 * CR in any mix, quoted fields may span lines. A row that cannot be read (a quote never closed, binary bytes,
 * a line past {@link #MAX_RECORD_CHARS}) is rejected with its line and reading goes on at the next line.
 */
public final class CsvRows implements Rows {
    /** Bytes looked at to tell the encoding, the delimiter and whether the file is text at all. */
    static final int HEAD_BYTES = 1 << 16;
    /** The longest record kept: far above any export's row, low enough that a runaway line cannot fill memory. */
    static final int MAX_RECORD_CHARS = 1 << 24;
    /**
     * The most lines one quoted value may span. Captions run to a few thousand characters at most; a quote that
     * stays open longer than this is a quote left unclosed, not a value.
     */
    static final int MAX_QUOTED_LINES = 10_000;

    private enum Outcome { RECORD, END, BROKEN_QUOTE, BINARY, TOO_LONG }

    private final String file;
    private final TextEncoding encoding;
    private final TextEncoding.Decoding text;
    private final List<String> header;
    private final List<Rejection> rejections = new ArrayList<>();
    private final StringBuilder quoted = new StringBuilder();
    private char delimiter = ',';
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    /** Buffer indexes that {@link #fill} keeps valid: where the record, the current field and its first line end. */
    private int mark = -1;
    private int fieldFrom;
    private int firstLineEnd = -1;
    /** Lines ended before {@link #pos}. */
    private long line;
    private long recordStart;
    private String[] fields = new String[16];
    private int count;
    private int quoteField;
    private int width = -1;
    /** Excel's first line naming the delimiter ({@code sep=;}), or null when the file has none. */
    private String separatorLine;
    /** Whether the header line ends in LF or CRLF, so that a lone CR later is a character, not a line end. */
    private boolean headerEndsInLf;

    /** Opens {@code in}; throws {@link InputException} when the bytes are not a CSV with a header. */
    public CsvRows(String file, InputStream in) throws IOException {
        this.file = file;
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
        buffered.mark(HEAD_BYTES);
        byte[] head = buffered.readNBytes(HEAD_BYTES);
        buffered.reset();
        this.encoding = checkText(file, head);
        this.text = (TextEncoding.Decoding) encoding.reader(buffered);
        fill();
        char hinted = separatorHint();
        delimiter = hinted != 0 ? hinted : detectDelimiter();
        String[] first = nextRecord(true);
        if (first == null || Arrays.stream(first).allMatch(c -> c == null || c.isBlank())) {
            close();
            throw new InputException(file + ": the file is empty; expected a CSV file with a header row.");
        }
        this.header = Arrays.stream(first).map(c -> c == null ? "" : c.replace("\uFEFF", "").strip()).toList();
        this.width = header.size();
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** The next record, or null at the end. {@link #line()} then tells the line it starts on (1-based). */
    @Override
    public String[] next() {
        return nextRecord(false);
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

    /** Rows that could not be read as records, each counted as a row read and rejected. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** What was assumed about the text (its encoding, bytes replaced), in words; empty for plain UTF-8. */
    public List<String> assumptions() {
        List<String> notes = new ArrayList<>();
        if (separatorLine != null) {
            notes.add("the first line \"" + separatorLine + "\" names the separator, as Excel writes it; the lines "
                    + "below were split at \"" + separatorLine.charAt(4) + "\" and it was not read as a row.");
        }
        if (encoding.note() != null) {
            notes.add(encoding.note());
        }
        if (text.switchedNote() != null) {
            notes.add(text.switchedNote());
        }
        if (text.replaced() > 0) {
            notes.add(text.replaced() + " byte sequences were not valid " + encoding.charset().name()
                    + " and were read as the replacement character \uFFFD.");
        }
        return notes;
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            // nothing was being written
        }
    }

    /** Rejects bytes that are clearly not CSV text (archives, spreadsheets, binary data) and tells the encoding. */
    static TextEncoding checkText(String file, byte[] head) {
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
        return TextEncoding.detect(file, head, "CSV text");
    }

    /**
     * The delimiter a first line {@code sep=;} names (Excel writes it, and honours it, for CSV meant for another
     * locale's separator), having stepped over that line; 0, with nothing read, when the first line is no such hint.
     */
    private char separatorHint() throws IOException {
        int start = pos < limit && buf[pos] == '\uFEFF' ? pos + 1 : pos;
        int end = start;
        while (end < limit && end - start < 12 && buf[end] != '\n' && buf[end] != '\r') {
            end++;
        }
        String raw = new String(buf, start, end - start);
        String first = raw.strip();
        if (first.length() > 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1);
        }
        // "sep=<tab>": the tab is the separator, not white space around the line.
        int at = raw.toLowerCase(java.util.Locale.ROOT).indexOf("sep=\t");
        if (first.equalsIgnoreCase("sep=") && at >= 0) {
            first = raw.substring(at, at + 5);
        }
        boolean hint = end < limit && (buf[end] == '\n' || buf[end] == '\r') && first.length() == 5
                && first.regionMatches(true, 0, "sep=", 0, 4) && first.charAt(4) != '"';
        if (!hint) {
            return 0;
        }
        separatorLine = first;
        pos = end;
        endLine();
        return first.charAt(4);
    }

    /** The delimiter used most often outside quotes on the first line: comma, semicolon or tab (comma on a tie). */
    private char detectDelimiter() {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean inQuotes = false;
        for (int i = pos; i < limit; i++) {
            char c = buf[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The next record, skipping blank lines and rejecting (or, in the header, refusing) unreadable ones. */
    private String[] nextRecord(boolean isHeader) {
        while (true) {
            Outcome outcome;
            try {
                outcome = record();
            } catch (IOException e) {
                throw new InputException(file + ":" + (line + 1) + ": could not read the file (" + e.getMessage() + ").", e);
            }
            if (outcome == Outcome.END) {
                return null;
            }
            if (outcome == Outcome.RECORD) {
                return Arrays.copyOf(fields, count);
            }
            if (isHeader) {
                throw new InputException(file + ":" + recordStart + ": the header row cannot be read: " + problem(outcome)
                        + ".");
            }
            rejections.add(Rejection.at(file, recordStart, outcome == Outcome.BROKEN_QUOTE ? quoteField + 1 : 0,
                    problem(outcome) + (outcome == Outcome.BROKEN_QUOTE ? ". Only this line was skipped: reading went "
                            + "on with the next line." : ". The line was skipped.")));
        }
    }

    /** What made a row unreadable and what was expected, in words. */
    private String problem(Outcome outcome) {
        return switch (outcome) {
            case BROKEN_QUOTE -> "a quote opened in field " + (quoteField + 1) + " is not closed where a row could end; "
                    + "expected a closing quote (\") before the end of the row";
            case BINARY -> "found binary data (zero bytes) instead of text, as in a file cut short while it was "
                    + "written; expected CSV text";
            default -> "the line is longer than " + String.format("%,d", MAX_RECORD_CHARS) + " characters; expected a "
                    + "row of an export";
        };
    }

    /** Reads one record into {@link #fields}, or tells why it could not (leaving the input at the next line). */
    private Outcome record() throws IOException {
        if (!skipBlankLines()) {
            return Outcome.END;
        }
        recordStart = line + 1;
        mark = pos;
        firstLineEnd = -1;
        count = 0;
        try {
            Outcome o = fields();
            boolean spansLines = firstLineEnd >= 0;
            if (o == Outcome.RECORD && spansLines && width >= 0 && count != width) {
                // A quoted value ran over line ends and left a row that does not fit the header: a quote left open.
                o = Outcome.BROKEN_QUOTE;
            }
            if (o != Outcome.RECORD && spansLines) {
                // Whatever went wrong after the first line end, the lines after the first get their own chance.
                pos = firstLineEnd;
                line = recordStart;
                return Outcome.BROKEN_QUOTE;
            }
            if (o != Outcome.RECORD && o != Outcome.END) {
                skipLine();
            }
            return o;
        } finally {
            mark = -1;
        }
    }

    /** Fields up to the end of the record. */
    private Outcome fields() throws IOException {
        final char delim = delimiter;
        while (true) {
            if (pos == limit && !fill()) {
                add(null);
                return Outcome.RECORD;
            }
            if (buf[pos] == '"') {
                Outcome o = quotedField();
                if (o != null) {
                    return o;
                }
            } else {
                fieldFrom = pos;
                while (true) {
                    if (pos == limit) {
                        if (!fill()) {
                            addPlain();
                            return Outcome.RECORD;
                        }
                        if (limit - mark >= MAX_RECORD_CHARS) {
                            return Outcome.TOO_LONG;
                        }
                        continue;
                    }
                    char c = buf[pos];
                    if (c == delim) {
                        break;
                    }
                    if (c < ' ') {
                        if (c == '\r' && crInValue()) {
                            pos++;
                            continue;
                        }
                        if (c == '\n' || c == '\r') {
                            addPlain();
                            endLine();
                            return Outcome.RECORD;
                        }
                        if (c == 0) {
                            return Outcome.BINARY;
                        }
                    }
                    pos++;
                }
                addPlain();
            }
            // At a delimiter.
            pos++;
        }
    }

    /**
     * A quoted field from its opening quote; null when it ended at a delimiter (which {@link #pos} is then on),
     * else the outcome of the record (it ended there, or could not be read).
     */
    private Outcome quotedField() throws IOException {
        quoteField = count;
        quoted.setLength(0);
        pos++;
        fieldFrom = pos;
        long openedOn = line;
        while (true) {
            if (pos == limit) {
                boolean more = fill();
                if (!more) {
                    return Outcome.BROKEN_QUOTE;
                }
                if (limit - mark >= MAX_RECORD_CHARS) {
                    return line > openedOn ? Outcome.BROKEN_QUOTE : Outcome.TOO_LONG;
                }
                continue;
            }
            char c = buf[pos];
            if (c == '"') {
                quoted.append(buf, fieldFrom, pos - fieldFrom);
                pos++;
                if ((pos < limit || fill()) && buf[pos] == '"') {
                    quoted.append('"');
                    pos++;
                    fieldFrom = pos;
                    continue;
                }
                break;
            }
            if (c == '\n' || c == '\r') {
                quoted.append(buf, fieldFrom, pos - fieldFrom).append('\n');
                endLine();
                if (firstLineEnd < 0) {
                    firstLineEnd = pos;
                }
                if (line - openedOn >= MAX_QUOTED_LINES) {
                    return Outcome.BROKEN_QUOTE;
                }
                fieldFrom = pos;
                continue;
            }
            if (c == 0) {
                return Outcome.BINARY;
            }
            pos++;
        }
        // After the closing quote: the field ends here, or text follows that belongs to it.
        fieldFrom = pos;
        while (true) {
            if (pos == limit) {
                if (!fill()) {
                    add(quoted.append(buf, fieldFrom, pos - fieldFrom).toString());
                    return Outcome.RECORD;
                }
                if (limit - mark >= MAX_RECORD_CHARS) {
                    return line > openedOn ? Outcome.BROKEN_QUOTE : Outcome.TOO_LONG;
                }
                continue;
            }
            char c = buf[pos];
            if (c == delimiter || c == '\n' || c == '\r') {
                if (pos > fieldFrom && line > openedOn) {
                    // Text after a quote that closed lines later: the quote that opened it was left open.
                    return Outcome.BROKEN_QUOTE;
                }
                add(quoted.append(buf, fieldFrom, pos - fieldFrom).toString());
                if (c == delimiter) {
                    return null;
                }
                endLine();
                return Outcome.RECORD;
            }
            if (c == 0) {
                return Outcome.BINARY;
            }
            pos++;
        }
    }

    /**
     * Whether the lone CR at {@link #pos} belongs to an unquoted value rather than ending the row: so in a file
     * whose header ends in LF or CRLF, when the row has not yet reached its last field. A title pasted with a
     * stray carriage return would otherwise split its row into two broken ones.
     */
    private boolean crInValue() throws IOException {
        if (!headerEndsInLf || width < 0 || count + 1 >= width) {
            return false;
        }
        return (pos + 1 < limit || fill()) && buf[pos + 1] != '\n';
    }

    private void addPlain() {
        add(pos == fieldFrom ? null : new String(buf, fieldFrom, pos - fieldFrom));
    }

    private void add(String value) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = value;
    }

    /** Steps over the line end at {@link #pos}: CRLF, LF or a lone CR. */
    private void endLine() throws IOException {
        char c = buf[pos++];
        line++;
        if (width < 0) {
            headerEndsInLf = c == '\n' || ((pos < limit || fill()) && buf[pos] == '\n');
        }
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    /** Steps over empty lines; false at the end of the text. */
    private boolean skipBlankLines() throws IOException {
        while (pos < limit || fill()) {
            char c = buf[pos];
            if (c != '\n' && c != '\r') {
                return true;
            }
            endLine();
        }
        return false;
    }

    /** Steps past the rest of the current line without keeping it. */
    private void skipLine() throws IOException {
        mark = -1;
        while (pos < limit || fill()) {
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endLine();
                return;
            }
            pos++;
            if (c == 0 && pos == limit) {
                // A run of zero bytes: skipped as bytes, far faster than decoding them one by one.
                text.skipZeroBytes();
            }
        }
    }

    /**
     * Reads more text after the unread part (and after {@link #mark}, which is kept), growing the buffer for a
     * long record; false when the text has ended and nothing was added.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= keep;
            pos -= keep;
            fieldFrom -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
            if (firstLineEnd >= 0) {
                firstLineEnd -= keep;
            }
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = text.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
