package savescope.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A window of bytes over a stream, read line by line, for the readers that parse canonical CSV straight from its
 * bytes ({@link VideoFastCsv}, {@link DailyFastCsv}): a line is always whole in {@link #buf} between {@link #pos}
 * and the end {@link #lineEnd} returns.
 */
abstract class ByteLines {
    /** {@link #lineEnd}'s answer for a line longer than {@link #MAX_LINE_BYTES}. */
    static final int TOO_LONG = -2;
    /** Far past any row of the formats read this way; a longer line (binary data, say) is not held here. */
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final boolean carriageReturnEndsLine;
    byte[] buf = new byte[BUFFER];
    int pos;
    int limit;
    private boolean eof;
    /** The last line end found in the buffer by {@link #wholeLine}, or -1; positions before it hold whole lines. */
    private int knownLineEnd = -1;

    /** @param carriageReturnEndsLine whether a CR ends a line as an LF does (else only LF does) */
    ByteLines(InputStream in, boolean carriageReturnEndsLine) {
        this.in = in;
        this.carriageReturnEndsLine = carriageReturnEndsLine;
    }

    /** Reads until the buffer is full or the file ends: a header must be in the first buffer. */
    final void fillFirst() throws IOException {
        while (limit < buf.length && fill()) {
            // keep reading
        }
    }

    /** Steps over a UTF-8 byte-order mark at the start of the file. */
    final void skipByteOrderMark() {
        if (pos == 0 && limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    /**
     * The index of the next line end at or after {@link #pos}, reading more of the file as needed (the line is
     * then whole in the buffer), -1 when the file ends first, or {@link #TOO_LONG} for a line longer than any
     * row of these formats, which is left to the general reader.
     */
    final int lineEnd() throws IOException {
        boolean cr = carriageReturnEndsLine;
        int scanned = pos;
        while (true) {
            byte[] b = buf;
            for (int i = scanned; i < limit; i++) {
                if (b[i] == '\n' || (cr && b[i] == '\r')) {
                    return i;
                }
            }
            if (limit - pos > MAX_LINE_BYTES) {
                return TOO_LONG;
            }
            scanned = limit - pos;
            if (!fill()) {
                return -1;
            }
            scanned += pos;
        }
    }

    /**
     * About how many rows a file of {@code size} bytes holds, judged by the whole rows between {@link #pos} (just
     * past the header) and the last line feed in the first buffer read; 0 when none is there to judge by.
     */
    final long rowsIn(long size) {
        int rows = 0;
        int end = -1;
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                rows++;
                end = i;
            }
        }
        return size <= 0 || rows == 0 ? 0 : rowsIn(size - pos, rows, end + 1 - pos);
    }

    /**
     * The rows in {@code rest} bytes of which the first {@code sampleBytes} held {@code sampleRows} rows, 5% over
     * (and 16 more), so that arrays sized by it rarely grow once more.
     */
    static long rowsIn(long rest, long sampleRows, long sampleBytes) {
        if (rest >= Long.MAX_VALUE / 4 / Math.max(1, sampleRows)) {
            return Long.MAX_VALUE / 4; // a size no heap holds the rows of; callers keep to what theirs affords
        }
        return rest * sampleRows / sampleBytes * 21 / 20 + 16;
    }

    /**
     * Makes sure the line at {@link #pos} is whole in {@link #buf}, reading more of the file as needed: it then
     * ends at a line end byte, or at {@link #limit} when the file ends without one. Returns {@link #TOO_LONG}
     * for a line longer than any row of these formats, else 0. The buffer is scanned for line ends once: the
     * last one in it is remembered, and the lines before it need no scan before their fields are read (those
     * readers stop at a line end byte themselves).
     */
    final int wholeLine() throws IOException {
        if (knownLineEnd >= pos) {
            return 0;
        }
        int end = lineEnd();
        if (end == TOO_LONG) {
            return TOO_LONG;
        }
        if (end >= 0) {
            byte[] b = buf;
            int i = limit - 1;
            while (i > end && b[i] != '\n' && !(carriageReturnEndsLine && b[i] == '\r')) {
                i--;
            }
            knownLineEnd = i;
        }
        return 0;
    }

    /**
     * Moves the unread bytes to the front and reads more after them (growing the buffer for a long line);
     * false when the file has ended and nothing was added.
     */
    final boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        knownLineEnd = -1; // positions in the buffer move
        int unread = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, unread);
        } else if (unread == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = unread;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
