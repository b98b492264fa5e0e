package savescope.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a real video id from one a spreadsheet rounded ({@code 7,42E+18}, {@code 7.37023E+18},
 * {@code 7420000000000000000}), and reads the id a video link carries.
 */
final class VideoIds {
    /** The cell holds nothing. */
    static final int NONE = 0;
    /** The cell holds an id to trust. */
    static final int REAL = 1;
    /**
     * Nineteen digits ending in four to nine zeros, as a spreadsheet's 15 significant digits leave a TikTok id;
     * about one real id in 10,000 looks the same, so only the whole column (see {@link #roundedColumn}) or a second row with the same id can tell.
     */
    static final int SUSPECT = 2;
    /** Scientific notation, or digits ending in ten or more zeros: certainly rounded. */
    static final int ROUNDED = 3;

    private static final Pattern SCIENTIFIC = Pattern.compile("\\+?\\d+(?:[.,]\\d+)?\\s*[eE]\\s*\\+?\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,. \u00a0\u202f'])\\d{3}(?:\\1\\d{3})+");
    private static final Pattern TIKTOK_LINK = Pattern.compile("/(?:video|photo|v|embed/v2|embed)/(\\d{6,20})(?![0-9])");
    private static final Pattern INSTAGRAM_LINK = Pattern.compile("instagram\\.com/(?:[^/?#]+/)?(?:p|reels?|tv)/([A-Za-z0-9_-]+)");

    private VideoIds() {}

    /** The id as digits when a spreadsheet wrote it grouped ({@code 7,502,050,641,603,280,000}) or with {@code .0}. */
    static String digitsOf(String cell) {
        if (cell.endsWith(".0") && cell.length() > 2 && allDigits(cell, cell.length() - 2)) {
            return cell.substring(0, cell.length() - 2);
        }
        if (cell.length() > 7 && !allDigits(cell, cell.length()) && GROUPED.matcher(cell).matches()) {
            return cell.replaceAll("[^0-9]", "");
        }
        return cell;
    }

    /** What kind of id the (stripped, {@link #digitsOf}) cell holds: {@link #NONE}, {@link #REAL}, ... */
    static int kind(String id) {
        int n = id.length();
        if (n == 0) {
            return NONE;
        }
        if (allDigits(id, n)) {
            return kindOfDigits(id);
        }
        char last = id.charAt(n - 1);
        if (last >= '0' && last <= '9' && (id.indexOf('E') > 0 || id.indexOf('e') > 0) && SCIENTIFIC.matcher(id).matches()) {
            return ROUNDED;
        }
        return REAL;
    }

    /** {@link #kind} of a cell of one or more ASCII digits and nothing else. */
    static int kindOfDigits(String id) {
        int n = id.length();
        int zeros = trailingZeros(id);
        if (n >= 16 && zeros >= 10) {
            return ROUNDED;
        }
        return n == 19 && zeros >= 4 ? SUSPECT : REAL;
    }

    /**
     * Whether the suspect ids of one column are too many to be real ids that happen to end in zeros: a real id
     * ends in four zeros one time in 10,000, so a hundred times that rate (and at least three) means the
     * column went through a spreadsheet.
     */
    static boolean roundedColumn(long suspects, long nineteenDigitIds) {
        return suspects >= 3 && suspects * 100 >= nineteenDigitIds;
    }

    /**
     * The video a link names: a TikTok id ({@code /@user/video/ID}, {@code /photo/ID}) or an Instagram code
     * ({@code /p/CODE}, {@code /reel/CODE}); null when the link names none (short {@code vm.tiktok.com} links).
     */
    static String ofLink(String link) {
        if (link == null || link.length() < 8) {
            return null;
        }
        Matcher m = TIKTOK_LINK.matcher(link);
        if (m.find()) {
            return m.group(1);
        }
        m = INSTAGRAM_LINK.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    static boolean allDigits(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return end > 0;
    }

    private static int trailingZeros(String s) {
        int z = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '0'; i--) {
            z++;
        }
        return z;
    }
}
