package savescope.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of whole days (UTC, both ends included), as {@code --period} and {@code --vs} name them, with how it was
 * asked for in words.
 *
 * @param from the first day
 * @param to the last day
 * @param label e.g. "the last 28 days", "November 2026", "the 28 days before"
 * @param month true for a calendar month (so its previous period is the month before)
 */
public record Period(LocalDate from, LocalDate to, String label, boolean month) {
    private static final Pattern LAST = Pattern.compile("last-(\\d+)d");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    public static final String PERIODS = "last-7d, last-28d, last-90d (any last-Nd), this-month, YYYY-MM or "
            + "YYYY-MM-DD..YYYY-MM-DD";
    /** The most days a last-Nd period may span: a century, longer than any account has posted. */
    public static final int MAX_DAYS = 36_600;
    /** The years a period named by its dates may fall in: before 2000 or after 2100 is a typing slip. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    public static final String COMPARISONS = "previous, year-ago or YYYY-MM-DD..YYYY-MM-DD";

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * The period {@code spec} names, the days counted back from {@code anchor} (the last day the data covers).
     *
     * @throws IllegalArgumentException saying what was found and what is expected
     */
    public static Period parse(String spec, LocalDate anchor) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        Matcher last = LAST.matcher(s);
        if (last.matches()) {
            String digits = last.group(1).replaceFirst("^0+(?=.)", "");
            if (digits.length() > 6 || Integer.parseInt(digits) > MAX_DAYS) {
                throw new IllegalArgumentException("the number of days is too large (at most " + MAX_DAYS + "), found \""
                        + spec + "\"");
            }
            int days = Integer.parseInt(digits);
            if (days < 1) {
                throw new IllegalArgumentException("expected at least one day, found \"" + spec + "\"");
            }
            return new Period(anchor.minusDays(days - 1L), anchor, "the last " + days + (days == 1 ? " day" : " days"),
                    false);
        }
        if (s.equals("this-month")) {
            return new Period(anchor.withDayOfMonth(1), anchor, "this month", false);
        }
        if (MONTH.matcher(s).matches()) {
            YearMonth m = yearMonth(s, spec);
            inEra(m.atDay(1), spec);
            return new Period(m.atDay(1), m.atEndOfMonth(), m.format(DateTimeFormatter.ofPattern("MMMM yyyy",
                    Locale.ENGLISH)), true);
        }
        Period range = range(s, spec);
        if (range != null) {
            return range;
        }
        throw new IllegalArgumentException("expected " + PERIODS + ", found \"" + spec + "\"");
    }

    /**
     * The period to compare this one with: {@code previous} (the same number of days just before, or the month
     * before a calendar month), {@code year-ago} (the same days a year earlier), or explicit dates.
     */
    public Period comparison(String vs) {
        String s = vs == null ? "previous" : vs.strip().toLowerCase(Locale.ROOT);
        if (s.equals("previous")) {
            if (month) {
                YearMonth m = YearMonth.from(from).minusMonths(1);
                return new Period(m.atDay(1), m.atEndOfMonth(), m.format(DateTimeFormatter.ofPattern("MMMM yyyy",
                        Locale.ENGLISH)), true);
            }
            long days = days();
            return new Period(from.minusDays(days), from.minusDays(1), "the " + days + (days == 1 ? " day" : " days")
                    + " before", false);
        }
        if (s.equals("year-ago")) {
            return new Period(from.minusYears(1), to.minusYears(1), "the same days a year earlier", month);
        }
        Period range = range(s, vs);
        if (range != null) {
            return range;
        }
        throw new IllegalArgumentException("expected " + COMPARISONS + ", found \"" + vs + "\"");
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant t) {
        return t != null && !t.isBefore(start()) && t.isBefore(end());
    }

    /** The dates in words: "24 Oct – 20 Nov 2026". */
    public String dates() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        return (from.getYear() == to.getYear() ? day.format(from) : full.format(from)) + " – " + full.format(to);
    }

    private static Period range(String s, String spec) {
        Matcher r = RANGE.matcher(s);
        if (!r.matches()) {
            return null;
        }
        LocalDate from = inEra(date(r.group(1), spec), spec);
        LocalDate to = inEra(date(r.group(2), spec), spec);
        Period p = new Period(from, to, "", false);
        return new Period(from, to, p.dates(), false);
    }

    private static LocalDate inEra(LocalDate d, String spec) {
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("the year " + d.getYear() + " in \"" + spec + "\" is out of range; "
                    + "expected a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return d;
    }

    private static LocalDate date(String s, String spec) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + s + "\" in \"" + spec + "\" is no date; expected YYYY-MM-DD");
        }
    }

    private static YearMonth yearMonth(String s, String spec) {
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + spec + "\" is no month; expected YYYY-MM, e.g. 2026-11");
        }
    }
}
