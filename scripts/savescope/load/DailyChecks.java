package savescope.load;

import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;
import savescope.model.Rejection;
import savescope.model.SourceReport;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Checks the daily rows of all daily files together, once the videos are known: a row must belong to one of the
 * videos and lie between the video's posting day and its file's export day, and a video's day given by two files
 * (overlapping downloads) is kept once, from the later export. Every row left out is rejected in its file's report.
 */
final class DailyChecks {
    /**
     * Days a daily date may lie before the posting day or after the export day: a daily export counts days in the
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
            java.util.function.Function<String, Instant> exportTime, Instant runTime) {
        List<Part> parts = parts(daily, sources, exportTime);
        if (parts == null || daily.rowCount() == 0) {
            return new Result(daily, sources, List.of());
        }
        Map<String, int[]> postedDay = postedDays(videos);
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        String[] reasons = new String[daily.rowCount()];
        int runDay = PackedLocalDate.pack(LocalDate.ofInstant(runTime, ZoneOffset.UTC).plusDays(SLACK_DAYS));
        for (Part p : parts) {
            Instant exported = p.exportTime();
            int lastDay = exported == null ? runDay
                    : PackedLocalDate.pack(LocalDate.ofInstant(exported, ZoneOffset.UTC).plusDays(SLACK_DAYS));
            String lastId = null;
            int[] posted = null;
            for (int r = p.first(); r < p.first() + p.rows(); r++) {
                String id = ids.get(r);
                if (!id.equals(lastId)) {
                    lastId = id;
                    posted = postedDay.get(id);
                }
                int day = dates.getIntInternal(r);
                if (posted == null) {
                    reasons[r] = "the video is not in the videos data, so its day cannot be placed; the row was not used";
                } else if (day < posted[0]) {
                    reasons[r] = "the day is before the video was posted (" + PackedLocalDate.toDateString(posted[1])
                            + "); the row was not used";
                } else if (day > lastDay) {
                    reasons[r] = "the day is after " + (exported == null ? "today (" + LocalDate.ofInstant(runTime,
                            ZoneOffset.UTC) + ")" : "the file's export (" + LocalDate.ofInstant(exported, ZoneOffset.UTC)
                            + ")") + "; the row was not used";
                }
            }
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

    /** The daily files' rows in {@code daily}, or null when the reports do not account for every row. */
    private static List<Part> parts(Table daily, List<SourceReport> sources,
            java.util.function.Function<String, Instant> exportTime) {
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
     * Each video's earliest allowed daily date and its posting day, packed; videos absent from the map are not
     * among the videos.
     */
    private static Map<String, int[]> postedDays(Table videos) {
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        Map<String, int[]> out = new HashMap<>(ids.size() * 2);
        for (int v = 0; v < ids.size(); v++) {
            if (posted.isMissing(v)) {
                out.put(ids.get(v), ANY_DAY);
                continue;
            }
            LocalDate day = LocalDate.ofInstant(posted.get(v), ZoneOffset.UTC);
            int[] days = {PackedLocalDate.pack(day.minusDays(SLACK_DAYS)), PackedLocalDate.pack(day)};
            out.merge(ids.get(v), days, (a, b) -> a[0] <= b[0] ? a : b);
        }
        return out;
    }

    /**
     * Marks the rows of a (video, day) that a later export gives as well, and returns the warning for them, or
     * null when no two files share a day. Files are ordered by export time, then by the order they were read.
     */
    private static String overlaps(Table daily, List<Part> parts, String[] reasons) {
        int rows = daily.rowCount();
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        int[] partOf = new int[rows];
        for (int p = 0; p < parts.size(); p++) {
            java.util.Arrays.fill(partOf, parts.get(p).first(), parts.get(p).first() + parts.get(p).rows(), p);
        }
        Object2IntOpenHashMap<String> keyOf = new Object2IntOpenHashMap<>();
        long[] pairs = new long[rows];
        long[] index = new long[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (reasons[r] == null) {
                int key = keyOf.computeIfAbsent(ids.get(r), k -> keyOf.size());
                pairs[n] = (long) key << 32 | (dates.getIntInternal(r) & 0xffffffffL);
                index[n++] = r;
            }
        }
        LongArrays.radixSort(pairs, index, 0, n);
        long shared = 0;
        long differing = 0;
        String firstShared = null;
        String firstDiffering = null;
        for (int i = 0; i < n;) {
            int j = i + 1;
            while (j < n && pairs[j] == pairs[i]) {
                j++;
            }
            if (j - i > 1) {
                int kept = (int) index[i];
                for (int k = i + 1; k < j; k++) {
                    if (later(parts, partOf[(int) index[k]], partOf[kept])) {
                        kept = (int) index[k];
                    }
                }
                for (int k = i; k < j; k++) {
                    int r = (int) index[k];
                    if (r == kept) {
                        continue;
                    }
                    boolean same = sameCounts(daily, r, kept);
                    String keptFile = parts.get(partOf[kept]).file();
                    reasons[r] = "the same video and day is given by " + keptFile + ", a later export" + (same ? ""
                            : " with other counts") + "; its row was kept, so the day is counted once";
                    String what = "video " + ids.get(r) + " on " + dates.get(r);
                    shared++;
                    String example = what + " (" + parts.get(partOf[r]).file() + " and " + keptFile + ")";
                    firstShared = firstShared == null ? example : firstShared;
                    if (!same) {
                        differing++;
                        firstDiffering = firstDiffering == null ? example : firstDiffering;
                    }
                }
            }
            i = j;
        }
        if (shared == 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%,d daily %s that another daily file gives as well (first: %s); "
                + "each such day keeps the row of the later export, so no day is counted twice%s.", shared,
                shared == 1 ? "row gives a video's day" : "rows give a video's day", firstShared, differing == 0
                        ? " (the overlapping rows agree)"
                        : String.format(java.util.Locale.ROOT, "; %,d of them had other counts than the later export "
                                + "(first: %s)", differing, firstDiffering));
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

    private static boolean sameCounts(Table daily, int r, int s) {
        for (String m : Canonical.COUNTS) {
            LongColumn c = daily.longColumn(m);
            if (c.isMissing(r) != c.isMissing(s) || (!c.isMissing(r) && c.getLong(r) != c.getLong(s))) {
                return false;
            }
        }
        return true;
    }

    /** Drops the marked rows and rejects each in its file's report. */
    private static Result apply(Table daily, List<SourceReport> sources, List<Part> parts, String[] reasons,
            List<String> warnings) {
        int[] dropped = java.util.stream.IntStream.range(0, reasons.length).filter(r -> reasons[r] != null).toArray();
        if (dropped.length == 0) {
            return new Result(daily, sources, warnings);
        }
        List<SourceReport> out = new ArrayList<>(sources);
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        for (Part p : parts) {
            List<Rejection> added = new ArrayList<>();
            for (int r = p.first(); r < p.first() + p.rows(); r++) {
                if (reasons[r] != null) {
                    added.add(new Rejection(p.file(), "video " + ids.get(r) + ", " + dates.get(r), reasons[r]));
                }
            }
            if (!added.isEmpty()) {
                out.set(p.source(), withRejections(sources.get(p.source()), added));
            }
        }
        Table kept = daily.dropRows(dropped);
        kept.setName(daily.name());
        return new Result(kept, out, warnings);
    }

    /** {@code r} with {@code added} rejected as well: listed up to the usual limit, every one counted. */
    private static SourceReport withRejections(SourceReport r, List<Rejection> added) {
        List<Rejection> listed = new ArrayList<>(r.rejections());
        long notListed = r.rejectionsNotListed();
        Map<String, Long> reasons = new HashMap<>(r.rejectionReasons());
        for (Rejection x : added) {
            if (listed.size() < RejectionList.LISTED) {
                listed.add(x);
            } else {
                notListed++;
            }
            reasons.merge(x.reason(), 1L, Long::sum);
        }
        return new SourceReport(r.file(), r.format(), r.rowsRead(), r.rowsUsed() - added.size(), listed,
                r.missingMetrics(), r.warnings(), r.kind(), r.fieldGaps(), r.assumptions(), notListed, reasons);
    }
}
