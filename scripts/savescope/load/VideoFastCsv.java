package savescope.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Reads the plain canonical per-video CSV (the shape SaveScope's own exports and benchmark files have) from
 * its bytes: counts, durations and ISO posting times go straight into numbers, titles go into their column as the
 * file's UTF-8 bytes (hashtags found in those bytes), and only ids and content types become strings. Anything it does not recognise makes it give up before the file is added,
 * so the file is read again by the general reader, whose rejections and messages stay the only ones users see.
 */
final class VideoFastCsv extends ByteLines {
    static final String HEADER = "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves";
    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final List<String> HEADER_NAMES = List.of(HEADER.split(","));
    /** Where each builder cell comes from in a row of {@link #HEADER}; the reader gives up if matching says otherwise. */
    private static final int[] EXPECTED_COLUMNS = {0, 1, 2, 4, 5, 6, 7, 8, 9, 3, -1, -1, -1, -1, -1};
    private static final int FIELDS = HEADER_NAMES.size();
    /**
     * Rows per hand-over, and hand-overs queued ({@link #rowsInto}). Rows waiting in batches are young strings
     * that a collection then has to copy: with 4,096 rows and 8 batches queued, each young collection of a
     * million-row file met some 37,000 of them, moved them into the old generation with the columns, and the
     * pauses grew from 12 to 37 ms (1.0 s over the file); with 1,024 and 3 they stay at 1-4 ms.
     */
    private static final int BATCH = 1024;
    private static final int QUEUED = 3;
    /** Content types kept as strings and handed out again (a file has a handful of them). */
    private static final int KNOWN_TYPES = 32;

    /** The number the last {@link #digitsEnd} or {@link #timeEnd} read. */
    private long value;
    /** Whether the field {@code plainEnd} or {@code quotedEnd} last scanned held only ASCII bytes. */
    private boolean fieldAscii;
    private int lastDateKey = -1;
    private long lastEpochDay;
    private final byte[][] typeBytes = new byte[KNOWN_TYPES][];
    private final String[] typeStrings = new String[KNOWN_TYPES];
    private int types;

    private VideoFastCsv(InputStream in) {
        super(in, false); // a CR is a byte that makes a row not plain
    }

    /**
     * Reads {@code in} as the per-video file {@code fc} into {@code state}, as {@link TableRouter} reads it,
     * or returns false having changed nothing when the file is not plainly the canonical per-video CSV.
     */
    static boolean read(InputStream in, LoadState.FileContext fc, LoadState state) throws IOException {
        return read(in, fc, state, 0);
    }

    /** As {@link #read(InputStream, LoadState.FileContext, LoadState)}, for a file of {@code sizeHint} bytes (0: unknown). */
    static boolean read(InputStream in, LoadState.FileContext fc, LoadState state, long sizeHint) throws IOException {
        if (!state.options.columnMap().isEmpty()) {
            return false;
        }
        VideoFastCsv reader = new VideoFastCsv(in);
        if (!reader.header() || !routedAsVideos()) {
            return false;
        }
        VideoFrameBuilder builder = TableRouter.newVideoBuilder(fc.name(), HEADER_NAMES, EXPECTED_COLUMNS, fc, state);
        builder.expectRows(reader.rowsEstimate(sizeHint));
        // Rows labelled as totals, subtotals or averages are judged by the general reader, which says where they are.
        if (!reader.rowsInto(builder, fc.name()) || builder.rowsRead() == 0 || builder.hasSummaryLabel()) {
            return false;
        }
        TableRouter.addVideos(builder, HEADER_NAMES, fc, state);
        return true;
    }

    /** Whether the general reader would read {@link #HEADER} as plain per-video rows with these columns. */
    private static boolean routedAsVideos() {
        Map<String, Integer> match = Fields.match(HEADER_NAMES, Map.of());
        return ChannelTables.kindOf(HEADER_NAMES) == null && !DailyCsv.matches(HEADER_NAMES)
                && !CommentsCsv.matches(HEADER_NAMES, match)
                && Arrays.equals(TableRouter.columns(HEADER_NAMES, match), EXPECTED_COLUMNS)
                && Fields.duplicateWarnings(HEADER_NAMES, Map.of()).isEmpty();
    }

    /** Rows parsed on the reading thread and handed to the builder's thread, in file order. */
    private static final class Batch {
        final long firstLine;
        final String[] ids = new String[BATCH];
        /** Titles kept as text: null where missing or where the title is in {@link #text} instead. */
        final String[] titles = new String[BATCH];
        /**
         * Titles kept as bytes: row i's title is titleLen[i] bytes of {@link #text} from titleAt[i], well-formed
         * UTF-8 that needs neither cutting nor stripping; titleLen[i] is -1 where the title is in {@link #titles}.
         */
        final int[] titleAt = new int[BATCH];
        final int[] titleLen = new int[BATCH];
        final boolean[] titleAscii = new boolean[BATCH];
        byte[] text = new byte[BATCH * 64];
        int textUsed;
        final String[] types = new String[BATCH];
        final long[] postedSeconds = new long[BATCH];
        final long[] durations = new long[BATCH];
        final long[] counts = new long[BATCH * 5];
        /** Each row's hashtags and content type, worked out on the reading thread; null where left to the builder. */
        final String[] tags = new String[BATCH];
        final String[] contentTypes = new String[BATCH];
        int size;

        Batch(long firstLine) {
            this.firstLine = firstLine;
        }

        /** Room for {@code len} more bytes of titles: where they go in {@link #text}. */
        int room(int len) {
            if (text.length - textUsed < len) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, textUsed + len));
            }
            return textUsed;
        }

        void addTo(VideoFrameBuilder builder, String prefix) {
            long[] rowCounts = new long[5];
            for (int i = 0; i < size; i++) {
                System.arraycopy(counts, i * 5, rowCounts, 0, 5);
                RowPlace place = new RowPlace(prefix, firstLine + i);
                builder.addCanonical(ids[i], titles[i], titleLen[i] >= 0 ? text : null, titleAt[i], titleLen[i],
                        titleAscii[i], Instant.ofEpochSecond(postedSeconds[i]), durations[i], rowCounts, types[i],
                        tags[i], contentTypes[i], place, place);
            }
        }

        /**
         * Works out each row's hashtags and content type here, as the builder would from the same cells, for a
         * batch that will wait in the queue (the builder's thread is behind); a batch the builder's thread is
         * waiting for goes without, and that thread works them out. Always doing it here made this thread the
         * slower one at a million rows (0.82 against 0.73 s of CPU); now each does about 0.76 s. Rows with a text
         * long enough to be cut are left to the builder, which cuts it first.
         */
        void assignTypes(ContentTypes contentTypes, CaptionTags captionTags) {
            String[] out = new String[2];
            for (int i = 0; i < size; i++) {
                if ((titles[i] == null || titles[i].length() <= LongTexts.MAX_CODE_POINTS)
                        && (types[i] == null || types[i].length() <= LongTexts.MAX_CODE_POINTS)) {
                    if (titleLen[i] >= 0) {
                        captionTags.assign(text, titleAt[i], titleLen[i], types[i], out);
                    } else {
                        contentTypes.assignRow(titles[i], null, types[i], out);
                    }
                    tags[i] = out[0];
                    this.contentTypes[i] = out[1];
                }
            }
        }
    }

    /**
     * A row's places for messages: {@code line:column} of a field, and {@code file#line} as the row's own id.
     * A class rather than two lambdas per row: where only C1 compiles, each capturing lambda is made through a
     * method handle, a call into the VM each time.
     */
    private record RowPlace(String prefix, long line) implements IntFunction<String>, Supplier<String> {
        @Override
        public String apply(int field) {
            return line + ":" + (EXPECTED_COLUMNS[field] + 1);
        }

        @Override
        public String get() {
            return prefix + line;
        }
    }

    private static final Batch END = new Batch(0);

    /**
     * Parses the rows here while another thread adds them to {@code builder} (which nothing else sees until
     * the whole file proved plain); false as soon as a row is not plain.
     */
    private boolean rowsInto(VideoFrameBuilder builder, String file) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        Throwable[] failure = new Throwable[1];
        boolean[] abandoned = new boolean[1];
        String prefix = file + "#";
        Thread worker = new Thread(() -> {
            try {
                for (Batch b = take(queue); b != END; b = take(queue)) {
                    if (failure[0] == null && !abandoned[0]) {
                        b.addTo(builder, prefix);
                    }
                }
            } catch (Throwable t) {
                failure[0] = t;
                for (Batch b = take(queue); b != END; b = take(queue)) {
                    // keep draining so the reading thread never blocks on a full queue
                }
            }
        }, "savescope-video-rows");
        worker.setDaemon(true);
        worker.start();
        boolean whole = false;
        try {
            whole = parse(queue, builder.contentTypes());
        } finally {
            if (!whole) {
                abandoned[0] = true;
            }
            // The worker ends only at END: it must get there even when this thread was interrupted (a stopped
            // notebook cell), or it would wait for ever, holding every row it was given.
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    queue.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        return whole;
    }

    /** True when the file starts with {@link #HEADER} (after a UTF-8 byte-order mark, if any) and an LF. */
    private boolean header() throws IOException {
        fillFirst();
        skipByteOrderMark();
        int end = pos + HEADER_BYTES.length;
        if (end >= limit || !Arrays.equals(buf, pos, end, HEADER_BYTES, 0, HEADER_BYTES.length) || buf[end] != '\n') {
            return false;
        }
        pos = end + 1;
        return true;
    }

    /** The rows to make room for in a file of {@code size} bytes ({@link #rowsIn}); 0 for one the buffer holds. */
    private int rowsEstimate(long size) {
        return size <= limit ? 0 : affordable(rowsIn(size), Runtime.getRuntime().maxMemory());
    }

    /**
     * The rows estimate for {@code rest} bytes after the header, of which the first {@code sampleBytes} held
     * {@code sampleRows} rows, under a heap of {@code maxMemory} bytes.
     */
    static int rowsEstimate(long rest, int sampleRows, long sampleBytes, long maxMemory) {
        return affordable(rowsIn(rest, sampleRows, sampleBytes), maxMemory);
    }

    private static int affordable(long estimate, long maxMemory) {
        // The first rows may be far shorter than the rest (long titles further on): room made for rows that never
        // come is memory a run without it would not have used, and can make a heap that sufficed run out. It is
        // kept to a thirty-second of the heap (the arrays sized take some 72 bytes a row), room enough for a
        // million videos at the default heap (a quarter of memory) of a machine with 16 GB.
        long affordable = maxMemory / 32 / 72;
        return (int) Math.min(Math.min(estimate, affordable), Integer.MAX_VALUE - 16);
    }

    /** Every row into batches on {@code queue}; false at the first row that is not plain. */
    private boolean parse(BlockingQueue<Batch> queue, ContentTypes contentTypes) throws IOException {
        // No blank lines and no line ends in values get this far: row r is on line r + 2, below the header.
        long line = 2;
        Batch batch = new Batch(line);
        CaptionTags captionTags = contentTypes == null ? null : new CaptionTags(contentTypes);
        while (true) {
            if (pos >= limit && !fill()) {
                break;
            }
            if (wholeLine() == TOO_LONG) {
                return false;
            }
            int rowEnd = row(pos, limit, batch, batch.size);
            if (rowEnd < 0) {
                return false;
            }
            line++;
            if (++batch.size == BATCH) {
                // Whichever thread is ahead does the hashtags and types: this one while batches wait in the queue,
                // the builder's thread (which works them out for rows left without) while it waits for one.
                if (contentTypes != null && !queue.isEmpty()) {
                    batch.assignTypes(contentTypes, captionTags);
                }
                put(queue, batch);
                batch = new Batch(line);
            }
            pos = rowEnd < limit ? rowEnd + 1 : limit;
        }
        if (batch.size > 0) {
            if (contentTypes != null) {
                batch.assignTypes(contentTypes, captionTags);
            }
            put(queue, batch);
        }
        return true;
    }

    /**
     * Reads the row at {@code from} into row {@code i} of {@code batch}: the index of the line feed that ends it
     * (or {@code to}, where the file ends without one), or -1 when it is not plain. The row is whole before
     * {@code to} ({@link #wholeLine}); a line end inside any field but the last makes it not plain.
     */
    private int row(int from, int to, Batch batch, int i) {
        int p = from;
        int e = plainEnd(p, to);
        if (!comma(e, to)) {
            return -1;
        }
        batch.ids[i] = e == p ? null : text(p, e);
        p = e + 1;
        if (p < to && buf[p] == '"') {
            e = quotedEnd(p, to);
            if (!comma(e, to)) {
                return -1;
            }
            title(batch, i, p + 1, e - 1, true);
        } else {
            e = plainEnd(p, to);
            if (!comma(e, to)) {
                return -1;
            }
            title(batch, i, p, e, false);
        }
        p = e + 1;
        e = timeEnd(p, to);
        if (!comma(e, to)) {
            return -1;
        }
        batch.postedSeconds[i] = value;
        p = e + 1;
        e = plainEnd(p, to);
        if (!comma(e, to)) {
            return -1;
        }
        batch.types[i] = e == p ? null : type(p, e);
        p = e + 1;
        e = digitsEnd(p, to);
        if (!comma(e, to)) {
            return -1;
        }
        batch.durations[i] = value;
        for (int c = 0; c < 5; c++) {
            p = e + 1;
            e = digitsEnd(p, to);
            // Views to shares end at a comma; saves end the row.
            if (c < 4 ? !comma(e, to) : e < 0 || (e < to && buf[e] != '\n')) {
                return -1;
            }
            batch.counts[i * 5 + c] = value;
        }
        return e;
    }

    /** Whether a field's end {@code e} is a comma (not -1, the row's end or the buffer's). */
    private boolean comma(int e, int to) {
        return e >= 0 && e < to && buf[e] == ',';
    }

    /**
     * The index of the comma or row end after the unquoted field at {@code p}, or -1 when the field holds a
     * quote, a control character or bytes that are not UTF-8.
     */
    private int plainEnd(int p, int to) {
        boolean ascii = true;
        while (p < to) {
            int b = buf[p];
            if (b == ',') {
                break;
            }
            if (b >= 0) {
                if (b < ' ' || b == '"') {
                    return -1;
                }
                p++;
            } else {
                ascii = false;
                p = afterUtf8(p, to);
                if (p < 0) {
                    return -1;
                }
            }
        }
        fieldAscii = ascii;
        return p;
    }

    /**
     * The index after the closing quote of the quoted field opening at {@code p}, or -1 when the quote does not
     * close on this line, text follows it, or the field holds a control character or bytes that are not UTF-8.
     */
    private int quotedEnd(int p, int to) {
        int q = p + 1;
        boolean ascii = true;
        while (q < to) {
            int b = buf[q];
            if (b == '"') {
                if (q + 1 < to && buf[q + 1] == '"') {
                    q += 2;
                    continue;
                }
                int after = q + 1;
                fieldAscii = ascii;
                return after == to || buf[after] == ',' ? after : -1;
            }
            if (b >= 0) {
                if (b < ' ') {
                    return -1;
                }
                q++;
            } else {
                ascii = false;
                q = afterUtf8(q, to);
                if (q < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * The text of bytes {@code from} to {@code to} of the field just scanned: copied as they are when the scan saw
     * only ASCII (ids, most titles), which skips a second look at every byte in the UTF-8 decoder.
     */
    private String text(int from, int to) {
        return new String(buf, from, to - from, fieldAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * Row {@code i}'s title from the bytes {@code from} to {@code to} of the field just scanned (inside its quotes
     * when {@code quoted}): copied into the batch with quotes undoubled, and kept as those bytes when the builder
     * would keep it as it is (not longer than texts are cut to, nothing to strip at either end); otherwise made
     * into the text the builder then cuts or strips. An empty unquoted field is a missing title, an empty quoted
     * one the empty text, as the general reader has them.
     */
    private void title(Batch batch, int i, int from, int to, boolean quoted) {
        batch.titleLen[i] = -1;
        if (from == to) {
            batch.titles[i] = quoted ? "" : null;
            return;
        }
        int at = batch.room(to - from);
        byte[] t = batch.text;
        int n = at;
        if (quoted) {
            // Inside the quotes every quote is doubled, so undoubling from the left is exact.
            for (int q = from; q < to; q++) {
                byte c = buf[q];
                t[n++] = c;
                if (c == '"') {
                    q++;
                }
            }
        } else {
            System.arraycopy(buf, from, t, at, to - from);
            n = at + to - from;
        }
        int len = n - at;
        if (len <= LongTexts.MAX_CODE_POINTS && !Character.isWhitespace(codePointAt(t, at))
                && !Character.isWhitespace(codePointAt(t, lastCodePoint(t, n)))) {
            batch.titles[i] = null;
            batch.titleAt[i] = at;
            batch.titleLen[i] = len;
            batch.titleAscii[i] = fieldAscii;
            batch.textUsed = n;
        } else {
            batch.titles[i] = new String(t, at, len, fieldAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
    }

    /** The code point of the well-formed UTF-8 sequence at {@code p}. */
    static int codePointAt(byte[] b, int p) {
        int c = b[p] & 0xFF;
        if (c < 0x80) {
            return c;
        }
        if (c < 0xE0) {
            return ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
        }
        if (c < 0xF0) {
            return ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
        }
        return ((c & 0x07) << 18) | ((b[p + 1] & 0x3F) << 12) | ((b[p + 2] & 0x3F) << 6) | (b[p + 3] & 0x3F);
    }

    /** Where the last code point of the well-formed UTF-8 ending before {@code end} starts. */
    private static int lastCodePoint(byte[] b, int end) {
        int p = end - 1;
        while ((b[p] & 0xC0) == 0x80) {
            p--;
        }
        return p;
    }

    /**
     * The index after the well-formed UTF-8 sequence of two to four bytes at {@code p} (no overlong forms,
     * surrogates or code points past U+10FFFF), or -1.
     */
    private int afterUtf8(int p, int to) {
        int b0 = buf[p] & 0xff;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 2;
            low = b0 == 0xE0 ? 0xA0 : 0x80;
            high = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 3;
            low = b0 == 0xF0 ? 0x90 : 0x80;
            high = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (p + n >= to) {
            return -1;
        }
        int b1 = buf[p + 1] & 0xff;
        if (b1 < low || b1 > high) {
            return -1;
        }
        for (int k = 2; k <= n; k++) {
            int b = buf[p + k] & 0xff;
            if (b < 0x80 || b > 0xBF) {
                return -1;
            }
        }
        return p + n + 1;
    }

    /**
     * The index of the comma or row end after one to 18 digits at {@code p} (their number in {@link #value}),
     * or -1: longer numbers and anything but digits are read (or refused) by the general reader's rules.
     */
    private int digitsEnd(int p, int to) {
        long v = 0;
        int q = p;
        while (q < to) {
            int d = buf[q] - '0';
            if (d < 0 || d > 9) {
                if (d == ',' - '0' || d == '\n' - '0') {
                    break;
                }
                return -1;
            }
            v = v * 10 + d;
            q++;
        }
        if (q == p || q - p > 18) {
            return -1;
        }
        value = v;
        return q;
    }

    /**
     * The index of the comma after a posting time {@code yyyy-mm-ddThh:mm[:ss][Z|+hh:mm|-hh:mm]} at {@code p},
     * its epoch second in {@link #value}; -1 for any other form, a date or time that does not exist, or a time
     * before the earliest one {@link PostingTimes} takes without question. The arithmetic is
     * {@code Values.isoFast}'s, which the general reader uses for these cells.
     */
    private int timeEnd(int p, int to) {
        int e = p;
        while (e < to && buf[e] != ',' && buf[e] != '\n') {
            e++;
        }
        int n = e - p;
        if (n < 16 || buf[p + 4] != '-' || buf[p + 7] != '-' || buf[p + 10] != 'T' || buf[p + 13] != ':') {
            return -1;
        }
        boolean withSeconds = n >= 19 && buf[p + 16] == ':';
        int year = digitsAt(p, 4);
        int month = digitsAt(p + 5, 2);
        int day = digitsAt(p + 8, 2);
        int hour = digitsAt(p + 11, 2);
        int minute = digitsAt(p + 14, 2);
        int second = withSeconds ? digitsAt(p + 17, 2) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return -1;
        }
        int i = p + (withSeconds ? 19 : 16);
        int offsetSeconds = 0;
        if (i < e) {
            byte c = buf[i];
            if (c == 'Z' && i == e - 1) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && e - i == 6 && buf[i + 3] == ':') {
                int oh = digitsAt(i + 1, 2);
                int om = digitsAt(i + 4, 2);
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return -1;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return -1;
            }
        }
        int dateKey = year * 10000 + month * 100 + day;
        if (dateKey != lastDateKey) {
            if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
                return -1;
            }
            lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            lastDateKey = dateKey;
        }
        long seconds = lastEpochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (seconds < PostingTimes.EARLIEST_EPOCH_SECOND) {
            return -1;
        }
        value = seconds;
        return e;
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

    /** The content type in {@code [from, to)}, the same String for the same bytes while few types are seen. */
    private String type(int from, int to) {
        for (int k = 0; k < types; k++) {
            byte[] known = typeBytes[k];
            if (Arrays.equals(buf, from, to, known, 0, known.length)) {
                return typeStrings[k];
            }
        }
        String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
        if (types < KNOWN_TYPES) {
            typeBytes[types] = Arrays.copyOfRange(buf, from, to);
            typeStrings[types++] = text;
        }
        return text;
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }
}
