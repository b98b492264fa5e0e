package savescope.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that counts the bytes taken through it and tells {@link #counted} the running total after each
 * read: the load progress and the ZIP-bomb guard both watch a stream this way.
 */
class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
        super(in);
    }

    /** Bytes read or skipped so far. */
    final long count() {
        return count;
    }

    /** Hears the running total after bytes were taken; nothing by default. */
    protected void counted(long total) {}

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    /** A count that could be rewound would no longer be the bytes read. */
    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        counted(count);
    }
}
