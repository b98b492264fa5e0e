package savescope.model;

/**
 * Video ids that are plain numbers, as TikTok's are: one to nineteen ASCII digits and no leading zero, so that each
 * number has one text. Such ids can be grouped, compared and looked up as 64-bit values instead of strings, with no
 * object per row.
 */
public final class PlainNumbers {
    private PlainNumbers() {}

    /** Whether {@code text} is a plain number: "0" and "7600000000000000001" are; "", "012", "1e3", "１２" and 20 digits are not. */
    public static boolean is(String text) {
        int n = text.length();
        if (n == 0 || n > 19 || (n > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The 64 bits of a {@linkplain #is plain number}: the number itself, except that nineteen digits past 2^63 - 1
     * read as a negative value (the number's unsigned bits). Distinct plain numbers have distinct bits, since all
     * stay below 10^19 &lt; 2^64.
     */
    public static long bits(String text) {
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    /** What {@link #of} gives for a text that is not a plain number (no plain number has these bits). */
    public static final long NOT_PLAIN = -1L;

    /**
     * Row {@code row}'s text as {@link #bits} when {@link #is} holds for it, else {@link #NOT_PLAIN}: read from the
     * bytes of a packed column (ids and titles) without a {@code String}, from the text of any other. A number of 1 to
     * 19 digits is below 10^19, so as 64 bits it is never all ones.
     */
    public static long of(tech.tablesaw.api.StringColumn column, int row) {
        if (column.getDictionary() instanceof PackedTextMap packed) {
            return packed.plainNumber(row);
        }
        String text = column.get(row);
        return text != null && is(text) ? bits(text) : NOT_PLAIN;
    }
}
