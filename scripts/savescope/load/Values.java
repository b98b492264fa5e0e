package savescope.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads numbers and times the way people and exports actually write them: {@code 1,234}, {@code 1.234}
 * (de/pt), {@code 1 234}, {@code 1.2K}, {@code 3.4M}, {@code 343296.0}, {@code 3.}; blank, {@code -},
 * {@code undefined}, {@code NaN} and {@code #N/A} are missing values, never zero.
 */
public final class Values {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED_COMMA = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern GROUPED_DOT = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern GROUPED_SPACE = Pattern.compile("\\d{1,3}( \\d{3})+");
    /** Swiss and Liechtenstein grouping with an apostrophe (straight or typographic): {@code 71'500}. */
    private static final Pattern GROUPED_APOSTROPHE = Pattern.compile("\\d{1,3}(['\u2019]\\d{3})+(\\.\\d+)?");
    /** Grouped with dots and a decimal comma, as German and many other spreadsheets write: {@code 71.500,00}. */
    private static final Pattern GROUPED_DOT_DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+");
    /** Grouped with commas and a decimal point: {@code 71,500.00}. */
    private static final Pattern GROUPED_COMMA_DECIMAL = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+([.,]\\d*)?|[.,]\\d+");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");
    /** How Python, JavaScript and spreadsheets write infinity: an overflow, never a count. */
    private static final Pattern INFINITE = Pattern.compile("[+\\-−]?(?i:infinity|inf|∞)");
    private static final Pattern SUFFIXED = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([kKmMbB])");
    /**
     * "No value" as exports write it: dashes, {@code n/a}, Studio's {@code undefined}, what pandas and Python write
     * for a missing number ({@code NaN}, {@code None}), JSON's {@code null} and Excel's "not available" {@code #N/A}.
     */
    private static final Set<String> MISSING = Set.of("", "-", "–", "—", "undefined", "null", "n/a", "na", "nan", "none",
            "#n/a");
    /** Excel's error values other than {@code #N/A}: a formula in the sheet failed, so the value is not known. */
    private static final Set<String> SHEET_ERRORS = Set.of("#value!", "#div/0!", "#ref!", "#name?", "#num!", "#null!",
            "#spill!", "#calc!", "#getting_data", "#error");

    private Values() {}

    /** True for the spellings of "no value" exports use. */
    public static boolean isMissing(String raw) {
        return raw == null || raw.isEmpty() || MISSING.contains(clean(raw).toLowerCase(Locale.ROOT));
    }

    /**
     * A non-negative whole count, or empty when the cell holds no value.
     *
     * @throws BadValueException naming what was found and that a count was expected
     */
    public static OptionalLong count(String raw) throws BadValueException {
        long plain = plainDigits(raw);
        if (plain >= 0) {
            return OptionalLong.of(plain);
        }
        if (isMissing(raw)) {
            return OptionalLong.empty();
        }
        String s = clean(raw);
        if (DIGITS.matcher(s).matches() && s.length() < 19) {
            return OptionalLong.of(Long.parseLong(s));
        }
        if (INFINITE.matcher(s).matches()) {
            throw new BadValueException("expected a count, found an infinite number \"" + s + "\"");
        }
        if (s.startsWith("-") || s.startsWith("−")) {
            throw new BadValueException("expected a count of zero or more, found a negative number \"" + raw.trim() + "\"");
        }
        if (s.endsWith("%")) {
            throw new BadValueException("expected a count, found a percentage \"" + raw.trim() + "\"");
        }
        if (SHEET_ERRORS.contains(s.toLowerCase(Locale.ROOT))) {
            throw new BadValueException("expected a count, found the spreadsheet error \"" + s
                    + "\" (a formula in the sheet failed)");
        }
        double value = number(s, raw);
        if (value != Math.rint(value) && !SUFFIXED.matcher(s).matches()) {
            throw new BadValueException("expected a whole count, found \"" + raw.trim() + "\"");
        }
        if (value > 9.0e15) {
            throw new BadValueException("expected a count, found an implausibly large number \"" + raw.trim() + "\"");
        }
        return OptionalLong.of(Math.round(value));
    }

    /** A non-negative decimal such as a duration in seconds, or empty when missing. */
    public static OptionalDouble decimal(String raw) throws BadValueException {
        long plain = plainDigits(raw);
        if (plain >= 0) {
            return OptionalDouble.of(plain);
        }
        if (isPlainDecimal(raw)) {
            return OptionalDouble.of(Double.parseDouble(raw));
        }
        if (isMissing(raw)) {
            return OptionalDouble.empty();
        }
        String s = clean(raw);
        if (s.startsWith("-") || s.startsWith("−")) {
            throw new BadValueException("expected zero or more, found a negative number \"" + raw.trim() + "\"");
        }
        if (s.endsWith("%")) {
            return OptionalDouble.of(number(s.substring(0, s.length() - 1).trim(), raw) / 100.0);
        }
        return OptionalDouble.of(number(s, raw));
    }

    /**
     * A duration in seconds, written as people and exports write it: plain seconds ({@code 59}, {@code 59.0},
     * {@code 59,5}), a clock ({@code 00:59}, {@code 1:05.5}, {@code 1:02:03}), units ({@code 59s}, {@code 1m 5s},
     * {@code 1h 2m}) or ISO-8601 ({@code PT1M5S}); empty when the cell holds no value.
     *
     * @param millis whether a plain number is in milliseconds (a source-level fact: the app API's
     *     {@code video.duration}); clocks, units and ISO-8601 say their own unit
     * @throws BadValueException naming what was found and the forms expected
     */
    public static OptionalDouble duration(String raw, boolean millis) throws BadValueException {
        long plain = plainDigits(raw);
        if (plain >= 0) {
            return OptionalDouble.of(millis ? plain / 1000.0 : plain);
        }
        if (isPlainDecimal(raw)) {
            double d = Double.parseDouble(raw);
            return OptionalDouble.of(millis ? d / 1000.0 : d);
        }
        if (isMissing(raw)) {
            return OptionalDouble.empty();
        }
        String s = clean(raw);
        if (s.startsWith("-") || s.startsWith("−")) {
            throw new BadValueException("expected a duration of zero or more, found a negative value \"" + raw.trim() + "\"");
        }
        double seconds;
        if (s.indexOf(':') >= 0) {
            seconds = clockSeconds(s);
        } else if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
            seconds = isoSeconds(s);
        } else if (DURATION_UNITS.matcher(s).matches()) {
            seconds = unitSeconds(s);
        } else if (DECIMAL.matcher(s).matches() || GROUPED_COMMA.matcher(s).matches() || GROUPED_DOT.matcher(s).matches()
                || GROUPED_SPACE.matcher(s).matches()) {
            seconds = millis ? number(s, raw) / 1000.0 : number(s, raw);
        } else {
            seconds = -1;
        }
        if (seconds < 0 || Double.isNaN(seconds)) {
            throw new BadValueException("expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \""
                    + raw.trim() + "\"");
        }
        return OptionalDouble.of(seconds);
    }

    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?(?:[.,](\\d{1,9}))?");
    private static final Pattern DURATION_UNITS = Pattern.compile(
            "(?:\\d+(?:[.,]\\d+)?\\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|ms)\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION_PART = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(h|hrs?|hours?|ms|m|mins?|minutes?|s|secs?|seconds?)", Pattern.CASE_INSENSITIVE);

    /** {@code m:ss}, {@code h:mm:ss}, each with optional fractional seconds; -1 when out of range. */
    private static double clockSeconds(String s) {
        var m = CLOCK.matcher(s);
        if (!m.matches()) {
            return -1;
        }
        long first = Long.parseLong(m.group(1));
        int second = Integer.parseInt(m.group(2));
        double whole;
        if (m.group(3) == null) {
            // m:ss: minutes may run past 59 (75:00 is an hour and a quarter), seconds may not.
            whole = second > 59 ? -1 : first * 60.0 + second;
        } else {
            int third = Integer.parseInt(m.group(3));
            whole = second > 59 || third > 59 ? -1 : first * 3600.0 + second * 60.0 + third;
        }
        if (whole < 0) {
            return -1;
        }
        return m.group(4) == null ? whole : whole + Double.parseDouble("0." + m.group(4));
    }

    private static double isoSeconds(String s) {
        try {
            java.time.Duration d = java.time.Duration.parse(s.toUpperCase(Locale.ROOT));
            return d.isNegative() ? -1 : d.toNanos() / 1e9;
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }

    /** {@code 1h 2m 3s}, {@code 1m5s}, {@code 59 sec}, {@code 500ms}: each unit at most once. */
    private static double unitSeconds(String s) {
        var m = DURATION_PART.matcher(s);
        double total = 0;
        java.util.Set<Character> seen = new java.util.HashSet<>();
        while (m.find()) {
            double v = Double.parseDouble(m.group(1).replace(',', '.'));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            char key = unit.equals("ms") ? 'l' : unit.charAt(0);
            if (!seen.add(key)) {
                return -1;
            }
            total += v * switch (key) {
                case 'h' -> 3600.0;
                case 'm' -> 60.0;
                case 'l' -> 0.001;
                default -> 1.0;
            };
        }
        return total;
    }

    /** A share written as {@code 0.59}, {@code 59%} or {@code 59,0 %}, as a fraction of one. */
    public static OptionalDouble share(String raw) throws BadValueException {
        if (isMissing(raw)) {
            return OptionalDouble.empty();
        }
        String s = clean(raw);
        double v = s.endsWith("%") ? number(s.substring(0, s.length() - 1).trim(), raw) / 100.0 : number(s, raw);
        if (v > 1.0 + 1e-9) {
            throw new BadValueException("expected a share between 0 and 1 (or a percentage), found \"" + raw.trim() + "\"");
        }
        return OptionalDouble.of(v);
    }

    /**
     * The value of a cell made only of 1 to 18 ASCII digits, or -1: the common case, read without regular
     * expressions or allocation.
     */
    static long plainDigits(String raw) {
        if (raw == null) {
            return -1;
        }
        int n = raw.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Digits, one dot, digits ({@code 62.5}): parsed directly, without the patterns below. */
    private static boolean isPlainDecimal(String raw) {
        if (raw == null || raw.length() < 3 || raw.length() > 18) {
            return false;
        }
        int dot = raw.indexOf('.');
        if (dot <= 0 || dot == raw.length() - 1) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private static double number(String s, String raw) throws BadValueException {
        var suffixed = SUFFIXED.matcher(s);
        if (suffixed.matches()) {
            double base = Double.parseDouble(suffixed.group(1).replace(',', '.'));
            double scale = switch (Character.toLowerCase(suffixed.group(2).charAt(0))) {
                case 'k' -> 1e3;
                case 'm' -> 1e6;
                default -> 1e9;
            };
            return base * scale;
        }
        if (GROUPED_COMMA.matcher(s).matches()) {
            return Double.parseDouble(s.replace(",", ""));
        }
        if (GROUPED_DOT.matcher(s).matches()) {
            return Double.parseDouble(s.replace(".", ""));
        }
        if (GROUPED_SPACE.matcher(s).matches()) {
            return Double.parseDouble(s.replace(" ", ""));
        }
        if (GROUPED_APOSTROPHE.matcher(s).matches()) {
            return Double.parseDouble(s.replace("'", "").replace("\u2019", ""));
        }
        if (GROUPED_DOT_DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s.replace(".", "").replace(',', '.'));
        }
        if (GROUPED_COMMA_DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s.replace(",", ""));
        }
        if (DECIMAL.matcher(s).matches()) {
            String d = s.replace(',', '.');
            return Double.parseDouble(d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
        }
        if (SCIENTIFIC.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new BadValueException("expected a number, found \"" + raw.trim() + "\"");
    }

    private static String clean(String raw) {
        // Spreadsheets and localized exports use no-break and thin spaces as thousands separators.
        return raw.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ').strip();
    }

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm", Locale.ROOT),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    /** Meta's exports write the offset without a colon: {@code 2024-10-01T10:00:00+0000}. */
    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]xx", Locale.ROOT);
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/uu", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd-MM-uu", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.uu", Locale.ROOT));

    /**
     * A posting time: ISO-8601 with or without offset (no offset means UTC), {@code yyyy-MM-dd HH:mm[:ss]},
     * epoch seconds or milliseconds, or a date alone ({@code yyyy-MM-dd}, {@code dd/MM/yy}) taken as midnight
     * UTC. Returns null when the cell holds no value.
     */
    public static Instant instant(String raw) throws BadValueException {
        Instant fast = isoFast(raw);
        if (fast != null) {
            return fast;
        }
        if (isMissing(raw)) {
            return null;
        }
        String s = clean(raw);
        if (DIGITS.matcher(s).matches()) {
            long n = Long.parseLong(s);
            if (s.length() == 10 || s.length() == 9) {
                return Instant.ofEpochSecond(n);
            }
            if (s.length() == 13) {
                return Instant.ofEpochMilli(n);
            }
        }
        if (SCIENTIFIC.matcher(s).matches()) {
            double n = Double.parseDouble(s);
            if (n > 1e8 && n < 1e10) {
                return Instant.ofEpochSecond((long) n);
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the next shape
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // try local forms
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        LocalDate date = localDate(s);
        if (date != null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        throw new BadValueException("expected a date and time (ISO-8601, \"yyyy-MM-dd HH:mm:ss\", epoch seconds or "
                + "\"dd/MM/yy\"), found \"" + raw.trim() + "\"");
    }

    /**
     * {@code yyyy-MM-ddTHH:mm[:ss[.fff]][Z|±hh:mm]} (or with a space for the T) read by hand, or null for any
     * other shape: the canonical CSV's times, read without building a parser per cell.
     */
    static Instant isoFast(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':') {
            return null;
        }
        // Seconds are optional in ISO-8601 ("2024-06-30T23:24-04:00"), and some exports leave them out.
        boolean withSeconds = n >= 19 && s.charAt(16) == ':';
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = withSeconds ? digits(s, 17, 19) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = withSeconds ? 19 : 16;
        int nanos = 0;
        if (withSeconds && i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 9) {
                return null;
            }
            nanos = digits(s, start, i);
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i == n - 1) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, i + 3);
                int om = digits(s, i + 4, i + 6);
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return null;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * {@code yyyy-MM-dd} read by hand, or null for any other shape (or an impossible date, which the
     * formatters then reject with the rest): the daily file's millions of dates, without a parser per cell.
     */
    static LocalDate isoDateFast(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth())) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** A calendar date in one of the numeric forms above, or null when it is none of them. */
    public static LocalDate localDate(String s) {
        LocalDate fast = isoDateFast(s);
        if (fast != null) {
            return fast;
        }
        String t = s.strip();
        // Every pattern starts with a number: a cell such as Studio's "November 19" is no date here, told
        // without letting each pattern throw (a thousand exceptions for a year of daily rows).
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) && t.charAt(0) < 0x80 || t.charAt(0) == '+' || t.charAt(0) == '-')) {
            return null;
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return null;
    }
}
