package savescope.load;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates TikTok Studio writes in the interface language, usually without a year ({@code "September
 * 25"}, {@code "28 August"}, {@code "25 de septiembre"}, {@code "18 tháng Sáu"}, {@code "9月16日"},
 * {@code "28 апреля"}), and gives them years from the export time.
 */
public final class StudioDates {
    /** A parsed date: the year is 0 when the text had none. */
    public record Parsed(int year, int month, int day) {
        boolean hasYear() {
            return year != 0;
        }
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Pattern CJK = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");
    // The month is a number or a word, two only for "mười một" and "mười hai": any other second word would take
    // the "năm" (year) of "18 tháng 6 năm 2024" for part of the month.
    private static final Pattern VIETNAMESE = Pattern.compile("(\\d{1,2})\\s+tháng\\s+(\\d{1,2}|mười\\s+(?:một|hai)|\\p{L}+)(?:[,\\s]+(?:năm\\s+)?(\\d{4}))?");
    /** Vietnamese "ngày" (day) before a date, e.g. "ngày 5 tháng 3". */
    private static final Pattern DAY_WORD = Pattern.compile("^ngày\\s+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}]+|\\d+");

    static {
        String[][] names = {
            {"january", "enero", "janeiro", "januar", "janvier", "января", "январь", "jänner"},
            {"february", "febrero", "fevereiro", "februar", "février", "fevrier", "февраля", "февраль"},
            {"march", "marzo", "março", "marco", "märz", "marz", "mars", "марта", "март"},
            {"april", "abril", "avril", "апреля", "апрель"},
            {"may", "mayo", "maio", "mai", "мая", "май"},
            {"june", "junio", "junho", "juni", "juin", "июня", "июнь"},
            {"july", "julio", "julho", "juli", "juillet", "июля", "июль"},
            {"august", "agosto", "août", "aout", "августа", "август"},
            {"september", "septiembre", "setiembre", "setembro", "septembre", "сентября", "сентябрь"},
            {"october", "octubre", "outubro", "oktober", "octobre", "октября", "октябрь"},
            {"november", "noviembre", "novembro", "novembre", "ноября", "ноябрь"},
            {"december", "diciembre", "dezembro", "dezember", "décembre", "decembre", "декабря", "декабрь"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m + 1);
            }
        }
    }

    private static final List<String> VIETNAMESE_MONTHS = List.of("một", "hai", "ba", "tư", "năm", "sáu", "bảy",
            "tám", "chín", "mười", "mười một", "mười hai");

    private StudioDates() {}

    /**
     * A date with a month name or a CJK/Vietnamese month, with or without a year; null when the text is not
     * such a date. Numeric dates ({@code 2024-09-09}, {@code 09/09/24}) are left to {@link Values#localDate}.
     */
    public static Parsed parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = plain(raw).strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        Matcher cjk = CJK.matcher(s);
        if (cjk.matches()) {
            return checked(cjk.group(1) == null ? 0 : Integer.parseInt(cjk.group(1)), Integer.parseInt(cjk.group(2)),
                    Integer.parseInt(cjk.group(3)));
        }
        Matcher vi = VIETNAMESE.matcher(s.startsWith("ngày") ? DAY_WORD.matcher(s).replaceFirst("") : s);
        if (vi.matches()) {
            String m = vi.group(2).replaceAll("\\s+", " ");
            int month = m.chars().allMatch(Character::isDigit) ? Integer.parseInt(m) : VIETNAMESE_MONTHS.indexOf(m) + 1;
            return month <= 0 ? null : checked(vi.group(3) == null ? 0 : Integer.parseInt(vi.group(3)), month,
                    Integer.parseInt(vi.group(1)));
        }
        int day = 0;
        int month = 0;
        int year = 0;
        Matcher t = TOKEN.matcher(s);
        while (t.find()) {
            String tok = t.group();
            if (Character.isDigit(tok.charAt(0))) {
                int n = tok.length() > 4 ? -1 : Integer.parseInt(tok);
                if (tok.length() == 4 && year == 0) {
                    year = n;
                } else if (tok.length() <= 2 && day == 0 && n >= 1) {
                    day = n;
                } else {
                    return null;
                }
            } else {
                Integer m = month(tok);
                if (m != null && month == 0) {
                    month = m;
                } else if (!FILLER.contains(tok)) {
                    return null;
                }
            }
        }
        return day > 0 && month > 0 ? checked(year, month, day) : null;
    }

    /**
     * The text with no-break and thin spaces read as spaces and accents composed: a cell copied from a web page or
     * typed on a Mac can hold a no-break space after the day, or "a" and a combining grave accent for "à".
     */
    private static String plain(String raw) {
        String s = raw.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ');
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static final List<String> FILLER = List.of("de", "del", "of", "the", "le", "der", "den", "am", "г", "года");

    private static Parsed checked(int year, int month, int day) {
        try {
            if (year != 0) {
                LocalDate.of(year, month, day);
            } else {
                MonthDay.of(month, day);
            }
            return new Parsed(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A month name or an unambiguous abbreviation of at least three letters ({@code sept}, {@code déc}). */
    static Integer month(String token) {
        String tok = token.toLowerCase(Locale.ROOT);
        Integer exact = MONTHS.get(tok);
        if (exact != null || tok.length() < 3) {
            return exact;
        }
        Integer found = null;
        for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
            if (e.getKey().startsWith(tok) || stripAccents(e.getKey()).startsWith(stripAccents(tok))) {
                if (found != null && !found.equals(e.getValue())) {
                    return null;
                }
                found = e.getValue();
            }
        }
        return found;
    }

    private static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * Gives years to dates in a table whose rows run oldest to newest: the newest row takes the year that puts
     * it nearest the export time, and each earlier row steps back a year whenever its month and day come after
     * those of the row below it (the table crossed New Year).
     */
    public static LocalDate[] resolveSeries(Parsed[] dates, Instant exportTime) {
        LocalDate anchor = exportTime.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate[] out = new LocalDate[dates.length];
        LocalDate later = null;
        for (int i = dates.length - 1; i >= 0; i--) {
            Parsed p = dates[i];
            if (p == null) {
                continue;
            }
            if (p.hasYear()) {
                out[i] = LocalDate.of(p.year(), p.month(), p.day());
            } else if (later == null) {
                out[i] = nearest(p, anchor);
            } else {
                int year = later.getYear();
                if (p.month() > later.getMonthValue() || (p.month() == later.getMonthValue() && p.day() > later.getDayOfMonth())) {
                    year--;
                }
                out[i] = at(year, p);
            }
            later = out[i];
        }
        return out;
    }

    /** The latest date with this month and day that is not after the export time (for posting times). */
    public static LocalDate latestNotAfter(Parsed p, Instant exportTime) {
        if (p.hasYear()) {
            return LocalDate.of(p.year(), p.month(), p.day());
        }
        LocalDate anchor = exportTime.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate d = at(anchor.getYear(), p);
        return d.isAfter(anchor) ? at(anchor.getYear() - 1, p) : d;
    }

    private static LocalDate nearest(Parsed p, LocalDate anchor) {
        LocalDate best = null;
        for (int y = anchor.getYear() - 1; y <= anchor.getYear() + 1; y++) {
            LocalDate d = at(y, p);
            if (best == null || Math.abs(d.toEpochDay() - anchor.toEpochDay()) < Math.abs(best.toEpochDay() - anchor.toEpochDay())) {
                best = d;
            }
        }
        return best;
    }

    /** February 29 in a year without it becomes February 28 rather than failing. */
    private static LocalDate at(int year, Parsed p) {
        return MonthDay.of(p.month(), p.day()).atYear(year);
    }
}
