package savescope.load;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import savescope.model.Canonical;
import savescope.model.PlainNumbers;
import savescope.model.Rejection;
import savescope.model.SourceReport;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Checks the daily rows of all daily files together, once the videos are known: a row must belong to one of the
 * videos and lie between the video's posting day and today, and a video's day given by two files
 * (overlapping downloads) is kept once, from the later export. Every row left out is rejected in its file's report.
 */
final class DailyChecks {
    /**
     * Days a daily date may lie before the posting day or after today: a daily export counts days in the
     * account's time zone, posting and export times are UTC, so either may fall on the neighbouring day.
     */
    static final int SLACK_DAYS = 1;

    private DailyChecks() {}

    /** The daily rows kept, the daily sources' reports with the rows left out rejected, and a warning or none. */
    record Result(Table daily, List<SourceReport> sources, List<String> warnings) {}

    /** One daily file's rows: {@code rows} rows from {@code first} on, the file's report at {@code source}. */
    private record Part(int source, String file, int first, int rows, Instant exportTime) {}

    /**
     * @param sources every source of the load, in the order their rows were added to {@code daily}
     * @param exportTime the export time a file's name gives, or null when it names none
     * @param runTime when this run started: no daily row may come after it
     */
    static Result check(Table daily, Table videos, List<SourceReport> sources,
            Function<String, Instant> exportTime, Instant runTime) {
        List<Part> parts = parts(daily, sources, exportTime);
        if (parts == null || daily.rowCount() == 0) {
            return new Result(daily, sources, List.of());
        }
        PostedDays postedDay = PostedDays.of(videos);
        // Rows left out are few: their reasons are kept by row, not in an array as long as the series.
        Int2ObjectOpenHashMap<String> reasons = new Int2ObjectOpenHashMap<>();
        int runDay = PackedLocalDate.pack(LocalDate.ofInstant(runTime, ZoneOffset.UTC).plusDays(SLACK_DAYS));
        for (Part p : parts) {
            checkDays(daily, p, postedDay, runDay, runTime, reasons);
        }
        List<String> warnings = new ArrayList<>();
        if (parts.size() > 1) {
            String overlap = overlaps(daily, parts, reasons);
            if (overlap != null) {
                warnings.add(overlap);
            }
        }
        return apply(daily, sources, parts, reasons, warnings);
    }

    /** Not among the videos. */
    private static final int[] NO_VIDEO = {};
    private static final String NOT_A_VIDEO = "the video is not in the videos data, so its day cannot be placed; "
            + "the row was not used";

    /**
     * Marks the rows of part {@code p} whose video is unknown or whose day lies outside the video's life. Rows are
     * told apart by their id's dictionary key, an int, so that a series of millions of rows costs no string work.
     */
    private static void checkDays(Table daily, Part p, PostedDays postedDay, int runDay, Instant runTime,
            Int2ObjectOpenHashMap<String> reasons) {
        // A series of millions of rows is checked in two halves side by side: this runs after both files were
        // read, with the second core otherwise idle, and at 3,000,000 rows it was a tenth of a second.
        int halves = p.rows() >= SIDE_BY_SIDE_ROWS ? 2 : 1;
        List<Int2ObjectOpenHashMap<String>> found = new ArrayList<>();
        for (int h = 0; h < halves; h++) {
            found.add(new Int2ObjectOpenHashMap<>());
        }
        int middle = p.first() + p.rows() / 2;
        savescope.Parallel.forEachIndex(halves, halves, "savescope-daily-checks", h -> checkDays(daily, p,
                halves == 1 || h == 0 ? p.first() : middle, halves == 1 || h == 1 ? p.first() + p.rows() : middle,
                postedDay, runDay, runTime, found.get(h)));
        for (Int2ObjectOpenHashMap<String> f : found) {
            reasons.putAll(f);
        }
    }

    /** Below this many rows a daily file is checked on one thread. */
    static final int SIDE_BY_SIDE_ROWS = 200_000;

    private static void checkDays(Table daily, Part p, int from, int to, PostedDays postedDay, int runDay,
            Instant runTime, Int2ObjectOpenHashMap<String> reasons) {
        DictionaryMap ids = daily.stringColumn(Canonical.VIDEO_ID).getDictionary();
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        // Only today bounds a day: a date in a file's name may be the first day of its range ("daily_2026-03-01_to_
        // 2026-03-20") or any other date, so it only orders overlapping files, never rejects a day.
        int lastDay = runDay;
        Int2ObjectOpenHashMap<int[]> postedOfKey = new Int2ObjectOpenHashMap<>();
        int lastKey = 0;
        int[] posted = null;
        for (int r = from; r < to; r++) {
            int key = ids.getKeyForIndex(r);
            if (posted == null || key != lastKey) {
                lastKey = key;
                posted = postedOfKey.get(key);
                if (posted == null) {
                    posted = postedDay.of(ids.getValueForKey(key));
                    postedOfKey.put(key, posted);
                }
            }
            int day = dates.getIntInternal(r);
            if (posted == NO_VIDEO) {
                reasons.put(r, NOT_A_VIDEO);
            } else if (day < posted[0]) {
                reasons.put(r, "the day is before the video was posted (" + PackedLocalDate.toDateString(posted[1])
                        + "); the row was not used");
            } else if (day > lastDay) {
                reasons.put(r, "the day is after today (" + LocalDate.ofInstant(runTime, ZoneOffset.UTC)
                        + "); the row was not used");
            }
        }
    }

    /** The daily files' rows in {@code daily}, or null when the reports do not account for every row. */
    private static List<Part> parts(Table daily, List<SourceReport> sources,
            Function<String, Instant> exportTime) {
        List<Part> parts = new ArrayList<>();
        int first = 0;
        for (int s = 0; s < sources.size(); s++) {
            SourceReport r = sources.get(s);
            if (r.kind().equals(SourceReport.DAILY)) {
                parts.add(new Part(s, r.file(), first, (int) r.rowsUsed(), exportTime.apply(r.file())));
                first += (int) r.rowsUsed();
            }
        }
        return first == daily.rowCount() ? parts : null;
    }

    /** Unknown posting time: every day is allowed. */
    private static final int[] ANY_DAY = {Integer.MIN_VALUE, Integer.MIN_VALUE};

    /**
     * Each video's earliest allowed daily date and its posting day, packed, by id; {@link #NO_VIDEO} for an id
     * that is not among the videos. Ids that are all plain numbers (TikTok's) are looked up as numbers: at
     * 100,000 videos, hashing and comparing their texts was half of these checks.
     */
    private record PostedDays(Map<String, int[]> byText, Long2ObjectOpenHashMap<int[]> byNumber) {
        int[] of(String id) {
            if (byNumber == null) {
                return byText.getOrDefault(id, NO_VIDEO);
            }
            // Every video id is a plain number, so an id that is not one is no video's.
            return PlainNumbers.is(id) ? byNumber.getOrDefault(PlainNumbers.bits(id), NO_VIDEO) : NO_VIDEO;
        }

        static PostedDays of(Table videos) {
            StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
            InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
            Long2ObjectOpenHashMap<int[]> byNumber = new Long2ObjectOpenHashMap<>(ids.size());
            for (int v = 0; v < ids.size(); v++) {
                String id = ids.get(v);
                if (!PlainNumbers.is(id)) {
                    Map<String, int[]> byText = new HashMap<>(ids.size() * 2);
                    for (int w = 0; w < ids.size(); w++) {
                        byText.merge(ids.get(w), days(posted, w), DailyChecks::earlier);
                    }
                    return new PostedDays(byText, null);
                }
                byNumber.merge(PlainNumbers.bits(id), days(posted, v), DailyChecks::earlier);
            }
            return new PostedDays(null, byNumber);
        }
    }

    private static int[] earlier(int[] a, int[] b) {
        return a[0] <= b[0] ? a : b;
    }

    /** Video {@code v}'s earliest allowed daily date and posting day, packed; {@link #ANY_DAY} when unknown. */
    private static int[] days(InstantColumn posted, int v) {
        // Read from the packed value: Tablesaw's own conversion makes an Instant and its zone rules per video.
        long second = savescope.model.PackedTimes.epochSecond(posted, v);
        if (second == Long.MIN_VALUE) {
            return ANY_DAY;
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L));
        return new int[] {PackedLocalDate.pack(day.minusDays(SLACK_DAYS)), PackedLocalDate.pack(day)};
    }

    /**
     * Marks the rows of a (video, day) that a later export gives as well, and returns the warning for them, or
     * null when no two files share a day. Files are ordered by export time, then by the order they were read.
     */
    private static String overlaps(Table daily, List<Part> parts, Int2ObjectOpenHashMap<String> reasons) {
        int[] partOf = new int[daily.rowCount()];
        for (int p = 0; p < parts.size(); p++) {
            Arrays.fill(partOf, parts.get(p).first(), parts.get(p).first() + parts.get(p).rows(), p);
        }
        DayPairs pairs = DayPairs.of(daily, partOf, reasons);
        if (pairs == null) {
            return null;
        }
        Overlap overlap = new Overlap(daily, parts, partOf, reasons);
        for (int i = 0; i < pairs.n;) {
            int j = i + 1;
            while (j < pairs.n && pairs.pairs[j] == pairs.pairs[i]) {
                j++;
            }
            if (j - i > 1) {
                overlap.keepLatest(pairs.index, i, j);
            }
            i = j;
        }
        return overlap.warning();
    }

    /**
     * The (video, day) pairs of the rows of videos that more than one file gives, sorted, with each pair's row;
     * only such videos can share a day, so the usual split of a series by video sorts nothing.
     */
    private record DayPairs(long[] pairs, long[] index, int n) {
        static DayPairs of(Table daily, int[] partOf, Int2ObjectOpenHashMap<String> reasons) {
            DictionaryMap ids = daily.stringColumn(Canonical.VIDEO_ID).getDictionary();
            DateColumn dates = daily.dateColumn(Canonical.DATE);
            Int2IntOpenHashMap partOfKey = new Int2IntOpenHashMap();
            partOfKey.defaultReturnValue(-1);
            Int2IntOpenHashMap shared = new Int2IntOpenHashMap();
            shared.defaultReturnValue(-1);
            for (int r = 0; r < partOf.length; r++) {
                int key = ids.getKeyForIndex(r);
                int seen = partOfKey.putIfAbsent(key, partOf[r]);
                if (seen >= 0 && seen != partOf[r] && !shared.containsKey(key)) {
                    shared.put(key, shared.size());
                }
            }
            if (shared.isEmpty()) {
                return null;
            }
            int candidates = 0;
            for (int r = 0; r < partOf.length; r++) {
                candidates += shared.containsKey(ids.getKeyForIndex(r)) ? 1 : 0;
            }
            long[] pairs = new long[candidates];
            long[] index = new long[candidates];
            int n = 0;
            for (int r = 0; r < partOf.length; r++) {
                int video = shared.get(ids.getKeyForIndex(r));
                if (video >= 0 && !reasons.containsKey(r)) {
                    pairs[n] = (long) video << 32 | (dates.getIntInternal(r) & 0xffffffffL);
                    index[n++] = r;
                }
            }
            LongArrays.radixSort(pairs, index, 0, n);
            return new DayPairs(pairs, index, n);
        }
    }

    /** The rows left out for a later export's, counted, with the first example of each kind for the warning. */
    private static final class Overlap {
        private final Table daily;
        private final List<Part> parts;
        private final int[] partOf;
        private final Int2ObjectOpenHashMap<String> reasons;
        private final LongColumn[] counts;
        /** One reason text per kept file and agreement: thousands of repeats share a few strings. */
        private final Int2ObjectOpenHashMap<String> reasonTexts = new Int2ObjectOpenHashMap<>();
        private long repeated;
        private long differing;
        private String firstRepeated;
        private String firstDiffering;

        Overlap(Table daily, List<Part> parts, int[] partOf, Int2ObjectOpenHashMap<String> reasons) {
            this.daily = daily;
            this.parts = parts;
            this.partOf = partOf;
            this.reasons = reasons;
            this.counts = Canonical.COUNTS.stream().map(daily::longColumn).toArray(LongColumn[]::new);
        }

        /** Keeps the row of the latest export among {@code index[from..to)}, one (video, day), and marks the rest. */
        void keepLatest(long[] index, int from, int to) {
            int kept = (int) index[from];
            for (int k = from + 1; k < to; k++) {
                if (later(parts, partOf[(int) index[k]], partOf[kept])) {
                    kept = (int) index[k];
                }
            }
            for (int k = from; k < to; k++) {
                int r = (int) index[k];
                if (r != kept) {
                    leaveOut(r, kept);
                }
            }
        }

        private void leaveOut(int r, int kept) {
            boolean same = sameCounts(counts, r, kept);
            reasons.put(r, reasonTexts.computeIfAbsent(partOf[kept] * 2 + (same ? 0 : 1),
                    c -> "the same video and day is given by " + parts.get(c / 2).file() + ", a later export"
                            + (c % 2 == 0 ? "" : " with other counts")
                            + "; its row was kept, so the day is counted once"));
            repeated++;
            differing += same ? 0 : 1;
            if (firstRepeated == null || (!same && firstDiffering == null)) {
                String example = "video " + daily.stringColumn(Canonical.VIDEO_ID).get(r) + " on "
                        + daily.dateColumn(Canonical.DATE).get(r) + " (" + parts.get(partOf[r]).file() + " and "
                        + parts.get(partOf[kept]).file() + ")";
                firstRepeated = firstRepeated == null ? example : firstRepeated;
                firstDiffering = !same && firstDiffering == null ? example : firstDiffering;
            }
        }

        String warning() {
            if (repeated == 0) {
                return null;
            }
            return String.format(Locale.ROOT, "%,d daily %s that another daily file gives as well (first: %s); each "
                    + "such day keeps the row of the later export, so no day is counted twice%s.", repeated,
                    repeated == 1 ? "row gives a video's day" : "rows give a video's day", firstRepeated, differing == 0
                            ? " (the overlapping rows agree)"
                            : String.format(Locale.ROOT, "; %,d of them had other counts than the later export "
                                    + "(first: %s)", differing, firstDiffering));
        }
    }

    /** Whether part {@code a} is a later export than part {@code b}: by export time, else by reading order. */
    private static boolean later(List<Part> parts, int a, int b) {
        Instant ta = parts.get(a).exportTime();
        Instant tb = parts.get(b).exportTime();
        if (ta != null && tb != null && !ta.equals(tb)) {
            return ta.isAfter(tb);
        }
        return a > b;
    }

    private static boolean sameCounts(LongColumn[] counts, int r, int s) {
        for (LongColumn c : counts) {
            if (c.isMissing(r) != c.isMissing(s) || (!c.isMissing(r) && c.getLong(r) != c.getLong(s))) {
                return false;
            }
        }
        return true;
    }

    /** Drops the marked rows and rejects each in its file's report. */
    private static Result apply(Table daily, List<SourceReport> sources, List<Part> parts,
            Int2ObjectOpenHashMap<String> reasons,
            List<String> warnings) {
        int[] dropped = reasons.keySet().toIntArray();
        Arrays.sort(dropped);
        if (dropped.length == 0) {
            return new Result(daily, sources, warnings);
        }
        List<SourceReport> out = new ArrayList<>(sources);
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        for (Part p : parts) {
            int from = Arrays.binarySearch(dropped, p.first());
            from = from < 0 ? -from - 1 : from;
            int to = Arrays.binarySearch(dropped, p.first() + p.rows());
            to = to < 0 ? -to - 1 : to;
            if (to > from) {
                out.set(p.source(), withRejections(sources.get(p.source()), Arrays.copyOfRange(dropped, from,
                        to), r -> new Rejection(p.file(), "video " + ids.get(r) + ", " + dates.get(r), reasons.get(r)),
                        reasons::get));
            }
        }
        Table kept = daily.dropRows(dropped);
        kept.setName(daily.name());
        return new Result(kept, out, warnings);
    }

    /**
     * {@code r} with {@code rows} rejected as well: listed up to the usual limit (only those are made), every one
     * counted by its reason.
     */
    private static SourceReport withRejections(SourceReport r, int[] rows, IntFunction<Rejection> made,
            IntFunction<String> reason) {
        List<Rejection> listed = new ArrayList<>(r.rejections());
        long notListed = r.rejectionsNotListed();
        Map<String, Long> reasons = new HashMap<>(r.rejectionReasons());
        Map<String, long[]> byReason = new HashMap<>();
        for (int row : rows) {
            if (listed.size() < RejectionList.LISTED) {
                Rejection x = made.apply(row);
                listed.add(x);
                reasons.merge(x.reason(), 1L, Long::sum);
            } else {
                notListed++;
                byReason.computeIfAbsent(reason.apply(row), k -> new long[1])[0]++;
            }
        }
        byReason.forEach((text, n) -> reasons.merge(text, n[0], Long::sum));
        return new SourceReport(r.file(), r.format(), r.rowsRead(), r.rowsUsed() - rows.length, listed,
                r.missingMetrics(), r.warnings(), r.kind(), r.fieldGaps(), r.assumptions(), notListed, reasons);
    }
}
