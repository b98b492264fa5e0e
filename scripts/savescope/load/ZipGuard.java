package savescope.load;

import java.io.InputStream;

/**
 * One ZIP entry's bytes as they are inflated, never closing the archive, stopping with a clear message when
 * the archive expands like a ZIP bomb (more than {@link #MAX_RATIO} times its compressed size once past
 * {@link #FREE_BYTES}). Entries of any honest size stream through: nothing here holds them.
 */
final class ZipGuard extends CountingStream {
    /** Exports compress about 5 to 20 times; a few hundred is repeated filler, not data. */
    static final long MAX_RATIO = 200;
    /** Expanded bytes allowed before the ratio is checked, so small, well-compressing entries are never refused. */
    static final long FREE_BYTES = 64L << 20;

    private final CountingStream compressed;
    private final String entry;
    private final long compressedAtStart;

    ZipGuard(InputStream entryStream, CountingStream compressed, String entry) {
        super(entryStream);
        this.compressed = compressed;
        this.entry = entry;
        this.compressedAtStart = compressed.count();
    }

    @Override
    protected void counted(long expanded) {
        if (expanded > FREE_BYTES) {
            long packed = Math.max(1, compressed.count() - compressedAtStart);
            if (expanded / packed > MAX_RATIO) {
                throw new InputException(entry + ": this ZIP entry expands more than " + MAX_RATIO + " times (" + mib(expanded)
                        + " from " + mib(packed) + " of compressed bytes so far), as a ZIP bomb does; expected an "
                        + "export, which compresses far less. If the data is real, unzip it and give SaveScope the files.");
            }
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** The archive stays open for its next entry. */
    @Override
    public void close() {
        // the ZipInputStream is closed by whoever opened it
    }
}
