package savescope.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import savescope.model.Canonical;
import savescope.model.PackedTimes;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import savescope.model.FieldGap;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Turns raw per-video cells (as strings, from any format) into rows of the canonical frame: a row whose count
 * cannot be read is rejected rather than stored as zero; any other unreadable field is left missing (and
 * counted) while the row's counts are kept. Shared by every per-video reader.
 */
public final class VideoFrameBuilder {
    /** Canonical fields a reader can supply, in the order of the {@code raw} array given to {@link #add}. */
    public static final List<String> FIELDS = List.of(
            Canonical.VIDEO_ID, Canonical.TITLE, Canonical.POSTED_AT, Canonical.DURATION_S,
            Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES, Canonical.SAVES,
            Canonical.CONTENT_TYPE, Canonical.HASHTAGS, Canonical.LINK, Canonical.ACCOUNT);

    public static final int ID = 0, TITLE = 1, POSTED = 2, DURATION = 3, VIEWS = 4, LIKES = 5, COMMENTS = 6,
            SHARES = 7, SAVES = 8, TYPE = 9, HASHTAGS = 10, LINK = 11, ACCOUNT = 12;
    /**
     * Cells after the canonical fields that help read them: the row's date when the posting time holds only a
     * time of day (Meta's {@code Date} beside {@code Publish time}), and when the row was scraped.
     */
    public static final int POSTED_DAY = 13, SCRAPED_AT = 14;
    /** The length of a {@code raw} row with the helper cells; readers without them may pass {@link #FIELDS}' length. */
    public static final int RAW_WIDTH = 15;

    private final String file;
    private final String account;
    private final Table table;
    private StringColumn id;
    private StringColumn accountCol;
    private StringColumn title;
    private InstantColumn posted;
    private DoubleColumn duration;
    private final LongColumn[] counts = new LongColumn[5];
    private final StringColumn type;
    private final StringColumn hashtags;
    private StringColumn link;
    private StringColumn source;
    /**
     * Rows {@link #addCanonical} added whose account, link and source cells are not in their columns yet: the same
     * in every such row (this builder's account, no link, its file), so they go in at once ({@link #flushCells}).
     */
    private int cellsPending;
    private final RejectionList rejections = new RejectionList();
    private long rowsRead;
    private long rowsUsed;
    /** Per used row: when its counts were taken (epoch ms; {@link Long#MIN_VALUE} when unknown). */
    private long[] takenAt = new long[256];
    /** Per used row: whether its id is the video's real id (fallback and rounded ids are never merged). */
    private final java.util.BitSet realId = new java.util.BitSet();
    private final IdCounts idCounts = new IdCounts();
    /** Places of used rows that carry a video link, so a merge refused between two of them can name them. */
    private final java.util.Map<Integer, String> linkedRowPlaces = new java.util.HashMap<>();
    private boolean durationMillis;
    private Instant rowsTakenAt;
    private ContentTypes types;
    private final String[] typeAndTags = new String[2];
    /** Hashtags of titles added as bytes, for {@link #captionTagsFor}; made when first needed. */
    private CaptionTags captionTags;
    private ContentTypes captionTagsFor;
    /** The counts of the row being added, reused from row to row. */
    private final long[] rowValues = new long[5];
    private final boolean[] rowPresent = new boolean[5];
    private final PostingTimes postingTimes = new PostingTimes(this);

    public VideoFrameBuilder(String file, String account) {
        this.file = file;
        this.account = account == null ? "" : account;
        this.table = Canonical.emptyVideos(file);
        this.id = table.stringColumn(Canonical.VIDEO_ID);
        this.accountCol = table.stringColumn(Canonical.ACCOUNT);
        this.title = table.stringColumn(Canonical.TITLE);
        this.posted = table.instantColumn(Canonical.POSTED_AT);
        this.duration = table.doubleColumn(Canonical.DURATION_S);
        for (int i = 0; i < 5; i++) {
            counts[i] = table.longColumn(Canonical.COUNTS.get(i));
        }
        this.type = table.stringColumn(Canonical.CONTENT_TYPE);
        this.hashtags = table.stringColumn(Canonical.HASHTAGS);
        this.link = table.stringColumn(Canonical.LINK);
        this.source = table.stringColumn(Canonical.SOURCE);
    }

    /**
     * Makes room for about {@code rows} rows before the first is added, as a reader that can tell from the file's
     * size does: columns grown a step at a time leave each outgrown array behind, and at a million videos the
     * count and time columns' arrays had lived long enough to be copied into the old generation, where they were some
     * 100 MB of garbage for a full collection to find.
     */
    void expectRows(int rows) {
        if (rowsUsed > 0 || rows <= takenAt.length) {
            return;
        }
        for (int i = 0; i < 5; i++) {
            LongColumn roomy = DailyFastCsv.countColumn(counts[i].name(), new long[rows], 0);
            table.replaceColumn(counts[i].name(), roomy);
            counts[i] = roomy;
        }
        posted = RoomyColumns.instants(Canonical.POSTED_AT, rows);
        table.replaceColumn(Canonical.POSTED_AT, posted);
        duration = RoomyColumns.doubles(Canonical.DURATION_S, rows);
        table.replaceColumn(Canonical.DURATION_S, duration);
        id = Canonical.packedTextColumn(Canonical.VIDEO_ID, rows);
        table.replaceColumn(Canonical.VIDEO_ID, id);
        title = Canonical.packedTextColumn(Canonical.TITLE, rows);
        table.replaceColumn(Canonical.TITLE, title);
        takenAt = new long[rows];
    }

    /**
     * Adds one row, or records why it cannot be used.
     *
     * @param raw cells in {@link #FIELDS} order; null where the source has no such field
     * @param rowPlace the row's place for messages ({@code 14} for line 14, a JSON pointer)
     * @param cellPlace the place of field i ({@code 14:3}, {@code /data/videos/3/favorites_count})
     * @param fallbackId an id for sources that have none (for example {@code videos.csv#14}); such rows are
     *     never deduplicated
     * @return true when the row was used
     */
    public boolean add(String[] raw, String rowPlace, IntFunction<String> cellPlace, String fallbackId) {
        return add(raw, () -> rowPlace, cellPlace, () -> fallbackId, rowsTakenAt);
    }

    /** As above with the places and fallback id built only when needed (they cost a string per row). */
    public boolean add(String[] raw, Supplier<String> rowPlace, IntFunction<String> cellPlace, Supplier<String> fallbackId) {
        return add(raw, rowPlace, cellPlace, fallbackId, rowsTakenAt);
    }

    /** As {@link #add(String[], String, IntFunction, String)}, for a row whose counts were taken at {@code when}. */
    public boolean add(String[] raw, String rowPlace, IntFunction<String> cellPlace, String fallbackId, Instant taken) {
        return add(raw, () -> rowPlace, cellPlace, () -> fallbackId, taken);
    }

    private boolean add(String[] raw, Supplier<String> rowPlace, IntFunction<String> cellPlace, Supplier<String> fallbackId,
            Instant taken) {
        rowsRead++;
        long[] values = rowValues;
        boolean[] present = rowPresent;
        boolean anyCount = false;
        for (int i = 0; i < 5; i++) {
            int f = VIEWS + i;
            long plain = Values.plainDigits(raw[f]);
            if (plain >= 0) {
                present[i] = true;
                values[i] = plain;
                anyCount = true;
                continue;
            }
            try {
                OptionalLong v = Values.count(raw[f]);
                present[i] = v.isPresent();
                values[i] = v.orElse(0);
                anyCount |= present[i];
            } catch (BadValueException e) {
                // An average row shows its means with decimals ("292.8"), which no count has.
                String averages = totalsRowCheck ? averagesReason(raw, summaryLabels(raw)) : null;
                if (averages != null) {
                    rejectSummary(rowPlace.get(), averages);
                    return false;
                }
                // Only a count that cannot be read rejects the row: storing zero or dropping it would change totals.
                rejections.add(new Rejection(file, cellPlace.apply(f), "column \"" + header(f) + "\": " + e.getMessage()));
                return false;
            }
        }
        if (!anyCount) {
            rejections.add(new Rejection(file, rowPlace.get(), "no metric in this row (views, likes, comments, shares, saves all empty)"));
            return false;
        }
        if (totalsRowCheck) {
            String summary = summaryReason(raw, values, present);
            if (summary != null) {
                rejectSummary(rowPlace.get(), summary);
                return false;
            }
        }
        if (heldTotals != null) {
            // A video came after it: the row held back was not the table's last, so it is a video.
            HeldRow h = heldTotals;
            heldTotals = null;
            append(h.raw, h.values, h.present, () -> h.rowPlace, f -> h.cellPlaces[f] != null ? h.cellPlaces[f] : h.rowPlace,
                    () -> h.fallbackId, h.taken);
            afterHeld.forEach(rejections::add);
            afterHeld.clear();
        }
        if (totalsRowCheck && rowsUsed >= 2 && sumsOfRowsAbove(values, present, raw)) {
            heldTotals = HeldRow.of(raw, values, present, rowPlace.get(), cellPlace, fallbackId.get(), taken);
            return true;
        }
        append(raw, values, present, rowPlace, cellPlace, fallbackId, taken);
        return true;
    }

    /** Adds a row whose counts were read into {@code values} where {@code present}. */
    private void append(String[] raw, long[] values, boolean[] present, Supplier<String> rowPlace,
            IntFunction<String> cellPlace, Supplier<String> fallbackId, Instant taken) {
        flushCells();
        for (int i = 0; i < 5; i++) {
            if (!present[i]) {
                countGap(VIEWS + i, raw[VIEWS + i], cellPlace);
            }
        }
        boundTexts(raw, cellPlace);
        double dur = durationOf(raw[DURATION], cellPlace);
        int row = (int) rowsUsed++;
        String videoId = videoId(row, raw[ID], raw[LINK], cellPlace, fallbackId);
        if (row == takenAt.length) {
            takenAt = java.util.Arrays.copyOf(takenAt, row * 2);
        }
        if (raw.length > SCRAPED_AT && raw[SCRAPED_AT] != null && basis.rowTimeWins()) {
            taken = scrapedAt(raw[SCRAPED_AT], taken);
        }
        takenAt[row] = taken == null ? Long.MIN_VALUE : taken.toEpochMilli();
        id.append(videoId);
        if (raw[LINK] != null && !raw[LINK].isBlank()) {
            linkedRowPlaces.put(row, rowPlace.get());
        }
        String rowAccount = raw.length > ACCOUNT && raw[ACCOUNT] != null ? raw[ACCOUNT].strip() : "";
        accountCol.append(!rowAccount.isEmpty() ? rowAccount : !account.isEmpty() ? account : handleOf(raw[LINK]));
        title.append(nullToEmpty(raw[TITLE]).strip());
        Instant when = postingTimes.read(raw[POSTED], raw.length > POSTED_DAY ? raw[POSTED_DAY] : null, row, cellPlace);
        if (when == null) {
            posted.appendMissing();
        } else {
            posted.appendInternal(PackedTimes.pack(when));
        }
        if (Double.isNaN(dur)) {
            duration.appendMissing();
        } else {
            duration.append(dur);
        }
        for (int i = 0; i < 5; i++) {
            if (present[i]) {
                counts[i].append(values[i]);
                sums[i] += values[i];
                groupSums[i] += values[i];
                rowsWith[i]++;
                noteExtreme(i, values[i], true);
            } else {
                counts[i].appendMissing();
            }
        }
        if (types != null) {
            types.assignRow(raw[TITLE], raw[HASHTAGS], raw[TYPE], typeAndTags);
            hashtags.append(typeAndTags[0]);
            type.append(typeAndTags[1]);
        } else {
            type.append(nullToEmpty(raw[TYPE]).strip());
            hashtags.append(nullToEmpty(raw[HASHTAGS]).strip());
        }
        link.append(nullToEmpty(raw[LINK]).strip());
        source.append(file);
        groupRows++;
    }

    /**
     * Why a row labelled as a summary is one, or null when it is not (then it may still be a video, or the
     * unlabelled totals row of {@link #sumsOfRowsAbove}). A word in a label cell (id, title or posting time) must
     * say what the row is, and its arithmetic must hold for every count it has: a subtotal ("January total",
     * "Subtotal") holds the sums of the videos since the previous subtotal, a total those of every video above,
     * an average ("Average", "Median") their means or medians to the rounding it shows. A video link or an id
     * with a digit (other than in the label) makes the row a video whatever it says.
     */
    private String summaryReason(String[] raw, long[] values, boolean[] present) {
        // Every summary row sums or averages videos above it: the first row is a video (and costs no look at labels).
        int labels = rowsUsed == 0 ? 0 : summaryLabels(raw);
        if (labels == 0) {
            return null;
        }
        boolean subtotal = (labels & SUBTOTAL) != 0;
        if ((labels & (TOTAL | SUBTOTAL)) != 0) {
            // The sums of every video above: under subtotals a grand total ("Total 2024" under its months).
            if (rowsUsed >= 2 && sumsMatch(values, present, sums)) {
                return leaveOutSums(subtotal && sumRowsLeftOut == 0, values, present);
            }
            // One video in a group is enough once the label or an earlier subtotal shows the table is grouped.
            if (groupRows >= 1 && (subtotal || sumRowsLeftOut > 0) && sumsMatch(values, present, groupSums)) {
                return leaveOutSums(true, values, present);
            }
            // A grand total whose sheet formula also took in the subtotal rows: every video counted twice over.
            if ((labels & TOTAL) != 0 && subtotalRowsLeftOut > 0 && sumsMatch(values, present, videosAndSubtotals())) {
                return "a totals row, not a video: its " + countNames(present) + " are the sums of the "
                        + grouped(rowsUsed) + " videos above it and of the " + grouped(subtotalRowsLeftOut) + " subtotal row"
                        + (subtotalRowsLeftOut == 1 ? "" : "s") + " among them";
            }
        }
        String averages = averagesReason(raw, labels);
        return averages != null ? averages : extremesReason(raw, labels, values, present);
    }

    /**
     * Why a row labelled "Max" or "Min" (or the like) is each count's largest or smallest value over the videos above
     * it, or null when its counts are not: every count it has must be that value, at least two of them, and a row of
     * largest values must have two above zero. A row with a posting time is a video titled so ("Max", the dog; "Min"
     * posted today with no views yet): its counts tie with the videos above more often than a sum does.
     */
    private String extremesReason(String[] raw, int labels, long[] values, boolean[] present) {
        boolean largest = (labels & MAX) != 0;
        if (rowsUsed < 2 || (labels & (MAX | MIN)) == 0 || (largest && (labels & MIN) != 0)) {
            return null;
        }
        String day = raw.length > POSTED_DAY ? raw[POSTED_DAY] : null;
        if ((!isBlank(raw[POSTED]) && labelKind(raw[POSTED]) == 0) || (!isBlank(day) && labelKind(day) == 0)) {
            return null;
        }
        boolean overVideos = extremesMatch(values, present, largest ? largestSoFar : smallestSoFar, largest);
        // A sheet's MAX() over the whole column took in its subtotal rows too: its largest value is a month's sum.
        if (!overVideos && (subtotalRowsLeftOut == 0
                || !extremesMatch(values, present, largest ? largestWithSubtotals : smallestWithSubtotals, largest))) {
            return null;
        }
        return "a row of " + (largest ? "largest" : "smallest") + " values, not a video: its " + countNames(present)
                + " are the " + (largest ? "largest" : "smallest") + " of the " + grouped(rowsUsed) + " videos above it"
                + (overVideos ? "" : " and of the " + grouped(subtotalRowsLeftOut) + " subtotal row"
                        + (subtotalRowsLeftOut == 1 ? "" : "s") + " among them");
    }

    /**
     * Whether every count present equals {@code extremes} (kept as rows are read, with no look back over the rows
     * above), with at least two of them and, for largest values, two above zero.
     */
    private boolean extremesMatch(long[] values, boolean[] present, long[] extremes, boolean largest) {
        int shown = 0;
        int aboveZero = 0;
        for (int i = 0; i < 5; i++) {
            if (!present[i]) {
                continue;
            }
            if (rowsWith[i] == 0 || values[i] != extremes[i]) {
                return false;
            }
            shown++;
            aboveZero += values[i] > 0 ? 1 : 0;
        }
        return shown >= 2 && (!largest || aboveZero >= 2);
    }

    /** Each count's largest and smallest value over the videos so far, and over them and the subtotal rows left out. */
    private final long[] largestSoFar = filled(Long.MIN_VALUE);
    private final long[] smallestSoFar = filled(Long.MAX_VALUE);
    private final long[] largestWithSubtotals = filled(Long.MIN_VALUE);
    private final long[] smallestWithSubtotals = filled(Long.MAX_VALUE);

    private static long[] filled(long value) {
        long[] a = new long[5];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** Takes count {@code i}'s value {@code v} into the extremes with subtotals, and also into those of videos. */
    private void noteExtreme(int i, long v, boolean video) {
        largestWithSubtotals[i] = Math.max(largestWithSubtotals[i], v);
        smallestWithSubtotals[i] = Math.min(smallestWithSubtotals[i], v);
        if (video) {
            largestSoFar[i] = Math.max(largestSoFar[i], v);
            smallestSoFar[i] = Math.min(smallestSoFar[i], v);
        }
    }

    /**
     * What the row's label cells (id, title, posting time) call it, as {@link #labelKind} bits; none when nothing in
     * the row names a video instead (a video link, an id with a digit that is no label).
     */
    private static int summaryLabels(String[] raw) {
        int idKind = labelKind(raw[ID]);
        if ((raw[LINK] != null && !raw[LINK].isBlank()) || (idKind == 0 && hasDigit(raw[ID]))) {
            return 0;
        }
        return idKind | labelKind(raw[TITLE]) | labelKind(raw[POSTED])
                | (raw.length > POSTED_DAY ? labelKind(raw[POSTED_DAY]) : 0);
    }

    /** Whether each count present equals {@code sums}, with at least two of them above zero. */
    private static boolean sumsMatch(long[] values, boolean[] present, long[] sums) {
        int summed = 0;
        for (int i = 0; i < 5; i++) {
            if (present[i]) {
                if (values[i] != sums[i]) {
                    return false;
                }
                summed += sums[i] > 0 ? 1 : 0;
            }
        }
        return summed >= 2;
    }

    /** The reason for a row of sums left out, starting the next group after it. */
    private String leaveOutSums(boolean subtotal, long[] values, boolean[] present) {
        String reason;
        if (!subtotal) {
            reason = totalsReason(present);
        } else {
            subtotalRowsLeftOut++;
            for (int i = 0; i < 5; i++) {
                subtotalSums[i] += present[i] ? values[i] : 0;
                if (present[i]) {
                    noteExtreme(i, values[i], false);
                }
            }
            reason = "a subtotal row, not a video: its " + countNames(present) + " are the sums of the "
                    + grouped(groupRows) + (groupRows == 1 ? " video " : " videos ")
                    + (lastSumRow == null ? "above it" : "since the subtotal row " + lastSumRow);
        }
        java.util.Arrays.fill(groupSums, 0);
        groupRows = 0;
        sumRowsLeftOut++;
        return reason;
    }

    /** Sets the place of a summary row for the next reason that names it; called when the row is rejected. */
    private void rejectSummary(String place, String reason) {
        if (reason.startsWith("a subtotal row") || reason.startsWith("a totals row")) {
            lastSumRow = place;
        }
        Rejection r = new Rejection(file, place, reason);
        if (heldTotals != null) {
            // Keeps the rejections in the file's order: the held row above is rejected or used first.
            afterHeld.add(r);
        } else {
            rejections.add(r);
        }
    }

    /**
     * Why a row labelled as averages ("Average", "Avg", "Mean", "Median", "Durchschnitt", "平均") is a row of the
     * means (or medians) of the videos above it, or null. Every count cell it has must be within one unit of its
     * last shown digit of the column's mean (or median) over the videos that have that count, so a mean rounded,
     * cut off or shown with one or two decimals is found, and at least two of those means are above zero.
     */
    private String averagesReason(String[] raw, int labels) {
        if (rowsUsed < 2 || (labels & (MEAN | MEDIAN)) == 0) {
            return null;
        }
        boolean median = (labels & MEDIAN) != 0;
        boolean[] shown = new boolean[5];
        int aboveZero = 0;
        for (int i = 0; i < 5; i++) {
            String cell = raw[VIEWS + i];
            if (Values.isMissing(cell)) {
                continue;
            }
            double[] valueAndUnit = shownNumber(cell);
            if (valueAndUnit == null || rowsWith[i] == 0) {
                return null;
            }
            double expected = median ? median(i) : (double) sums[i] / rowsWith[i];
            // A spreadsheet's unrounded mean shows more digits than a double holds: no closer than a billionth.
            if (!(Math.abs(valueAndUnit[0] - expected) < Math.max(valueAndUnit[1], 1e-9 * Math.max(1, expected)))) {
                return null;
            }
            shown[i] = true;
            aboveZero += expected > 0 ? 1 : 0;
        }
        if (aboveZero < 2) {
            return null;
        }
        String what = median ? "medians" : "means";
        return "a row of " + (median ? "medians" : "averages") + ", not a video: its " + countNames(shown) + " are the "
                + what + " of the " + grouped(rowsUsed) + " videos above it" + (median ? "" : " (to the rounding shown)");
    }

    /**
     * A count cell's number and the unit of its last shown digit ({@code 292.8} is 292.8 to 0.1, {@code 12.4K} is
     * 12,400 to 100, {@code 84,564} is 84,564 to 1), or null when it is no plain non-negative number.
     */
    private static double[] shownNumber(String cell) {
        String t = cell.strip();
        if (t.endsWith("%") || t.startsWith("-")) {
            return null;
        }
        double scale = 1;
        char last = Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'k' || last == 'm' || last == 'b') {
            scale = last == 'k' ? 1e3 : last == 'm' ? 1e6 : 1e9;
        }
        try {
            // A whole count as the count columns read it ("84,564", "84.564"), shown to the unit.
            OptionalLong whole = Values.count(t);
            if (whole.isPresent() && scale == 1) {
                return new double[] {whole.getAsLong(), 1};
            }
        } catch (BadValueException e) {
            // Decimals ("292.8", "3.438,36"): read below.
        }
        try {
            OptionalDouble d = Values.decimal(t);
            if (d.isEmpty()) {
                return null;
            }
            String digits = scale == 1 ? t : t.substring(0, t.length() - 1).strip();
            int separator = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
            int decimals = separator < 0 ? 0 : digits.length() - separator - 1;
            return new double[] {d.getAsDouble(), Math.pow(10, -decimals) * scale};
        } catch (BadValueException e) {
            return null;
        }
    }

    /** The median of count {@code i} over the videos used so far that have it. */
    private double median(int i) {
        long[] v = new long[(int) rowsWith[i]];
        int n = 0;
        for (int r = 0; r < rowsUsed && n < v.length; r++) {
            if (!counts[i].isMissing(r)) {
                v[n++] = counts[i].getLong(r);
            }
        }
        java.util.Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /**
     * Whether a row's counts are those of a totals row: each count it has equals its column's sum over the rows
     * above, and at least two of those sums are above zero (a row of zeros under zeros is a video). A row with a
     * video link or an id with a digit in it is a video too; a word in the id column ("Total") is no id.
     */
    private boolean sumsOfRowsAbove(long[] values, boolean[] present, String[] raw) {
        if (!sumsMatch(values, present, sums) || (raw[LINK] != null && !raw[LINK].isBlank()) || (hasDigit(raw[ID]) && !totalsLabel(raw[ID]))) {
            return false;
        }
        // A row with a posting time is a video whose counts happen to add up (a new account's few views), unless
        // a word in its id or title says it is a total.
        String day = raw.length > POSTED_DAY ? raw[POSTED_DAY] : null;
        if (totalsLabel(raw[ID]) || totalsLabel(raw[TITLE]) || totalsLabel(raw[POSTED]) || totalsLabel(day)) {
            return true;
        }
        return isBlank(raw[POSTED]) && isBlank(day);
    }

    private static boolean isBlank(String cell) {
        return cell == null || cell.isBlank();
    }

    /** Words that label a row of sums, in the languages of the exports SaveScope reads. */
    private static final java.util.Set<String> TOTALS_WORDS = java.util.Set.of("total", "totals", "sum", "grand total",
            "summe", "gesamt", "totaal", "totale", "totalt", "summa", "tổng", "tổng cộng", "合计", "总计", "合計", "итого",
            "total geral", "total general", "gran total", "total général", "gesamtsumme");
    /** Words that label a row of sums over a group of the rows above. */
    private static final java.util.Set<String> SUBTOTAL_WORDS = java.util.Set.of("subtotal", "subtotals", "sub-total",
            "sub total", "zwischensumme", "teilsumme", "sous-total", "sous total", "subtotaal", "delsumma", "小计", "小計",
            "промежуточный итог");
    /** Words that label a row of means. */
    private static final java.util.Set<String> MEAN_WORDS = java.util.Set.of("average", "averages", "avg", "avg.", "mean",
            "durchschnitt", "mittelwert", "ø", "⌀", "moyenne", "promedio", "media", "média", "gemiddelde", "genomsnitt",
            "gennemsnit", "gjennomsnitt", "keskiarvo", "średnia", "ortalama", "rata-rata", "trung bình", "平均", "平均值",
            "平均数", "平均値", "среднее", "grand average", "average per video", "avg per video");
    /** Words that label a row of medians. */
    private static final java.util.Set<String> MEDIAN_WORDS = java.util.Set.of("median", "mediana", "médiane",
            "mediane", "mediaan", "中位数", "中央値", "медиана");
    /** Words that label a row of each count's largest value, and of its smallest. */
    private static final java.util.Set<String> MAX_WORDS = java.util.Set.of("max", "max.", "maximum", "maximal", "máx",
            "máx.", "máximo", "maximo", "massimo", "höchstwert", "highest", "最大", "最大值", "最大値", "максимум", "최대", "최댓값", "최대값", "maksimum", "tối đa");
    private static final java.util.Set<String> MIN_WORDS = java.util.Set.of("min", "min.", "minimum", "minimal", "mín",
            "mín.", "mínimo", "minimo", "tiefstwert", "lowest", "最小", "最小值", "最小値", "минимум", "최소", "최솟값", "최소값", "tối thiểu");
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janeiro|fevereiro|março|marco|abril|maio|junho"
            + "|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre"
            + "|setiembre|octubre|noviembre|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout"
            + "|septembre|octobre|novembre|décembre|decembre|januar|februar|märz|juni|juli|oktober|dezember";
    /** A period a group of rows covers: a month (with its year), a year, a week or a quarter. */
    private static final String PERIOD = "(?:(?:" + MONTHS + ")\\.?(?:[ /.-]*(?:\\d{4}|\\d{2}))?|(?:\\d{4})[ /.-]*(?:"
            + MONTHS + ")|\\d{4}|\\d{1,2}[/.-]\\d{2,4}|\\d{4}[/.-]\\d{1,2}|(?:week|wk|kw|semana|semaine|woche) ?\\d{1,2}"
            + "|q[1-4](?:[ /.-]*\\d{2,4})?)";
    private static final String SUM_WORD = "(?:sub-? ?)?totals?|sum|summe|gesamt|totaal|totale|totalt|summa";
    /** "January total", "Total January 2025", "Total for week 3", "Subtotal - Q1", "2024 totals". */
    private static final java.util.regex.Pattern PERIOD_TOTAL = java.util.regex.Pattern.compile("(?:" + SUM_WORD
            + ")(?: ?[-–—,] ?| (?:(?:for|of|in|de|do|da|em|für|im|pour|du|del|van|voor) )?)" + PERIOD + "|" + PERIOD
            + "(?: ?[-–—,] ?| )(?:" + SUM_WORD + ")");

    /** What a label cell may call its row, as bits of {@link #labelKind}. */
    private static final int TOTAL = 1, SUBTOTAL = 2, MEAN = 4, MEDIAN = 8, MAX = 16, MIN = 32;

    /**
     * What a cell calls its row: a total ("Total", "Grand Total:", "SUM"), a subtotal ("Subtotal", "January total",
     * "Total week 3"), a row of means ("Average", "Avg.", "Durchschnitt", "平均") or of medians ("Median"), as
     * bits; 0 for any other cell. Case, spacing, a trailing colon and a trailing "(3 videos)" do not count.
     */
    static int labelKind(String cell) {
        String word = labelText(cell);
        if (word == null) {
            return 0;
        }
        int kind = TOTALS_WORDS.contains(word) ? TOTAL : 0;
        if (SUBTOTAL_WORDS.contains(word) || ((word.contains("tot") || word.contains("sum") || word.contains("gesamt"))
                && PERIOD_TOTAL.matcher(word).matches())) {
            kind |= SUBTOTAL;
        }
        kind |= MEAN_WORDS.contains(word) ? MEAN : 0;
        kind |= MAX_WORDS.contains(word) ? MAX : 0;
        kind |= MIN_WORDS.contains(word) ? MIN : 0;
        return kind | (MEDIAN_WORDS.contains(word) ? MEDIAN : 0);
    }

    static boolean totalsLabel(String cell) {
        return (labelKind(cell) & TOTAL) != 0;
    }

    static boolean subtotalLabel(String cell) {
        return (labelKind(cell) & SUBTOTAL) != 0;
    }

    static boolean averageLabel(String cell) {
        return (labelKind(cell) & (MEAN | MEDIAN)) != 0;
    }

    static boolean medianLabel(String cell) {
        return (labelKind(cell) & MEDIAN) != 0;
    }

    /** Whether a cell labels any summary row: a total, a subtotal, an average or a largest or smallest value. */
    static boolean summaryLabel(String cell) {
        return labelKind(cell) != 0;
    }

    /**
     * A cell as a label reads: lower case, spaces collapsed, a trailing colon and a trailing "(3 videos)" taken off;
     * null when blank or too long to be a label. Read by hand, not by patterns: every row's label cells pass here.
     */
    private static String labelText(String cell) {
        if (cell == null || cell.length() > 60) {
            return null;
        }
        String t = cell.strip();
        if (!t.isEmpty() && (t.charAt(t.length() - 1) == ':' || t.charAt(t.length() - 1) == '：')) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith(")") || t.endsWith("）")) {
            int open = Math.max(t.lastIndexOf('('), t.lastIndexOf('（'));
            String inside = open < 0 ? "(" : t.substring(open + 1, t.length() - 1);
            if (inside.indexOf('(') < 0 && inside.indexOf(')') < 0 && inside.indexOf('（') < 0 && inside.indexOf('）') < 0) {
                t = t.substring(0, open);
            }
        }
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean hasDigit(String cell) {
        if (cell != null) {
            for (int i = 0; i < cell.length(); i++) {
                if (Character.isDigit(cell.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A row that may be a totals row, held back until the table shows whether it is the last. */
    private record HeldRow(String[] raw, long[] values, boolean[] present, String rowPlace, String[] cellPlaces,
            String fallbackId, Instant taken) {
        /** The row with its places written out now: a reader's place functions follow its current row. */
        static HeldRow of(String[] raw, long[] values, boolean[] present, String rowPlace, IntFunction<String> cellPlace,
                String fallbackId, Instant taken) {
            String[] places = new String[raw.length];
            for (int f = 0; f < raw.length; f++) {
                places[f] = raw[f] == null ? null : cellPlace.apply(f);
            }
            return new HeldRow(raw.clone(), values.clone(), present.clone(), rowPlace, places, fallbackId, taken);
        }
    }

    /**
     * Leaves out a table's last row when it is a totals row (its counts are the sums of the rows above, as a
     * hand-kept sheet's "Total" or SUM row is): it is rejected saying so, so the videos are not counted twice.
     */
    VideoFrameBuilder leaveOutTotalsRow() {
        this.totalsRowCheck = true;
        return this;
    }

    /**
     * Whether a row added through {@link #addCanonical} is labelled as a summary (a total, subtotal or average):
     * the general reader, which judges such rows, must then read the file. Every row of this format has a posting
     * time, so only such a word can say a row is not a video.
     */
    boolean hasSummaryLabel() {
        return canonicalSummaryLabel;
    }

    private boolean canonicalSummaryLabel;
    private boolean totalsRowCheck;
    private HeldRow heldTotals;
    /** Summary rows rejected below a held row, kept back so the rejections stay in the file's order. */
    private final List<Rejection> afterHeld = new ArrayList<>();
    /** Each count's sum over the rows used so far. */
    private final long[] sums = new long[5];
    /** Each count's number of rows used so far that have it. */
    private final long[] rowsWith = new long[5];
    /** Each count's sum over the rows used since the last row of sums left out, and how many rows those are. */
    private final long[] groupSums = new long[5];
    private long groupRows;
    /** How many rows of sums (subtotals, totals) were left out so far, and the place of the last. */
    private int sumRowsLeftOut;
    private String lastSumRow;
    /** The subtotal rows left out so far, and each count's sum over them. */
    private int subtotalRowsLeftOut;
    private final long[] subtotalSums = new long[5];

    /** Each count's sum over the videos and the subtotal rows left out so far. */
    private long[] videosAndSubtotals() {
        long[] both = new long[5];
        for (int i = 0; i < 5; i++) {
            both[i] = sums[i] + subtotalSums[i];
        }
        return both;
    }

    /**
     * Adds a row of the canonical CSV read from its bytes elsewhere: every count present, the posting time
     * already read (an ISO time at or after the earliest posting time taken without question), and no link,
     * account, hashtags or scrape-time cell. It gives the same cells and counts as {@link #add} given the
     * row's text; {@code title}, {@code type} and {@code rawId} are the cells as the CSV holds them, null
     * when empty. {@code givenTags} and {@code givenType} are the row's hashtags and content type as
     * {@link ContentTypes#assignRow} gives them for those cells, worked out by the caller, or null to work
     * them out here. Where {@code titleBytes} is not null the title is instead {@code titleLen} bytes of it from
     * {@code titleAt}: well-formed UTF-8 (all below 0x80 when {@code titleAscii}), not empty, no longer than texts
     * are cut to and with nothing to strip at either end, kept in the column as those bytes.
     */
    void addCanonical(String rawId, String rawTitle, byte[] titleBytes, int titleAt, int titleLen, boolean titleAscii,
            Instant postedAt, long durationCell, long[] countValues, String rawType, String givenTags, String givenType,
            IntFunction<String> cellPlace, Supplier<String> fallbackId) {
        rowsRead++;
        String rowTitle = titleBytes != null ? null : longTexts.bound(rawTitle, "titles", cellPlace, TITLE);
        String rowType = longTexts.bound(rawType, "content types", cellPlace, TYPE);
        int row = (int) rowsUsed++;
        String videoId = videoId(row, rawId, null, cellPlace, fallbackId);
        if (row == takenAt.length) {
            takenAt = java.util.Arrays.copyOf(takenAt, row * 2);
        }
        takenAt[row] = rowsTakenAt == null ? Long.MIN_VALUE : rowsTakenAt.toEpochMilli();
        id.append(videoId);
        cellsPending++;
        if (titleBytes != null) {
            Canonical.appendUtf8(title, titleBytes, titleAt, titleLen, titleAscii);
        } else {
            title.append(nullToEmpty(rowTitle).strip());
        }
        posted.appendInternal(PackedTimes.pack(postedAt));
        duration.append(durationMillis ? durationCell / 1000.0 : durationCell);
        for (int i = 0; i < 5; i++) {
            counts[i].append(countValues[i]);
            sums[i] += countValues[i];
        }
        // A real id starts with a digit; only a row without one can be labelled (cheap for a million rows).
        if (!canonicalSummaryLabel && (rawId == null || rawId.isEmpty() || !Character.isDigit(rawId.charAt(0)))
                && (summaryLabel(rawId) || summaryLabel(titleBytes != null ? new String(titleBytes, titleAt, titleLen,
                        java.nio.charset.StandardCharsets.UTF_8) : rawTitle))) {
            canonicalSummaryLabel = true;
        }
        if (types != null && givenTags != null) {
            hashtags.append(givenTags);
            type.append(givenType);
        } else if (types != null && titleBytes != null) {
            if (captionTags == null || captionTagsFor != types) {
                captionTags = new CaptionTags(types);
                captionTagsFor = types;
            }
            captionTags.assign(titleBytes, titleAt, titleLen, rowType, typeAndTags);
            hashtags.append(typeAndTags[0]);
            type.append(typeAndTags[1]);
        } else if (types != null) {
            types.assignRow(rowTitle, null, rowType, typeAndTags);
            hashtags.append(typeAndTags[0]);
            type.append(typeAndTags[1]);
        } else {
            type.append(nullToEmpty(rowType).strip());
            hashtags.append("");
        }
    }

    /**
     * Puts the account, link and source cells of the rows {@link #addCanonical} added into their columns: as whole
     * columns when nothing else is in them yet (every row of a file read by the fast reader), else one at a time.
     */
    private void flushCells() {
        int n = cellsPending;
        if (n == 0) {
            return;
        }
        cellsPending = 0;
        if (accountCol.isEmpty() && link.isEmpty() && source.isEmpty()) {
            accountCol = Canonical.repeatedTextColumn(Canonical.ACCOUNT, account, n);
            link = Canonical.repeatedTextColumn(Canonical.LINK, "", n);
            source = Canonical.repeatedTextColumn(Canonical.SOURCE, file, n);
            table.replaceColumn(Canonical.ACCOUNT, accountCol);
            table.replaceColumn(Canonical.LINK, link);
            table.replaceColumn(Canonical.SOURCE, source);
            return;
        }
        for (int i = 0; i < n; i++) {
            accountCol.append(account);
            link.append("");
            source.append(file);
        }
    }

    /** The duration in seconds, or NaN: missing in the source, or unreadable and then counted as left missing. */
    private double durationOf(String raw, IntFunction<String> cellPlace) {
        // Whole seconds are the common case: read without building an OptionalDouble per row.
        long plain = Values.plainDigits(raw);
        if (plain >= 0) {
            return durationMillis ? plain / 1000.0 : plain;
        }
        try {
            OptionalDouble d = Values.duration(raw, durationMillis);
            return d.isPresent() ? d.getAsDouble() : Double.NaN;
        } catch (BadValueException e) {
            leaveMissing(DURATION, cellPlace.apply(DURATION), e.getMessage());
            return Double.NaN;
        }
    }

    /**
     * The row's video id, marking it real when it may be merged with other rows of the same video: the id cell
     * when it is a real id, else the id the video link carries, else the row's own id (never merged).
     */
    private String videoId(int row, String rawId, String rawLink, IntFunction<String> cellPlace, Supplier<String> fallbackId) {
        String stripped = rawId == null ? "" : rawId.strip();
        String cell;
        int kind;
        boolean nineteenDigits;
        if (VideoIds.allDigits(stripped, stripped.length())) {
            // TikTok's ids (nearly every row): looked at once, where the general rules look three times.
            cell = stripped;
            kind = VideoIds.kindOfDigits(cell);
            nineteenDigits = cell.length() == 19;
        } else {
            cell = VideoIds.digitsOf(stripped);
            kind = VideoIds.kind(cell);
            nineteenDigits = cell.length() == 19 && VideoIds.allDigits(cell, 19);
        }
        if (kind == VideoIds.SUSPECT || (kind == VideoIds.REAL && nineteenDigits)) {
            idCounts.nineteenDigits++;
        }
        if (kind == VideoIds.REAL) {
            realId.set(row);
            return cell;
        }
        String fromLink = rawLink == null || rawLink.isEmpty() ? null : VideoIds.ofLink(rawLink);
        if (kind == VideoIds.SUSPECT && fromLink == null) {
            // Decided once the whole column is seen (settleIds): ids ending in zeros are real now and then.
            idCounts.pending(row, cell, fallbackId.get(), rawId.strip(), cellPlace.apply(ID));
            return cell;
        }
        if (kind == VideoIds.SUSPECT && fromLink.equals(cell)) {
            realId.set(row);
            return cell;
        }
        if (kind != VideoIds.NONE) {
            idCounts.rounded(rawId.strip(), cellPlace.apply(ID), fromLink != null);
        }
        if (fromLink != null) {
            realId.set(row);
            return fromLink;
        }
        return fallbackId.get();
    }

    /** Decides the ids that only their column could tell rounded from real; once all rows are in. */
    private void settleIds() {
        if (idCounts.pendingRows.isEmpty()) {
            return;
        }
        boolean column = VideoIds.roundedColumn(idCounts.pendingRows.size(), idCounts.nineteenDigits);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        idCounts.pendingCells.forEach(c -> seen.merge(c, 1, Integer::sum));
        long keptAsReal = 0;
        for (int k = 0; k < idCounts.pendingRows.size(); k++) {
            int row = idCounts.pendingRows.get(k);
            // Two rows of one file with the same such id are likelier two videos rounded alike than one seen twice.
            if (column || seen.get(idCounts.pendingCells.get(k)) > 1) {
                String own = idCounts.pendingFallbacks.get(k);
                id.set(row, own);
                idCounts.rounded(idCounts.pendingRaw.get(k), idCounts.pendingPlaces.get(k), false);
            } else {
                realId.set(row);
                keptAsReal++;
            }
        }
        idCounts.keptLookingRounded += keptAsReal;
        idCounts.pendingRows.clear();
        idCounts.pendingCells.clear();
        idCounts.pendingFallbacks.clear();
        idCounts.pendingRaw.clear();
        idCounts.pendingPlaces.clear();
    }

    /** What the ids of this source were: how many rounded, recovered from links, kept unmerged. */
    private static final class IdCounts {
        long nineteenDigits;
        long rounded;
        long recovered;
        long keptLookingRounded;
        String firstRaw;
        String firstPlace;
        final List<Integer> pendingRows = new ArrayList<>();
        final List<String> pendingCells = new ArrayList<>();
        final List<String> pendingFallbacks = new ArrayList<>();
        final List<String> pendingRaw = new ArrayList<>();
        final List<String> pendingPlaces = new ArrayList<>();

        void rounded(String raw, String place, boolean fromLink) {
            if (rounded++ == 0) {
                firstRaw = raw;
                firstPlace = place;
            }
            if (fromLink) {
                recovered++;
            }
        }

        void pending(int row, String cell, String fallback, String raw, String place) {
            pendingRows.add(row);
            pendingCells.add(cell);
            pendingFallbacks.add(fallback);
            pendingRaw.add(raw);
            pendingPlaces.add(place);
        }
    }

    /** How many rounded ids were replaced by the id in the row's video link. */
    public long mangledIdsRecovered() {
        settleIds();
        return idCounts.recovered;
    }

    /** The content types rows are given as they arrive, or null when hashtags and types are left for later. */
    ContentTypes contentTypes() {
        return types;
    }

    /** Fills hashtags and content types as rows arrive (from the title when the source has none). */
    public VideoFrameBuilder types(ContentTypes contentTypes) {
        this.types = contentTypes;
        return this;
    }

    /** Whether hashtags and content types were assigned as the rows were read. */
    public boolean typesAssigned() {
        return types != null;
    }

    /** The video id of each used row, in order. */
    public List<String> ids() {
        settleIds();
        return new java.util.AbstractList<>() {
            @Override
            public String get(int row) {
                return id.get(row);
            }

            @Override
            public int size() {
                return id.size();
            }
        };
    }

    /**
     * Says that a plain number in the duration column is milliseconds (the app API's {@code video.duration});
     * a reader that knows its source's unit says so (before adding rows) rather than have each value guessed.
     */
    public VideoFrameBuilder durationInMilliseconds() {
        this.durationMillis = true;
        assume("durations were read as milliseconds (the source's unit for them)");
        return this;
    }

    /** The place of used row {@code row} when it has a video link, else null. */
    String linkedRowPlace(int row) {
        return linkedRowPlaces.get(row);
    }

    /** When this file's counts were taken, for rows added without their own time. */
    public VideoFrameBuilder takenAt(Instant when) {
        this.rowsTakenAt = when;
        return this;
    }

    /** As above, saying where that time came from (a row's scrape time wins only over a time not in the name). */
    VideoFrameBuilder takenAt(Instant when, SnapshotOrder.Basis where) {
        this.rowsTakenAt = when;
        this.basis = where;
        return this;
    }

    /** The time {@code cell} names, or {@code fallback} (counted) when it names none. */
    private Instant scrapedAt(String cell, Instant fallback) {
        Instant t = Values.isoFast(cell);
        if (t == null && !Values.isMissing(cell)) {
            try {
                t = Values.instant(cell);
            } catch (BadValueException e) {
                t = null;
            }
        }
        if (t == null) {
            scrapeTimesUnread++;
            return fallback;
        }
        long ms = t.toEpochMilli();
        scrapeTimesRead++;
        firstScraped = Math.min(firstScraped, ms);
        lastScraped = Math.max(lastScraped, ms);
        return t;
    }

    private SnapshotOrder.Basis basis = SnapshotOrder.Basis.UNKNOWN;
    private long scrapeTimesRead;
    private long scrapeTimesUnread;
    private long firstScraped = Long.MAX_VALUE;
    private long lastScraped = Long.MIN_VALUE;

    /** Where this file's snapshot time came from: {@link SnapshotOrder.Basis#SCRAPE_COLUMN} once rows named theirs. */
    SnapshotOrder.Basis snapshotBasis() {
        return scrapeTimesRead > 0 ? SnapshotOrder.Basis.SCRAPE_COLUMN : basis;
    }

    /** The file's own snapshot time (null when unknown), and the span of its rows' scrape times. */
    Instant fileTakenAt() {
        return rowsTakenAt;
    }

    Instant firstScraped() {
        return scrapeTimesRead == 0 ? null : Instant.ofEpochMilli(firstScraped);
    }

    Instant lastScraped() {
        return scrapeTimesRead == 0 ? null : Instant.ofEpochMilli(lastScraped);
    }

    /** How many rows' scrape-time cells could not be read (those rows took the file's time). */
    long scrapeTimesUnread() {
        return scrapeTimesUnread;
    }

    /** The header of cell {@code index} of {@code raw}, when the reader gave it. */
    String rawHeader(int index) {
        return headers != null && headers.length > index ? headers[index] : null;
    }

    /** The export time that year-less posting dates are placed before; null to leave such dates missing. */
    public VideoFrameBuilder yearAnchor(Instant anchor) {
        postingTimes.yearAnchor(anchor);
        return this;
    }

    /** The order numeric posting dates are read in when nothing in their column settles it. */
    VideoFrameBuilder dateConvention(PostingTimes.Convention convention) {
        postingTimes.convention(convention);
        return this;
    }

    /** The export time year-less dates are placed before, or null. */
    public Instant yearAnchorOrNull() {
        return postingTimes.yearAnchor();
    }

    /** How many posting dates had no year and were given one from the export time. */
    public long yearlessPostTimes() {
        return postingTimes.yearless();
    }

    /**
     * Settles what waited for the whole source (posting dates that read either way); call once the source has no
     * more rows, before its warnings and report are made.
     */
    public void finish() {
        if (heldTotals != null) {
            rejections.add(new Rejection(file, heldTotals.rowPlace, totalsReason(heldTotals.present)));
            heldTotals = null;
            afterHeld.forEach(rejections::add);
            afterHeld.clear();
        }
        postingTimes.finish(posted, header(POSTED), headers != null && headers.length > POSTED_DAY
                && headers[POSTED_DAY] != null ? headers[POSTED_DAY] : "date");
    }

    private String totalsReason(boolean[] present) {
        if (sumRowsLeftOut > 0) {
            return "a totals row, not a video: its " + countNames(present) + " are the sums of the " + grouped(rowsUsed)
                    + " videos above it (the " + grouped(sumRowsLeftOut) + " subtotal row"
                    + (sumRowsLeftOut == 1 ? "" : "s") + " above not counted)";
        }
        return "a totals row, not a video: its " + countNames(present) + " are the sums of the " + grouped(rowsUsed)
                + " rows above it";
    }

    /** The headers of the counts present, as {@code "views", "likes" and "saves"}. */
    private String countNames(boolean[] present) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (present[i]) {
                names.add("\"" + header(VIEWS + i) + "\"");
            }
        }
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                + " and " + names.get(names.size() - 1);
    }

    /** What went wrong reading this source's posting times (after {@link #finish}). */
    public List<String> postingTimeWarnings() {
        return postingTimes.warnings();
    }

    /** When row {@code row}'s counts were taken, or null when unknown. */
    public Instant takenAt(int row) {
        return takenAt[row] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(takenAt[row]);
    }

    /** {@link #takenAt(int)} in epoch milliseconds, {@link Long#MIN_VALUE} when unknown. */
    long takenAtMillis(int row) {
        return takenAt[row];
    }

    /** Row {@code row}'s id as a number ({@link savescope.model.PlainNumbers#of}), without a String when packed. */
    long idNumber(int row) {
        settleIds();
        return savescope.model.PlainNumbers.of(id, row);
    }

    /** Whether row {@code row} carries the video's real id (and so may be merged with other rows of it). */
    public boolean hasRealId(int row) {
        settleIds();
        return realId.get(row);
    }

    /** The header name this builder reports for field i; readers may override through {@link #headers}. */
    private String header(int field) {
        return headers != null && headers[field] != null ? headers[field] : FIELDS.get(field);
    }

    private String[] headers;

    /** The source's own header names in {@code raw} order, so messages quote what the user sees. */
    public VideoFrameBuilder headers(String[] sourceHeaders) {
        this.headers = sourceHeaders.clone();
        return this;
    }

    /** The file the rows come from, as the user named it. */
    public String file() {
        return file;
    }

    public Table table() {
        flushCells();
        return table;
    }

    /** The rejections listed with their places: all of them, or the first {@value RejectionList#LISTED}. */
    public List<Rejection> rejections() {
        return rejections.listed();
    }

    /** Rejected rows, listed or not. */
    public long rowsRejected() {
        return rejections.count();
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsUsed() {
        return rowsUsed;
    }

    /** How many ids were rounded by a spreadsheet (like {@code 7.37023E+18}), recovered from a link or not. */
    public long mangledIds() {
        settleIds();
        return idCounts.rounded;
    }

    /**
     * What the ids of this source need the user to know, or null: how many were rounded, how many were
     * recovered from video links, how many rows are kept each as its own video.
     */
    public String idWarning() {
        settleIds();
        IdCounts c = idCounts;
        if (c.rounded == 0) {
            return null;
        }
        return roundedIdsWarning(c.rounded, c.firstRaw, c.firstPlace, c.recovered);
    }

    static String roundedIdsWarning(long rounded, String firstRaw, String firstPlace, long recovered) {
        long kept = rounded - recovered;
        return grouped(rounded) + (rounded == 1 ? " video id was" : " video ids were")
                + " rounded by a spreadsheet (the first: \"" + firstRaw + "\" at " + firstPlace + ") and no longer "
                + (rounded == 1 ? "identifies a video: " : "identify videos: ")
                + grouped(recovered) + " recovered from the video link, " + grouped(kept)
                + (kept == 1 ? " row" : " rows") + " kept each as its own video and never merged.";
    }

    static String keptLookingRoundedNote(long n) {
        return grouped(n) + (n == 1 ? " id ends" : " ids end") + " in four or more zeros, as ids rounded to 15 digits "
                + "by a spreadsheet do; so few (one real id in 10,000 does) that they were taken as real ids";
    }

    private final LongTexts longTexts = new LongTexts();

    /** Cuts runaway free text where it is read, so no single value can swell the report. */
    private void boundTexts(String[] raw, IntFunction<String> cellPlace) {
        raw[TITLE] = longTexts.bound(raw[TITLE], "titles", () -> cellPlace.apply(TITLE));
        raw[TYPE] = longTexts.bound(raw[TYPE], "content types", () -> cellPlace.apply(TYPE));
        raw[HASHTAGS] = longTexts.bound(raw[HASHTAGS], "hashtag lists", () -> cellPlace.apply(HASHTAGS));
        raw[LINK] = longTexts.bound(raw[LINK], "links", () -> cellPlace.apply(LINK));
        if (raw.length > ACCOUNT) {
            raw[ACCOUNT] = longTexts.bound(raw[ACCOUNT], "account names", () -> cellPlace.apply(ACCOUNT));
        }
    }

    /** Counts a count left missing in a kept row: a blank cell of a column the source has, or a "no value" marker. */
    private void countGap(int field, String raw, IntFunction<String> cellPlace) {
        boolean hasColumn = headers != null && headers[field] != null;
        if (raw == null || raw.isBlank()) {
            if (hasColumn) {
                leaveMissing(field, cellPlace.apply(field), "no value was given");
            }
        } else {
            leaveMissing(field, cellPlace.apply(field), "\"" + raw.strip() + "\" means no value");
        }
    }

    /**
     * Notes that {@code field} of the row at {@code place} is left missing because its value could not be read;
     * the row itself is kept. Counted per field, with the first few places listed.
     */
    public void leaveMissing(int field, String place, String reason) {
        if (gapRows[field]++ == 0) {
            gapReason[field] = reason;
            gapPlaces[field] = new ArrayList<>();
        }
        if (gapPlaces[field].size() < FieldGap.MAX_PLACES) {
            gapPlaces[field].add(place);
        }
    }

    private final long[] gapRows = new long[FIELDS.size()];
    private final String[] gapReason = new String[FIELDS.size()];
    @SuppressWarnings("unchecked")
    private final List<String>[] gapPlaces = new List[FIELDS.size()];
    private final List<String> assumptions = new ArrayList<>();

    /** The fields left missing in kept rows, in {@link #FIELDS} order. */
    public List<FieldGap> fieldGaps() {
        List<FieldGap> gaps = new ArrayList<>();
        for (int f = 0; f < gapRows.length; f++) {
            if (gapRows[f] > 0) {
                gaps.add(new FieldGap(FIELDS.get(f), header(f), gapRows[f], gapPlaces[f], gapReason[f]));
            }
        }
        return gaps;
    }

    /** Records something assumed about this source (said once, in the data-quality section). */
    public void assume(String assumption) {
        if (!assumptions.contains(assumption)) {
            assumptions.add(assumption);
        }
    }

    public List<String> assumptions() {
        return assumptions;
    }

    /** What this builder's rows gave, as the source report of {@code file}. */
    public SourceReport sourceReport(String format, List<String> missingMetrics, List<String> warnings, String kind) {
        finish();
        settleIds();
        if (idCounts.keptLookingRounded > 0) {
            assume(keptLookingRoundedNote(idCounts.keptLookingRounded));
        }
        longTexts.notes().forEach(this::assume);
        report = new SourceReport(file, format, rowsRead, rowsUsed, rejections.listed(), missingMetrics, warnings,
                kind, fieldGaps(), assumptions, rejections.notListed(), rejections.reasons());
        return report;
    }

    private SourceReport report;
    private String sheet;

    /** The report last made of this builder's rows (or put in its place, see {@link #report(SourceReport)}). */
    SourceReport report() {
        return report;
    }

    /** Says that {@code next} replaces this builder's report among the load's sources. */
    void report(SourceReport next) {
        this.report = next;
    }

    /** Names the spreadsheet sheet the rows come from, for messages about the source as a whole. */
    VideoFrameBuilder sheet(String name) {
        this.sheet = name;
        return this;
    }

    /** The file, and its sheet when the rows come from one: {@code book.xlsx (sheet "Top 10")}. */
    String sourceName() {
        return sheet == null ? file : file + " (sheet \"" + sheet + "\")";
    }

    /**
     * The place of used row {@code row} when it has no real id ({@code 14}, {@code Content!14}): its own id was made
     * from it. Null for a row with a real id.
     */
    String placeWithoutId(int row) {
        String own = ids().get(row);
        String prefix = file + "#";
        return realId.get(row) || !own.startsWith(prefix) ? null : own.substring(prefix.length());
    }

    /** Records a row rejected before it reached {@link #add} (for example a short row). */
    public void reject(Rejection r) {
        rowsRead++;
        rejections.add(r);
    }

    /**
     * The account a video link names ({@code https://www.tiktok.com/@lena.bakes/video/1} → {@code @lena.bakes}),
     * or empty: exports without an account column still say whose videos they are.
     */
    static String handleOf(String link) {
        if (link == null) {
            return "";
        }
        int at = link.indexOf("/@");
        int end = at < 0 ? -1 : link.indexOf('/', at + 2);
        return end > at + 2 ? link.substring(at + 1, end) : "";
    }

    /** {@code 12,345}: counts in messages read like those in the report. */
    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
