package savescope.load;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import savescope.model.FieldGap;

/**
 * Decides each row's posting time for one source. Numeric dates that read either way ({@code 01/07/2025}) wait
 * until the source ends, when the column's other dates (a part above 12) or the export's convention settle day
 * or month first; a time of day takes its day from the row's date column; anything before 2010 is left missing.
 */
final class PostingTimes {
    /** TikTok (2016) and Instagram Reels (2020) came later: an older "posting time" is an artefact (1899-12-31). */
    static final long EARLIEST_EPOCH_SECOND = 1_262_304_000L;

    /** Which part of {@code 01/07/2025} is the day. */
    enum Order {
        DAY_FIRST("day first (dd/MM)"), MONTH_FIRST("month first (MM/dd)");

        final String words;

        Order(String words) {
            this.words = words;
        }
    }

    /** The order assumed when nothing in a column settles it, and why that one. */
    record Convention(Order order, String why) {
        static final Convention META = new Convention(Order.MONTH_FIRST, "as Meta Business Suite exports write them");
        static final Convention HAND_KEPT = new Convention(Order.DAY_FIRST,
                "as hand-kept TikTok Studio sheets write them (DD/MM/YY)");
        static final Convention OTHER = new Convention(Order.DAY_FIRST, "the order most countries write and this "
                + "format has no known convention; rewrite the column as yyyy-MM-dd if that is wrong");
    }

    /** The convention of the export these headers belong to. */
    static Convention convention(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        if (h.contains("publish time")) {
            return Convention.META;
        }
        if (h.contains("total saves") || h.contains("post day")) {
            return Convention.HAND_KEPT;
        }
        return Convention.OTHER;
    }

    /** Headers of a date that can give a time-only posting time its day (Meta writes {@code Date}). */
    private static final List<String> DAY_HEADERS = List.of("date", "post date", "publish date", "posted date",
            "upload date", "posting date");

    /** The index of the column that can give the posting time its day, or -1 (also when there is no posting time). */
    static int dayColumn(List<String> header, int postedColumn) {
        for (int i = 0; postedColumn >= 0 && i < header.size(); i++) {
            if (i != postedColumn && DAY_HEADERS.contains(Fields.normalize(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static final int POSTED_COLUMN = 0;
    private static final int DAY_COLUMN = 1;
    /** Per pending cell: row, first part, second part, year, second of day, column. */
    private static final int STRIDE = 6;

    private final VideoFrameBuilder owner;
    private final NumericDate date = new NumericDate();
    private Convention convention = Convention.OTHER;
    private Instant yearAnchor;
    private int[] pending = new int[0];
    private int pendingCount;
    private final List<String> pendingPlaces = new java.util.ArrayList<>();
    /** Per column: how many dates could only be day first, and only month first, with the first of each. */
    private final long[][] evidence = new long[2][2];
    private final String[][] evidenceExample = new String[2][2];
    private final String[] ambiguousExample = new String[2];
    private long yearless;
    private long beforeEarliest;
    private String beforeEarliestExample;
    private long timeWithoutDay;
    private String timeWithoutDayExample;
    private long timeWithDay;
    private final java.util.List<String> warnings = new java.util.ArrayList<>();
    private boolean finished;

    PostingTimes(VideoFrameBuilder owner) {
        this.owner = owner;
    }

    void convention(Convention c) {
        this.convention = c;
    }

    Instant yearAnchor() {
        return yearAnchor;
    }

    void yearAnchor(Instant anchor) {
        this.yearAnchor = anchor;
    }

    /**
     * The posting time of used row {@code row}, or null when it is missing, left missing (counted), or waits for
     * the end of the source ({@link #finish} then sets it).
     */
    Instant read(String cell, String dayCell, int row, IntFunction<String> place) {
        Instant fast = Values.isoFast(cell);
        if (fast != null && fast.getEpochSecond() >= EARLIEST_EPOCH_SECOND) {
            return fast;
        }
        if (fast == null && Values.isMissing(cell)) {
            return null;
        }
        Instant when;
        if (fast != null) {
            when = fast;
        } else if (date.parse(cell, false)) {
            return numeric(POSTED_COLUMN, row, place, cell);
        } else if (date.parseTimeOnly(cell)) {
            return timeOfDay(cell, dayCell, row, place);
        } else {
            try {
                when = Values.instant(cell);
            } catch (BadValueException e) {
                when = yearlessDate(cell);
                if (when == null) {
                    owner.leaveMissing(VideoFrameBuilder.POSTED, where(place), e.getMessage());
                    return null;
                }
            }
        }
        return checked(when, cell, place);
    }

    /**
     * How {@link #read} reads {@code cell} in a source without a day column, told without this object's state, so
     * an engine that reads the rows elsewhere reads each cell alike and settles the column's date order itself.
     */
    static CellRules.Posted alone(String cell, Instant yearAnchor) {
        Instant fast = Values.isoFast(cell);
        if (fast != null && fast.getEpochSecond() >= EARLIEST_EPOCH_SECOND) {
            return CellRules.Posted.read(fast, false);
        }
        if (fast == null && Values.isMissing(cell)) {
            return CellRules.Posted.NOTHING;
        }
        if (fast != null) {
            return aloneChecked(fast, cell, false);
        }
        NumericDate d = new NumericDate();
        if (d.parse(cell, false)) {
            return aloneNumeric(d, cell);
        }
        if (d.parseTimeOnly(cell)) {
            return CellRules.Posted.gap(CellRules.TIME_WITHOUT_DAY, timeWithoutDayReason(cell), false);
        }
        try {
            return aloneChecked(Values.instant(cell), cell, false);
        } catch (BadValueException e) {
            StudioDates.Parsed p = yearAnchor == null ? null : StudioDates.parse(cell);
            if (p == null) {
                return CellRules.Posted.gap(CellRules.UNREADABLE, e.getMessage(), false);
            }
            return aloneChecked(StudioDates.latestNotAfter(p, yearAnchor).atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC), cell, p.year() == 0);
        }
    }

    private static CellRules.Posted aloneChecked(Instant when, String cell, boolean yearless) {
        return when.getEpochSecond() >= EARLIEST_EPOCH_SECOND ? CellRules.Posted.read(when, yearless)
                : CellRules.Posted.gap(CellRules.BEFORE_EARLIEST, beforeEarliestReason(cell), yearless);
    }

    /** {@link #numeric} for one cell alone: a date that reads either way carries both readings. */
    private static CellRules.Posted aloneNumeric(NumericDate d, String cell) {
        int a = d.first;
        int b = d.second;
        if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) {
            return CellRules.Posted.gap(CellRules.UNREADABLE, notADateReason(cell), false);
        }
        if (a == b || a > 12 || b > 12) {
            int evidence = a == b ? -1 : a > 12 ? 0 : 1;
            Instant when = d.instant(a > 12 ? Order.DAY_FIRST : Order.MONTH_FIRST);
            CellRules.Posted p = when == null ? CellRules.Posted.gap(CellRules.UNREADABLE, noCalendarDayReason(cell),
                    false) : aloneChecked(when, cell, false);
            return p.withEvidence(evidence);
        }
        return CellRules.Posted.either(settledAlone(d.instant(Order.DAY_FIRST)), settledAlone(d.instant(Order.MONTH_FIRST)));
    }

    /** A reading of a date that read either way, as {@link #finish} keeps it: null when no day or before 2010. */
    private static Instant settledAlone(Instant when) {
        return when == null || when.getEpochSecond() < EARLIEST_EPOCH_SECOND ? null : when;
    }

    private static String notADateReason(String cell) {
        return "expected a date such as 01/07/2025, found \"" + cell.strip() + "\"";
    }

    private static String noCalendarDayReason(String cell) {
        return "expected a date, found \"" + cell.strip() + "\", which is no day of the calendar";
    }

    static String timeWithoutDayReason(String cell) {
        return "found only a time of day \"" + cell.strip() + "\" and no date for it";
    }

    static String beforeEarliestReason(String cell) {
        return "found \"" + cell.strip() + "\", before 2010, which is no posting time";
    }

    /** A numeric date just parsed into {@link #date}: read now when only one order fits, else kept for later. */
    private Instant numeric(int column, int row, IntFunction<String> place, String cell) {
        int a = date.first;
        int b = date.second;
        if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) {
            return unreadable(place, cell, notADateReason(cell));
        }
        if (a == b || a > 12 || b > 12) {
            if (a != b) {
                int k = a > 12 ? 0 : 1;
                if (evidence[column][k]++ == 0) {
                    evidenceExample[column][k] = cell.strip();
                }
            }
            Instant when = date.instant(a > 12 ? Order.DAY_FIRST : Order.MONTH_FIRST);
            return when == null ? unreadable(place, cell, noCalendarDayReason(cell)) : checked(when, cell, place);
        }
        if (ambiguousExample[column] == null) {
            ambiguousExample[column] = cell.strip();
        }
        keep(row, column, place);
        return null;
    }

    /** A time of day alone ({@code 06:30}): the day comes from the row's date column, if it has a date. */
    private Instant timeOfDay(String cell, String dayCell, int row, IntFunction<String> place) {
        int secondOfDay = date.secondOfDay;
        if (dayCell != null && date.parse(dayCell, true)) {
            date.secondOfDay = secondOfDay;
            timeWithDay++;
            return numeric(DAY_COLUMN, row, place, dayCell);
        }
        Instant dayStart = dayCell == null ? null : Values.isoFast(dayCell);
        LocalDate day = dayStart != null ? LocalDate.ofEpochDay(Math.floorDiv(dayStart.getEpochSecond(), 86_400))
                : Values.isoDateFast(dayCell == null ? null : dayCell.strip());
        if (day == null) {
            if (timeWithoutDay++ == 0) {
                timeWithoutDayExample = "\"" + cell.strip() + "\" at " + where(place)
                        + (dayCell == null ? "" : ", beside \"" + dayCell.strip() + "\"");
            }
            owner.leaveMissing(VideoFrameBuilder.POSTED, where(place), timeWithoutDayReason(cell));
            return null;
        }
        timeWithDay++;
        return checked(Instant.ofEpochSecond(day.toEpochDay() * 86_400 + secondOfDay), cell, place);
    }

    private Instant checked(Instant when, String cell, IntFunction<String> place) {
        if (when.getEpochSecond() >= EARLIEST_EPOCH_SECOND) {
            return when;
        }
        if (beforeEarliest++ == 0) {
            beforeEarliestExample = "\"" + cell.strip() + "\" at " + where(place);
        }
        owner.leaveMissing(VideoFrameBuilder.POSTED, where(place), beforeEarliestReason(cell));
        return null;
    }

    /** The place of the posting-time cell, built only for a cell that needs it in a message. */
    private static String where(IntFunction<String> place) {
        return place.apply(VideoFrameBuilder.POSTED);
    }

    private Instant unreadable(IntFunction<String> place, String cell, String reason) {
        owner.leaveMissing(VideoFrameBuilder.POSTED, where(place), reason);
        return null;
    }

    private void keep(int row, int column, IntFunction<String> place) {
        if (pending.length < (pendingCount + 1) * STRIDE) {
            pending = Arrays.copyOf(pending, Math.max(64, pending.length * 2));
        }
        int at = pendingCount++ * STRIDE;
        pending[at] = row;
        pending[at + 1] = date.first;
        pending[at + 2] = date.second;
        pending[at + 3] = date.year;
        pending[at + 4] = date.secondOfDay;
        pending[at + 5] = column;
        if (pendingPlaces.size() < FieldGap.MAX_PLACES) {
            pendingPlaces.add(where(place));
        }
    }

    /** A Studio date with no year ({@code "September 25"}), placed in the year before the export time. */
    private Instant yearlessDate(String raw) {
        StudioDates.Parsed p = yearAnchor == null ? null : StudioDates.parse(raw);
        if (p == null) {
            return null;
        }
        if (p.year() == 0) {
            yearless++;
        }
        return StudioDates.latestNotAfter(p, yearAnchor).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    long yearless() {
        return yearless;
    }

    /**
     * Settles the dates that read either way, column by column, and sets them in {@code posted}; says what was
     * assumed. Called once the source has no more rows.
     */
    void finish(tech.tablesaw.api.InstantColumn posted, String postedHeader, String dayHeader) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeWithDay > 0) {
            owner.assume("\"" + postedHeader + "\" holds only times of day; the day was taken from \"" + dayHeader + "\"");
        }
        Order[] order = {decide(POSTED_COLUMN, postedHeader), decide(DAY_COLUMN, dayHeader)};
        for (int i = 0; i < pendingCount; i++) {
            int at = i * STRIDE;
            String place = i < pendingPlaces.size() ? pendingPlaces.get(i) : null;
            Order o = order[pending[at + 5]];
            if (o == null) {
                leaveMissing(place, CellRules.settledGap(true));
                continue;
            }
            date.first = pending[at + 1];
            date.second = pending[at + 2];
            date.year = pending[at + 3];
            date.secondOfDay = pending[at + 4];
            Instant when = date.instant(o);
            if (when == null || when.getEpochSecond() < EARLIEST_EPOCH_SECOND) {
                if (beforeEarliest++ == 0) {
                    beforeEarliestExample = "a date at " + place;
                }
                leaveMissing(place, CellRules.settledGap(false));
                continue;
            }
            posted.set(pending[at], when);
        }
        pending = new int[0];
        pendingCount = 0;
    }

    /** Places past the first few are not kept; the gap still counts them. */
    private void leaveMissing(String place, String reason) {
        owner.leaveMissing(VideoFrameBuilder.POSTED, place == null ? "" : place, reason);
    }

    /** The order of one column's dates, or null when they take both; records what was decided and why. */
    private Order decide(int column, String header) {
        long dayFirst = evidence[column][0];
        long monthFirst = evidence[column][1];
        long waiting = 0;
        for (int i = 0; i < pendingCount; i++) {
            waiting += pending[i * STRIDE + 5] == column ? 1 : 0;
        }
        if (dayFirst > 0 && monthFirst > 0) {
            warnings.add(bothOrdersWarning(header, evidenceExample[column][0], evidenceExample[column][1], waiting,
                    ambiguousExample[column]));
            return null;
        }
        if (dayFirst > 0 || monthFirst > 0) {
            Order o = dayFirst > 0 ? Order.DAY_FIRST : Order.MONTH_FIRST;
            if (waiting > 0) {
                owner.assume(orderAssumption(header, o, evidenceExample[column][dayFirst > 0 ? 0 : 1], null, convention));
            }
            return o;
        }
        if (waiting > 0) {
            owner.assume(orderAssumption(header, convention.order(), null, ambiguousExample[column], convention));
        }
        return convention.order();
    }

    /** What went wrong with this source's posting times, once {@link #finish} has run. */
    List<String> warnings() {
        List<String> out = new java.util.ArrayList<>(warnings);
        if (beforeEarliest > 0) {
            out.add(beforeEarliestWarning(beforeEarliest, beforeEarliestExample));
        }
        if (timeWithoutDay > 0) {
            out.add(timeWithoutDayWarning(timeWithoutDay, timeWithoutDayExample));
        }
        return out;
    }

    static String beforeEarliestWarning(long n, String example) {
        return count(n, "posting time falls", "posting times fall") + " before 2010 (the first: " + example
                + "), which no TikTok or Reels post does; a spreadsheet shows a time without a day as 31 Dec 1899. "
                + (n == 1 ? "It was" : "They were") + " left missing.";
    }

    static String timeWithoutDayWarning(long n, String example) {
        return count(n, "posting time is", "posting times are") + " only a time of day with no date for it (the first: "
                + example + "); " + (n == 1 ? "it was" : "they were") + " left missing.";
    }

    /** What {@link #decide} assumes of a column whose dates that read either way took order {@code o}. */
    static String orderAssumption(String header, Order o, String shownBy, String ambiguousExample, Convention convention) {
        return shownBy != null ? "\"" + header + "\": dates read " + o.words + ", as " + shownBy + " shows"
                : "\"" + header + "\": its dates all read either way (like " + ambiguousExample + "); read "
                        + convention.order().words + ", " + convention.why();
    }

    /** The warning of a column whose dates take both orders; {@code waiting} read either way and were left missing. */
    static String bothOrdersWarning(String header, String dayFirstExample, String monthFirstExample, long waiting,
            String ambiguousExample) {
        return "column \"" + header + "\" has dates that can only be day first (" + dayFirstExample
                + ") and others that can only be month first (" + monthFirstExample + "), so its order is "
                + "inconsistent; " + (waiting == 0 ? "each was read the only way it can be"
                        : "the " + waiting + " that read either way (like " + ambiguousExample
                                + ") were left missing") + ".";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * A numeric date {@code a/b/year} (separators {@code /}, {@code .} or {@code -}; a two- or four-digit year)
     * with an optional time ({@code 6:30}, {@code 06:30:15}, {@code 6:30 PM}), read by hand into fields reused
     * from cell to cell.
     */
    static final class NumericDate {
        int first;
        int second;
        int year;
        int secondOfDay;
        private int at;

        /** Reads {@code s} as a numeric date; {@code midnightOnly} accepts only a time of 00:00 (a date cell). */
        boolean parse(String s, boolean midnightOnly) {
            if (s == null) {
                return false;
            }
            String t = s.strip();
            at = 0;
            first = number(t, 1, 2);
            if (first < 0 || at >= t.length()) {
                return false;
            }
            char sep = t.charAt(at);
            if (sep != '/' && sep != '.' && sep != '-') {
                return false;
            }
            at++;
            second = number(t, 1, 2);
            if (second < 0 || at >= t.length() || t.charAt(at) != sep) {
                return false;
            }
            at++;
            int start = at;
            year = number(t, 2, 4);
            if (year < 0 || at - start == 3) {
                return false;
            }
            year = at - start == 2 ? 2000 + year : year;
            secondOfDay = 0;
            if (at == t.length()) {
                return true;
            }
            if (t.charAt(at) == ',') {
                at++;
            }
            if (at >= t.length() || (t.charAt(at) != ' ' && t.charAt(at) != 'T')) {
                return false;
            }
            while (at < t.length() && (t.charAt(at) == ' ' || t.charAt(at) == 'T')) {
                at++;
            }
            return time(t) && (!midnightOnly || secondOfDay == 0);
        }

        /** Reads {@code s} as a time of day alone ({@code 06:30}, {@code 6:30:00 PM}). */
        boolean parseTimeOnly(String s) {
            if (s == null) {
                return false;
            }
            String t = s.strip();
            at = 0;
            return time(t);
        }

        /** {@code H:mm[:ss[.fff]][ AM|PM]} from {@link #at} to the end. */
        private boolean time(String t) {
            int hour = number(t, 1, 2);
            if (hour < 0 || at >= t.length() || t.charAt(at) != ':') {
                return false;
            }
            at++;
            int start = at;
            int minute = number(t, 2, 2);
            if (minute < 0 || at - start != 2 || minute > 59) {
                return false;
            }
            int sec = 0;
            if (at < t.length() && t.charAt(at) == ':') {
                at++;
                start = at;
                sec = number(t, 2, 2);
                if (sec < 0 || at - start != 2 || sec > 59) {
                    return false;
                }
                if (at < t.length() && t.charAt(at) == '.') {
                    at++;
                    if (number(t, 1, 9) < 0) {
                        return false;
                    }
                }
            }
            while (at < t.length() && t.charAt(at) == ' ') {
                at++;
            }
            if (at < t.length()) {
                String rest = t.substring(at).replace(".", "").toUpperCase(java.util.Locale.ROOT);
                if ((!rest.equals("AM") && !rest.equals("PM")) || hour < 1 || hour > 12) {
                    return false;
                }
                hour = hour % 12 + (rest.equals("PM") ? 12 : 0);
            }
            if (hour > 23) {
                return false;
            }
            secondOfDay = hour * 3600 + minute * 60 + sec;
            return true;
        }

        /** Digits from {@link #at}, at least {@code min} and at most {@code max}; -1 when there are too few. */
        private int number(String t, int min, int max) {
            int v = 0;
            int n = 0;
            while (at < t.length() && n < max && t.charAt(at) >= '0' && t.charAt(at) <= '9') {
                v = v * 10 + (t.charAt(at++) - '0');
                n++;
            }
            return n < min || (at < t.length() && Character.isDigit(t.charAt(at))) ? -1 : v;
        }

        /** The instant in this order (local times read as UTC, like the other local forms), or null. */
        Instant instant(Order order) {
            int day = order == Order.DAY_FIRST ? first : second;
            int month = order == Order.DAY_FIRST ? second : first;
            try {
                return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400 + secondOfDay);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
