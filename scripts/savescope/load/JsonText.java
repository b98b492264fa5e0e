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
        int c = firstSignificant(head);
        if (c != '{' && c != '[') {
            throw new InputException(file + ": found " + (binary(head) ? "binary data" : "text starting with \""
                    + preview(head) + "\"") + ", expected JSON starting with { or [.");
        }
        JsonReader.read(buffered, fc, state);
    }

    /**
     * For files named as CSV (or with no known extension): JSON text is read as JSON (returning null), anything
     * else is opened as CSV after {@link CsvRows#checkText} has refused binary data.
     */
    static CsvRows csvOrJson(String file, InputStream in, LoadState state, LoadState.FileContext fc) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] head = peek(buffered);
        CsvRows.checkText(file, head);
        int c = firstSignificant(head);
        if (c == '{' || c == '[') {
            JsonReader.read(buffered, fc, state);
            return null;
        }
        return new CsvRows(file, buffered);
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        return head;
    }

    /** The first byte that is not white space or a BOM, or -1. */
    private static int firstSignificant(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        for (; i < head.length; i++) {
            int b = head[i] & 0xff;
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    private static boolean binary(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return true;
            }
        }
        return false;
    }

    private static String preview(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 40), java.nio.charset.StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl).strip() : s;
    }
}
