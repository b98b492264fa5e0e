package savescope.load;

import java.time.Instant;

/**
 * The loader's rules for the cells of one per-video row and the words it reports them in, open to an engine
 * that reads a canonical file's rows elsewhere (Spark), so that it reads each cell, and counts and words each
 * value left missing, as the loader does.
 */
public final class CellRules {
    /** A posting-time cell read as a time at or after the earliest posting time. */
    public static final int READ = 0;
    /** A posting-time cell that holds no value (blank, {@code -}, {@code n/a}, ...): missing and not counted. */
    public static final int ABSENT = 1;
    /** A posting-time cell that is no time the loader reads: left missing and counted. */
    public static final int UNREADABLE = 2;
    /** A time before 2010 (a spreadsheet's 1899-12-31 for a time without a day): left missing and counted. */
    public static final int BEFORE_EARLIEST = 3;
    /** A time of day alone, with no day column to give it its day: left missing and counted. */
    public static final int TIME_WITHOUT_DAY = 4;
    /** A numeric date that reads either way ({@code 01/07/2025}): the column's other dates settle which. */
    public static final int EITHER_ORDER = 5;

    /** Id kinds, as {@link VideoIds#kind} tells them. */
    public static final int ID_NONE = VideoIds.NONE, ID_REAL = VideoIds.REAL, ID_SUSPECT = VideoIds.SUSPECT,
            ID_ROUNDED = VideoIds.ROUNDED;

    private CellRules() {}

    /**
     * One posting-time cell read alone.
     *
     * @param kind {@link #READ}, {@link #ABSENT}, {@link #UNREADABLE}, ...
     * @param when the time read, or null
     * @param dayFirst for {@link #EITHER_ORDER}: the day-first reading, null when it is no day or before 2010
     * @param monthFirst for {@link #EITHER_ORDER}: the month-first reading, likewise
     * @param evidence for a numeric date only one order fits: 0 when only day first, 1 when only month first; else -1
     * @param yearless whether the date had no year and took one from the year anchor
     * @param gap why the cell was left missing, in the loader's words; null when it was not
     */
    public record Posted(int kind, Instant when, Instant dayFirst, Instant monthFirst, int evidence, boolean yearless,
            String gap) {
        static final Posted NOTHING = new Posted(CellRules.ABSENT, null, null, null, -1, false, null);

        static Posted read(Instant when, boolean yearless) {
            return new Posted(READ, when, null, null, -1, yearless, null);
        }

        static Posted gap(int kind, String reason, boolean yearless) {
            return new Posted(kind, null, null, null, -1, yearless, reason);
        }

        static Posted either(Instant dayFirst, Instant monthFirst) {
            return new Posted(EITHER_ORDER, null, dayFirst, monthFirst, -1, false, null);
        }

        Posted withEvidence(int e) {
            return new Posted(kind, when, dayFirst, monthFirst, e, yearless, gap);
        }
    }

    /**
     * A posting-time cell of a source with no day column, read as the loader reads it; {@code yearAnchor} is the
     * time a date without a year is placed before (the loader takes a loose file's modification time), or null.
     */
    public static Posted postedAt(String cell, Instant yearAnchor) {
        return PostingTimes.alone(cell, yearAnchor);
    }

    /** The id as the loader keeps it: stripped, with a spreadsheet's grouping or {@code .0} taken off. */
    public static String idCell(String raw) {
        return raw == null ? "" : VideoIds.digitsOf(raw.strip());
    }

    /** {@link #ID_NONE}, {@link #ID_REAL}, {@link #ID_SUSPECT} or {@link #ID_ROUNDED} for an {@link #idCell}. */
    public static int idKind(String cell) {
        return VideoIds.kind(cell);
    }

    /** Whether an id counts among the nineteen-digit ids that the share of suspect ones is taken of. */
    public static boolean nineteenDigits(String cell, int kind) {
        return kind == ID_SUSPECT || (kind == ID_REAL && cell.length() == 19 && VideoIds.allDigits(cell, 19));
    }

    /** Whether a column's suspect ids are too many to be real: then every one of them is taken as rounded. */
    public static boolean roundedColumn(long suspects, long nineteenDigitIds) {
        return VideoIds.roundedColumn(suspects, nineteenDigitIds);
    }

    /** The assumption said of ids that looked rounded but were taken as real. */
    public static String keptLookingRoundedNote(long n) {
        return VideoFrameBuilder.keptLookingRoundedNote(n);
    }

    /** The warning of a source whose ids a spreadsheet rounded (the first one and its place). */
    public static String roundedIdsWarning(long rounded, String firstRaw, String firstPlace, long recovered) {
        return VideoFrameBuilder.roundedIdsWarning(rounded, firstRaw, firstPlace, recovered);
    }

    /** The warning of posting times before 2010; {@code firstCell} and {@code firstPlace} name the first. */
    public static String beforeEarliestWarning(long n, String firstCell, String firstPlace) {
        return PostingTimes.beforeEarliestWarning(n, "\"" + firstCell.strip() + "\" at " + firstPlace);
    }

    /** The same for dates that read either way and fell before 2010 once their column's order was settled. */
    public static String beforeEarliestWarningAt(long n, String firstPlace) {
        return PostingTimes.beforeEarliestWarning(n, "a date at " + firstPlace);
    }

    /** The warning of posting times that are only a time of day, with no day column beside them. */
    public static String timeWithoutDayWarning(long n, String firstCell, String firstPlace) {
        return PostingTimes.timeWithoutDayWarning(n, "\"" + firstCell.strip() + "\" at " + firstPlace);
    }

    /** The warning of rows that repeated a video already seen (the later row's counts were kept). */
    public static String repeatedVideosWarning(long n) {
        return Loader.repeatedVideosWarning(n);
    }

    /** The warning of dates that had no year and took it from the file's modification time. */
    public static String yearlessWarning(long n) {
        return TableRouter.yearlessWarning(n, true);
    }

    /**
     * How the loader settles the order of a canonical CSV's numeric dates that read either way: 0 day first,
     * 1 month first, -1 when the column's other dates take both orders (then they are left missing); and says
     * what it assumed or warns, through {@code assumptions} and {@code warnings}.
     */
    public static int settleOrder(String header, long dayFirstOnly, long monthFirstOnly, String dayFirstExample,
            String monthFirstExample, long waiting, String ambiguousExample, java.util.List<String> assumptions,
            java.util.List<String> warnings) {
        PostingTimes.Convention convention = PostingTimes.Convention.OTHER;
        if (dayFirstOnly > 0 && monthFirstOnly > 0) {
            warnings.add(PostingTimes.bothOrdersWarning(header, dayFirstExample, monthFirstExample, waiting,
                    ambiguousExample));
            return -1;
        }
        PostingTimes.Order o = dayFirstOnly > 0 ? PostingTimes.Order.DAY_FIRST : monthFirstOnly > 0
                ? PostingTimes.Order.MONTH_FIRST : convention.order();
        if (waiting > 0) {
            String shownBy = dayFirstOnly > 0 ? dayFirstExample : monthFirstOnly > 0 ? monthFirstExample : null;
            assumptions.add(PostingTimes.orderAssumption(header, o, shownBy, ambiguousExample, convention));
        }
        return o == PostingTimes.Order.DAY_FIRST ? 0 : 1;
    }

    /** Why a date that read either way was left missing once its column was settled. */
    public static String settledGap(boolean bothOrders) {
        return bothOrders ? "found a date that reads either way, in a column whose dates take both orders"
                : "found a date before 2010, which is no posting time";
    }
}
