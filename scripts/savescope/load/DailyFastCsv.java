package savescope.load;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import savescope.model.Canonical;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import savescope.model.Rejection;

/**
 * Reads a plain canonical daily CSV straight from its bytes into primitive arrays. A daily series has
 * millions of rows, and the general reader's per-row String[] and number Strings cost seconds of garbage
 * collection there; anything this reader does not recognise makes it give up so the file is read again by
 * {@link DailyCsv}, whose rejections and messages stay the only ones users see.
 */
final class DailyFastCsv extends ByteLines {
    private static final int ID = 0;
    private static final int DATE = 1;
    /** Roles from here on are counts, in the order of {@link Canonical#COUNTS}. */
    private static final int FIRST_COUNT = 2;
    private static final List<String> NAMES = List.of(Canonical.VIDEO_ID, Canonical.DATE, Canonical.VIEWS,
            Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES, Canonical.SAVES);
    private static final int FIELDS = NAMES.size();
    /** Bytes held per row while reading: the video's key and the date (an int each), the five counts (a long each). */
    private static final long ROW_BYTES = 4L * 2 + 8L * 5;
    /**
     * Above this many distinct ids Tablesaw's string column is surely int-keyed (its byte and short keyed
     * dictionaries hold fewer), so {@link Parsed#idColumn} may build that dictionary itself.
     */
    private static final int WIDE_DICTIONARY = 1 << 16;
    /** The first key Tablesaw's int-keyed dictionary gives out: one past its "absent" value. */
    private static final int FIRST_KEY = Integer.MIN_VALUE + 1;

    /** Tablesaw's constructor of a long column around a list it keeps; null where it cannot be used. */
    private static final java.lang.reflect.Constructor<LongColumn> WRAP_LONGS = wrappingConstructor();

    private static java.lang.reflect.Constructor<LongColumn> wrappingConstructor() {
        try {
            java.lang.reflect.Constructor<LongColumn> c =
                    LongColumn.class.getDeclaredConstructor(String.class, it.unimi.dsi.fastutil.longs.LongArrayList.class);
            c.setAccessible(true);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A count column that keeps {@code values} (its first {@code rows}) as its storage: setting millions of
     * cells one by one into a new column took about a fifth of reading a 3,000,000-row series. Tablesaw has
     * no public way to hand a column its array, so its own constructor is called (the version pinned in
     * Deps; {@code DailyFastCsvTest} compares such a column with one appended value by value); should that
     * constructor be gone, the column is filled the public way.
     */
    static LongColumn countColumn(String name, long[] values, int rows) {
        if (WRAP_LONGS != null) {
            try {
                return WRAP_LONGS.newInstance(name, it.unimi.dsi.fastutil.longs.LongArrayList.wrap(values, rows));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the public way
            }
        }
        return LongColumn.create(name, Arrays.copyOf(values, rows));
    }

    private DailyFastCsv(InputStream in) {
        super(in, true); // CRLF and CR line ends are read here
    }

    /**
     * Reads {@code in} into {@code state.daily} and records its source, or returns false having changed
     * nothing when the file is not plainly the canonical daily CSV (then read it again the general way).
     *
     * @param sizeHint the file's size in bytes, to size the arrays once (0 when unknown)
     */
    static boolean read(InputStream in, String file, long sizeHint, LoadState state) throws IOException {
        if (!state.options.columnMap().isEmpty()) {
            return false;
        }
        DailyFastCsv reader = new DailyFastCsv(in);
        Parsed parsed = reader.parse(sizeHint);
        if (parsed == null || parsed.rows == 0) {
            return false;
        }
        return finish(parsed, file, state);
    }

    /** Drops the rows later ones repeat, appends the rest to {@code state.daily} and records the source. */
    private static boolean finish(Parsed parsed, String file, LoadState state) {
        int read = parsed.rows;
        int[] later = DailyRepeats.laterRepeatOf(parsed.idKeys, parsed.dates, parsed.rows);
        List<Rejection> rejections = List.of();
        List<String> warnings = List.of();
        if (later != null) {
            // No blank lines and no quoted line ends get this far: row r is on line r + 2, below the header.
            rejections = DailyRepeats.rejections(file, later, r -> String.valueOf(r + 2), r -> "line " + (r + 2),
                    r -> "video " + parsed.distinct.get(parsed.idKeys[r]) + " on "
                            + PackedLocalDate.toDateString(parsed.dates[r]));
            warnings = List.of(DailyRepeats.warning(later, r -> "line " + (r + 2)));
            parsed.drop(later);
        }
        parsed.appendTo(state.daily);
        state.sources.add(DailyCsv.report(file, read, parsed.rows, rejections, List.of(), warnings));
        return true;
    }

    /** Files at least this big are read as two halves side by side, when there is a second core. */
    static final long SPLIT_BYTES = 16L << 20;

    /**
     * {@link #read(InputStream, String, long, LoadState)} of the file at {@code path}; one of at least
     * {@code splitBytes} is read in two halves at once (its second half from the first line start past the
     * middle), which gives the same rows, keys and order as one pass: a 3,000,000-row series took one core
     * for most of a report's load while the other sat idle once the videos were in.
     *
     * @param progress hears the bytes read of the file, both halves together; null for none
     */
    static boolean read(java.nio.file.Path path, String file, LoadState state, Loader.Progress progress, long splitBytes)
            throws IOException {
        if (!state.options.columnMap().isEmpty()) {
            return false;
        }
        long size = java.nio.file.Files.size(path);
        if (size >= splitBytes && Runtime.getRuntime().availableProcessors() > 1
                && java.nio.file.Files.isRegularFile(path)) {
            // One open file for its size, the split and both halves: a series rewritten in place (a new file
            // moved over it) while it is read must not give the first half of one file and the second of another.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
                return readOpen(ch, file, state, progress, splitBytes);
            }
        }
        try (InputStream in = counted(java.nio.file.Files.newInputStream(path), shared(progress, size))) {
            return read(in, file, size, state);
        }
    }

    /** The bytes read of both halves added up for {@code progress} (null for none). */
    private static Loader.Progress shared(Loader.Progress progress, long size) {
        if (progress == null) {
            return null;
        }
        long[] readSoFar = {0};
        return (bytes, total) -> {
            synchronized (readSoFar) {
                progress.bytesRead(readSoFar[0] += bytes, size);
            }
        };
    }

    private static boolean readOpen(java.nio.channels.FileChannel ch, String file, LoadState state,
            Loader.Progress progress, long splitBytes) throws IOException {
        long size = ch.size();
        Loader.Progress shared = shared(progress, size);
        long split = size >= splitBytes ? lineStartAfter(ch, size / 2) : -1;
        if (split <= 0 || split >= size) {
            try (InputStream in = counted(new ChannelRange(ch, 0, Long.MAX_VALUE), shared)) {
                return read(in, file, size, state);
            }
        }
        java.util.concurrent.CompletableFuture<int[]> header = new java.util.concurrent.CompletableFuture<>();
        int[] wholeRows = {0};
        java.util.concurrent.FutureTask<Parsed> secondHalf = new java.util.concurrent.FutureTask<>(() -> {
            int[] roles = header.join();
            if (roles == null) {
                return null;
            }
            try (InputStream in = counted(new ChannelRange(ch, split, Long.MAX_VALUE), shared)) {
                long rows = (long) wholeRows[0] * (size - split) / size + 16;
                return new DailyFastCsv(in).rows(new Parsed((int) Math.min(Integer.MAX_VALUE - 16, rows)), roles);
            }
        });
        Thread second = new Thread(secondHalf, "savescope-daily-half");
        second.setDaemon(true);
        second.start();
        Parsed first;
        try (InputStream in = counted(new ChannelRange(ch, 0, split), shared)) {
            first = new DailyFastCsv(in).parse(size, (roles, rows) -> {
                wholeRows[0] = rows;
                header.complete(roles);
            });
        } catch (IOException | RuntimeException | Error e) {
            header.complete(null);
            secondHalf.cancel(true);
            throw e;
        }
        Parsed later;
        try {
            later = secondHalf.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (first == null || later == null || first.rows == 0) {
            return false;
        }
        first.append(later);
        return finish(first, file, state);
    }

    /** The offset just past the first line feed at or after {@code from}, or -1 when there is none. */
    private static long lineStartAfter(java.nio.channels.FileChannel ch, long from) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 16);
        long at = from;
        while (at < MAX_LINE_BYTES + from) {
            b.clear();
            int n = ch.read(b, at);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return -1;
    }

    private static InputStream counted(InputStream in, Loader.Progress progress) {
        if (progress == null) {
            return in;
        }
        return new CountingStream(in) {
            private long told;

            @Override
            protected void counted(long total) {
                progress.bytesRead(total - told, total);
                told = total;
            }
        };
    }

    /**
     * Bytes {@code from} up to {@code to} (or the end) of an open file, read at their own positions, so that
     * both halves read the one channel side by side; closing it leaves the channel open.
     */
    private static final class ChannelRange extends InputStream {
        private final java.nio.channels.FileChannel channel;
        private final long to;
        private long at;

        ChannelRange(java.nio.channels.FileChannel channel, long from, long to) {
            this.channel = channel;
            this.at = from;
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (at >= to) {
                return -1;
            }
            int n = channel.read(java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, to - at)), at);
            if (n > 0) {
                at += n;
            }
            return n;
        }
    }

    /**
     * The rows read, column by column; {@code rows} of each array are used. The counts are read into the
     * long arrays their columns then keep (see {@link #countColumn}); a daily increment above
     * {@link Integer#MAX_VALUE} makes the reader give up.
     */
    private static final class Parsed {
        int rows;
        /** Each row's video as an index into {@link #distinct}, numbered in order of first appearance. */
        int[] idKeys;
        final List<String> distinct = new ArrayList<>();
        /**
         * Each distinct id's key in Tablesaw's int-keyed dictionary, put in the order that dictionary would put
         * them, so that {@link #idColumn} can hand the map over as it is.
         */
        final Object2IntOpenHashMap<String> keyOf = new Object2IntOpenHashMap<>();
        int[] dates;
        long[][] counts;

        Parsed(int capacity) {
            idKeys = new int[capacity];
            keyOf.defaultReturnValue(Integer.MIN_VALUE);
            dates = new int[capacity];
            counts = new long[Canonical.COUNTS.size()][capacity];
        }

        /** The key of a video id met at the start of a run of its rows. */
        int key(String id) {
            int known = keyOf.getInt(id);
            if (known != Integer.MIN_VALUE) {
                return known - FIRST_KEY;
            }
            int key = distinct.size();
            distinct.add(id);
            keyOf.put(id, FIRST_KEY + key);
            return key;
        }

        /**
         * Appends the rows {@code later} read from the part of the file after this one's, its videos keyed as
         * if this reader had read on: ids new to this one numbered in the order they first appear there.
         */
        void append(Parsed later) {
            int[] keyHere = new int[later.distinct.size()];
            for (int k = 0; k < keyHere.length; k++) {
                keyHere[k] = key(later.distinct.get(k));
            }
            int total = rows + later.rows;
            if (total > dates.length) {
                idKeys = Arrays.copyOf(idKeys, total);
                dates = Arrays.copyOf(dates, total);
                for (int c = 0; c < counts.length; c++) {
                    counts[c] = Arrays.copyOf(counts[c], total);
                }
            }
            for (int r = 0; r < later.rows; r++) {
                idKeys[rows + r] = keyHere[later.idKeys[r]];
            }
            System.arraycopy(later.dates, 0, dates, rows, later.rows);
            for (int c = 0; c < counts.length; c++) {
                System.arraycopy(later.counts[c], 0, counts[c], rows, later.rows);
            }
            rows = total;
        }

        /** Removes the rows that a later row replaces ({@code later[r] >= 0}), keeping the order of the others. */
        void drop(int[] later) {
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                if (later[r] >= 0) {
                    continue;
                }
                idKeys[kept] = idKeys[r];
                dates[kept] = dates[r];
                for (long[] column : counts) {
                    column[kept] = column[r];
                }
                kept++;
            }
            rows = kept;
        }

        void grow() {
            int capacity = Math.max(16, dates.length + (dates.length >> 1));
            idKeys = Arrays.copyOf(idKeys, capacity);
            dates = Arrays.copyOf(dates, capacity);
            for (int c = 0; c < counts.length; c++) {
                counts[c] = Arrays.copyOf(counts[c], capacity);
            }
        }

        /** The same cells, in the same order, as {@link DailyCsv} appends row by row. */
        void appendTo(Table daily) {
            List<Column<?>> columns = new ArrayList<>();
            columns.add(idColumn());
            idKeys = null;
            columns.add(DateColumn.createInternal(Canonical.DATE, Arrays.copyOf(dates, rows)));
            dates = null;
            for (int c = 0; c < counts.length; c++) {
                columns.add(countColumn(Canonical.COUNTS.get(c), counts[c], rows));
                counts[c] = null;
            }
            if (daily.rowCount() > 0) {
                appendColumns(daily, columns);
                return;
            }
            // An empty frame takes the new columns whole, in its own column order.
            List<Column<?>> ordered = new ArrayList<>();
            for (String name : daily.columnNames()) {
                ordered.add(columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
            }
            daily.removeColumns(daily.columnNames().toArray(new String[0]));
            daily.addColumns(ordered.toArray(new Column<?>[0]));
        }

        /**
         * The video ids as a string column. Appending millions of ids one by one costs a dictionary lookup
         * each and, past 32,767 distinct ids, re-appending every row so far into a wider dictionary; with
         * that many ids the int-keyed dictionary they would end in is built directly, with the same keys
         * (first appearance order from {@code Integer.MIN_VALUE + 1}), strings and counts. This follows the
         * Tablesaw version pinned in Deps; the tests append to such a column and compare it with one appended
         * row by row.
         */
        private StringColumn idColumn() {
            int n = distinct.size();
            if (n <= WIDE_DICTIONARY) {
                StringColumn ids = StringColumn.create(Canonical.VIDEO_ID);
                for (int r = 0; r < rows; r++) {
                    ids.append(distinct.get(idKeys[r]));
                }
                return ids;
            }
            int[] rowsPerKey = new int[n];
            int[] values = new int[rows];
            for (int r = 0; r < rows; r++) {
                int key = idKeys[r];
                rowsPerKey[key]++;
                values[r] = FIRST_KEY + key;
            }
            Int2ObjectOpenHashMap<String> keyToValue = new Int2ObjectOpenHashMap<>();
            Int2IntOpenHashMap keyToCount = new Int2IntOpenHashMap();
            for (int k = 0; k < n; k++) {
                keyToValue.put(FIRST_KEY + k, distinct.get(k));
                keyToCount.put(FIRST_KEY + k, rowsPerKey[k]);
            }
            IntDictionaryMap dictionary = new IntDictionaryMap.IntDictionaryBuilder().setNextIndex(FIRST_KEY + n - 1)
                    .setKeyToValue(keyToValue).setValueToKey(keyOf).setKeyToCount(keyToCount).setValues(values)
                    .build();
            return StringColumn.createInternal(Canonical.VIDEO_ID, dictionary);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void appendColumns(Table daily, List<Column<?>> columns) {
            for (Column<?> column : columns) {
                ((Column) daily.column(column.name())).append(column);
            }
        }
    }

    /** Hears the header's roles and the rows the whole file is thought to hold, or null for a file not plain. */
    private interface HeaderListener {
        void header(int[] roles, int wholeFileRows);
    }

    /** The whole file, or null as soon as something is not plain. */
    private Parsed parse(long sizeHint) throws IOException {
        return parse(sizeHint, (roles, rows) -> {});
    }

    /** {@link #parse(long)}, telling {@code listener} the header's roles as soon as they are known. */
    private Parsed parse(long sizeHint, HeaderListener listener) throws IOException {
        try {
            return parseHeaderAndRows(sizeHint, listener);
        } finally {
            listener.header(null, 0); // a no-op once the header was told; else "not plain"
        }
    }

    private Parsed parseHeaderAndRows(long sizeHint, HeaderListener listener) throws IOException {
        // The header must be in the first buffer: a file without a line end there (binary data, say) is not
        // read on into memory here, but left to the general reader's checks.
        fillFirst();
        if (limit == 0 || !hasNewline()) {
            return null;
        }
        skipByteOrderMark();
        int headerEnd = lineEnd();
        if (headerEnd < 0) {
            return null;
        }
        int[] roles = roles(pos, headerEnd);
        if (roles == null) {
            return null;
        }
        pos = afterLineEnd(headerEnd);
        int capacity = 1024;
        long estimate = rowsIn(sizeHint);
        if (estimate > 0) {
            // The size may be mostly not rows (a sparse tail of zero bytes, say): the arrays made up front
            // take at most a quarter of the heap, and grow past that only as real rows arrive.
            long affordable = Runtime.getRuntime().maxMemory() / 4 / ROW_BYTES;
            capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(capacity, Math.min(estimate, affordable)));
        }
        listener.header(roles, capacity);
        return rows(new Parsed(capacity), roles);
    }

    /** Reads rows (no header) with the header's {@code roles} into {@code out}; null when one is not plain. */
    private Parsed rows(Parsed out, int[] roles) throws IOException {
        byte[] lastId = new byte[64];
        int lastIdLength = -1;
        int lastIdKey = -1;
        int lastDateBytes = -1;
        int lastDatePacked = 0;
        long[] values = new long[FIELDS];
        while (true) {
            if (pos >= limit && !fill()) {
                break;
            }
            if (wholeLine() == TOO_LONG) {
                return null;
            }
            // Rows may end in LF, CRLF or a lone CR, mixed in one file; the last may have no line end. The row
            // is whole before the buffer's limit, and its fields stop at a line end byte.
            int to = limit;
            int rowEnd = -1;
            int p = pos;
            int idFrom = -1;
            int idTo = -1;
            int datePacked = 0;
            for (int f = 0; f < FIELDS; f++) {
                int from = p;
                int role = roles[f];
                if (role == ID) {
                    while (p < to) {
                        int b = buf[p];
                        if ((char) (b - '0') <= 9) {
                            p++; // TikTok's ids are digits: one test for most bytes
                            continue;
                        }
                        if (b == ',' || b == '\n' || b == '\r') {
                            break;
                        }
                        // Blanks, quotes, other delimiters and non-ASCII text are for the general reader.
                        if (b <= ' ' || b == '"' || b == ';' || b == '\\' || b == 0x7f) {
                            return null;
                        }
                        p++;
                    }
                    if (p == from) {
                        return null;
                    }
                    idFrom = from;
                    idTo = p;
                } else if (role == DATE) {
                    if (p + 10 > to || buf[p + 4] != '-' || buf[p + 7] != '-') {
                        return null;
                    }
                    // Eight digits of yyyy-mm-dd as one int, to compare with the row before in one step.
                    int yearDigits = digitsAt(p, 4);
                    int monthDigits = digitsAt(p + 5, 2);
                    int dayDigits = digitsAt(p + 8, 2);
                    if (yearDigits < 0 || monthDigits < 0 || dayDigits < 0) {
                        return null;
                    }
                    int key = yearDigits * 10000 + monthDigits * 100 + dayDigits;
                    if (key != lastDateBytes) {
                        // A video's rows are consecutive days: the date changes on nearly every row.
                        if (monthDigits < 1 || monthDigits > 12 || dayDigits < 1 || (dayDigits > 28
                                && dayDigits > java.time.Month.of(monthDigits).length(java.time.Year.isLeap(yearDigits)))) {
                            return null;
                        }
                        lastDateBytes = key;
                        lastDatePacked = PackedLocalDate.pack(yearDigits, monthDigits, dayDigits);
                    }
                    datePacked = lastDatePacked;
                    p += 10;
                } else {
                    long v = 0;
                    while (p < to) {
                        int d = buf[p] - '0';
                        if (d < 0 || d > 9) {
                            if (d == ',' - '0' || d == '\n' - '0' || d == '\r' - '0') {
                                break;
                            }
                            return null;
                        }
                        v = v * 10 + d;
                        p++;
                    }
                    // Longer numbers are parsed (or refused) by the general reader's rules.
                    if (p == from || p - from > 18 || v > Integer.MAX_VALUE) {
                        return null;
                    }
                    values[role] = v;
                }
                if (f < FIELDS - 1) {
                    if (p >= to || buf[p] != ',') {
                        return null;
                    }
                    p++;
                } else if (p < to && buf[p] != '\n' && buf[p] != '\r') {
                    return null;
                } else {
                    rowEnd = p;
                }
            }
            int idLength = idTo - idFrom;
            // Rows come grouped by video: the same String as the row before keeps the dictionary lookup cheap.
            if (idLength != lastIdLength || !Arrays.equals(buf, idFrom, idTo, lastId, 0, idLength)) {
                if (idLength > lastId.length) {
                    lastId = new byte[idLength * 2];
                }
                System.arraycopy(buf, idFrom, lastId, 0, idLength);
                lastIdLength = idLength;
                lastIdKey = out.key(new String(buf, idFrom, idLength, StandardCharsets.US_ASCII));
            }
            if (out.rows == out.dates.length) {
                out.grow();
            }
            int r = out.rows++;
            out.idKeys[r] = lastIdKey;
            out.dates[r] = datePacked;
            for (int c = 0; c < out.counts.length; c++) {
                out.counts[c][r] = values[FIRST_COUNT + c];
            }
            pos = rowEnd < limit ? afterLineEnd(rowEnd) : limit;
        }
        return out;
    }

    /** The value of {@code n} ASCII digits at {@code at}, or -1 when one is not a digit. */
    private int digitsAt(int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Each field's role from the header, or null unless the header names exactly the seven canonical
     * columns, once each, in plain lower case (anything else is left to the general reader's matching).
     */
    private int[] roles(int from, int to) {
        String header = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        String[] names = header.split(",", -1);
        if (names.length != FIELDS) {
            return null;
        }
        int[] roles = new int[FIELDS];
        boolean[] seen = new boolean[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            int role = NAMES.indexOf(names[f]);
            if (role < 0 || seen[role]) {
                return null;
            }
            seen[role] = true;
            roles[f] = role;
        }
        List<String> list = Arrays.asList(names);
        return DailyCsv.matches(list) && ChannelTables.kindOf(list) == null ? roles : null;
    }

    private boolean hasNewline() {
        for (int i = 0; i < limit; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The index after the line end at {@code end}: a CR followed by LF is one line end. */
    private int afterLineEnd(int end) throws IOException {
        if (buf[end] == '\r') {
            if (end + 1 == limit) {
                // The CR ends the buffer: read on to see whether an LF follows it.
                pos = end;
                fill();
                end = pos;
            }
            if (end + 1 < limit && buf[end + 1] == '\n') {
                return end + 2;
            }
        }
        return end + 1;
    }
}
