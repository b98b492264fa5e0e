package savescope.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ContentTypes#assignRow} for a caption read as UTF-8 bytes, without making the caption's {@code String}:
 * the hashtags are found in the bytes by the same rule as {@link ContentTypes#hashtags}, and each distinct tag, and
 * each distinct list of tags with its joined text and mapped type, is made once and handed out again (a million
 * captions carry a few thousand tags in a few thousand combinations). Not thread-safe: one per reading thread.
 */
final class CaptionTags {
    /** Slots of each table (a power of two); a table stops taking new entries at three quarters full. */
    private static final int SLOTS = 1 << 13;
    private static final int KEPT = SLOTS / 4 * 3;
    /** Probes before a lookup gives up (the entry is then made again, not kept). */
    private static final int PROBES = 8;
    /** Tags a caption may carry on this path; one with more goes through {@link ContentTypes#assignRow}. */
    private static final int MOST_TAGS = 16;

    private final ContentTypes types;
    private final byte[][] tagBytes = new byte[SLOTS][];
    private final String[] tagTexts = new String[SLOTS];
    private int tagsKept;
    private final String[][] listTags = new String[SLOTS][];
    private final String[] listJoined = new String[SLOTS];
    private final String[] listType = new String[SLOTS];
    private int listsKept;
    private final String[] row = new String[MOST_TAGS];

    CaptionTags(ContentTypes types) {
        this.types = types;
    }

    /**
     * What {@code types.assignRow(caption, null, givenType, out)} gives, where the caption is the {@code len} bytes
     * of {@code b} from {@code off}: well-formed UTF-8, as the fast reader checked.
     */
    void assign(byte[] b, int off, int len, String givenType, String[] out) {
        int end = off + len;
        int n = 0;
        int hash = indexOfHash(b, off, end);
        while (hash >= 0) {
            int p = hash + 1;
            boolean plain = true;
            while (p < end) {
                int c = b[p] & 0xFF;
                if (c < 0x80) {
                    if (!ContentTypes.isTagChar(c)) {
                        break;
                    }
                    plain &= c < 'A' || c > 'Z';
                    p++;
                    continue;
                }
                if (!ContentTypes.isTagChar(VideoFastCsv.codePointAt(b, p))) {
                    break;
                }
                plain = false;
                p += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            }
            if (p > hash + 1) {
                String tag = tag(b, hash + 1, p, plain);
                if (!contains(row, n, tag)) {
                    if (n == MOST_TAGS) {
                        Arrays.fill(row, null);
                        types.assignRow(new String(b, off, len, StandardCharsets.UTF_8), null, givenType, out);
                        return;
                    }
                    row[n++] = tag;
                }
            }
            hash = indexOfHash(b, p == hash + 1 ? hash + 1 : p, end);
        }
        list(n, out);
        Arrays.fill(row, 0, n, null);
        String type = givenType == null ? "" : givenType.strip();
        if (!type.isEmpty()) {
            out[1] = type;
        }
    }

    /** The joined text and mapped type of the row's {@code n} tags, into out[0] and out[1]. */
    private void list(int n, String[] out) {
        if (n == 0) {
            out[0] = "";
            out[1] = types.typeOf(java.util.List.of());
            return;
        }
        int h = 1;
        for (int k = 0; k < n; k++) {
            h = 31 * h + row[k].hashCode();
        }
        int slot = spread(h);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
            String[] kept = listTags[slot];
            if (kept == null) {
                break;
            }
            if (sameTags(kept, n)) {
                out[0] = listJoined[slot];
                out[1] = listType[slot];
                return;
            }
        }
        String[] tags = Arrays.copyOf(row, n);
        java.util.List<String> asList = Arrays.asList(tags);
        String joined = n == 1 ? tags[0] : String.join(" ", asList);
        String type = types.typeOf(asList);
        out[0] = joined;
        out[1] = type;
        if (listsKept < KEPT) {
            slot = spread(h);
            for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
                if (listTags[slot] == null) {
                    listTags[slot] = tags;
                    listJoined[slot] = joined;
                    listType[slot] = type;
                    listsKept++;
                    return;
                }
            }
        }
    }

    private boolean sameTags(String[] kept, int n) {
        if (kept.length != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (!kept[k].equals(row[k])) {
                return false;
            }
        }
        return true;
    }

    /** The tag whose bytes run from {@code from} to {@code to}, lower-cased unless {@code plain}; kept for next time. */
    private String tag(byte[] b, int from, int to, boolean plain) {
        int len = to - from;
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = spread(h);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
            byte[] kept = tagBytes[slot];
            if (kept == null) {
                break;
            }
            if (kept.length == len && Arrays.equals(kept, 0, len, b, from, to)) {
                return tagTexts[slot];
            }
        }
        String text = plain ? new String(b, from, len, StandardCharsets.ISO_8859_1)
                : new String(b, from, len, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (tagsKept < KEPT) {
            slot = spread(h);
            for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
                if (tagBytes[slot] == null) {
                    tagBytes[slot] = Arrays.copyOfRange(b, from, to);
                    tagTexts[slot] = text;
                    tagsKept++;
                    break;
                }
            }
        }
        return text;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h & (SLOTS - 1);
    }

    private static boolean contains(String[] tags, int n, String tag) {
        for (int k = 0; k < n; k++) {
            if (tags[k].equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfHash(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '#') {
                return i;
            }
        }
        return -1;
    }
}
