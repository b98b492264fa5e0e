package savescope.load;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines ended by LF, CRLF or a lone CR, numbering them from 1; a line longer than its limit
 * is passed over without being held, and reported as {@link #TOO_LONG}.
 */
final class LineSplitter {
    /** Returned (compare with ==) for a line that was longer than the limit. */
    static final String TOO_LONG = new String("(line too long)");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLf;
    private long lineNumber;

    LineSplitter(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The number of the line last returned by {@link #next}. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end, {@link #TOO_LONG}, or null at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || (limit = in.read(buf, 0, buf.length)) < 0) {
                    eof = true;
                    limit = 0;
                    pos = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                pos = 0;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int from = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (!tooLong) {
                if (line.length() + (pos - from) > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                    line.trimToSize();
                } else {
                    line.append(buf, from, pos - from);
                }
            }
            if (pos < limit) {
                skipLf = buf[pos] == '\r';
                pos++;
                break;
            }
        }
        lineNumber++;
        return tooLong ? TOO_LONG : line.toString();
    }
}
