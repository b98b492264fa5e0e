package savescope.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Looks at a file's first bytes to tell JSON from CSV text and to refuse what is neither. */
final class JsonText {
    private JsonText() {}

    /** Reads a file named .json/.jsonl after checking that it holds text. */
    static void check(String file, InputStream in, LoadState state, LoadState.FileContext fc) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] head = peek(buffered);
        if (head.length == 0 || firstSignificant(head) < 0) {
            throw new InputException(file + ": the file is empty; expected JSON (an array of items, an API response, "
                    + "or one object per line).");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InputException(file + ": this is a ZIP archive or an XLSX spreadsheet, not JSON text; give it "
                    + "its real extension (.zip or .xlsx) and SaveScope will read it.");
        }
        TextEncoding encoding = TextEncoding.detectOrNull(head);
        int c = encoding == null ? firstSignificant(head) : firstSignificant(encoding.decode(head));
        if (c != '{' && c != '[') {
            throw new InputException(file + ": found " + (encoding == null ? "binary data" : "text starting with \""
                    + preview(encoding.decode(head)) + "\"") + ", expected JSON starting with { or [.");
        }
        readJson(buffered, encoding, fc, state);
    }

    /** Hands JSON to the reader: plain UTF-8 as bytes (Jackson's fastest path), any other encoding decoded. */
    private static void readJson(InputStream in, TextEncoding encoding, LoadState.FileContext fc, LoadState state)
            throws IOException {
        if (encoding == null || encoding.note() == null) {
            JsonReader.read(in, fc, state);
            return;
        }
        state.assumptions.add(fc.name() + ": " + encoding.note());
        JsonReader.read(encoding.reader(in), fc, state);
    }

    /**
     * For files named as CSV (or with no known extension): JSON text is read as JSON (returning null), anything
     * else is opened as CSV after {@link CsvRows#checkText} has refused binary data.
     */
    static CsvRows csvOrJson(String file, InputStream in, LoadState state, LoadState.FileContext fc) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] head = peek(buffered);
        TextEncoding encoding = CsvRows.checkText(file, head);
        int c = firstSignificant(encoding.decode(head));
        if (c == '{' || c == '[') {
            readJson(buffered, encoding, fc, state);
            return null;
        }
        return new CsvRows(file, buffered);
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(CsvRows.HEAD_BYTES);
        byte[] head = in.readNBytes(CsvRows.HEAD_BYTES);
        in.reset();
        return head;
    }

    /** The first character that is not white space or a BOM, or -1. */
    private static int firstSignificant(String head) {
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\uFEFF') {
                return c;
            }
        }
        return -1;
    }

    private static int firstSignificant(byte[] head) {
        return firstSignificant(new String(head, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String preview(String head) {
        String s = head.substring(0, Math.min(head.length(), 40)).replace("\uFEFF", "").strip();
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl).strip() : s;
    }
}
