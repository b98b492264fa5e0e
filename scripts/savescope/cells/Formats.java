package savescope.cells;

import java.util.Locale;

/** Numbers formatted for people ({@code 12.4K}, {@code 1.8%}) and their exact forms for hover text. */
public final class Formats {
    private Formats() {}

    /** A count in compact form: 999, 12.4K, 3.1M, 1.2B. */
    public static String compact(Long n) {
        if (n == null) {
            return "–";
        }
        long a = Math.abs(n);
        if (a < 1_000) {
            return Long.toString(n);
        }
        String[] units = {"K", "M", "B", "T"};
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String s = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s + units[u];
    }

    /**
     * A count with thousands separators: 8,879,174 (what {@code String.format(Locale.ROOT, "%,d", n)} writes,
     * without parsing a format for each of the thousands of table cells that show one).
     */
    public static String exact(Long n) {
        if (n == null) {
            return "missing";
        }
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder s = new StringBuilder(digits.length() + (length - 1) / 3);
        int first = start + (length % 3 == 0 ? 3 : length % 3);
        s.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return s.toString();
    }

    /** A ratio as a percentage with sensible precision: 1.83%, 0.42%, 12.5%. */
    public static String percent(Double ratio) {
        if (ratio == null || ratio.isNaN()) {
            return "–";
        }
        double p = ratio * 100;
        String f = Math.abs(p) >= 10 ? "%.1f%%" : "%.2f%%";
        return String.format(Locale.ROOT, f, p);
    }

    /** A ratio as a percentage with full precision, for hover text. */
    public static String percentExact(Double ratio) {
        return ratio == null || ratio.isNaN() ? "missing" : String.format(Locale.ROOT, "%.6f%%", ratio * 100);
    }

    /** A plain decimal with the given number of places. */
    public static String decimal(Double v, int places) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
