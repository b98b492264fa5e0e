package savescope.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import savescope.UserError;
import savescope.model.Canonical;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Gives every video a content type: the export's own when it has one, else the first type whose hashtags
 * the video carries (a user mapping such as {@code tutorial=#howto,#tutorial}, or the built-in one).
 */
public final class ContentTypes {
    /** The type of a video that carries none of the mapped hashtags. */
    public static final String OTHER = "other";

    private final Map<String, String> typeByTag;

    private ContentTypes(Map<String, String> typeByTag) {
        this.typeByTag = typeByTag;
    }

    /** The built-in mapping of common hashtags to content types. */
    public static ContentTypes defaults() {
        return parse(List.of(
                "tutorial=#tutorial,#howto,#tips,#bakingtips,#learnontiktok,#lifehack,#diy",
                "recipe=#recipe,#recipes,#easyrecipe,#cooking,#baking",
                "comedy=#comedy,#funny,#humor,#meme,#skit",
                "vlog=#vlog,#dayinmylife,#dailyvlog,#storytime",
                "review=#review,#tastetest,#unboxing,#productreview"));
    }

    /**
     * Reads mappings written {@code type=#tag1,#tag2}. Earlier mappings win when a tag appears twice.
     *
     * @throws IllegalArgumentException naming the mapping that is not of that form
     */
    public static ContentTypes parse(List<String> specs) {
        Map<String, String> byTag = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UserError("--types \"" + spec + "\": expected TYPE=#tag1,#tag2 (for example "
                        + "tutorial=#howto,#tutorial)");
            }
            String type = spec.substring(0, eq).strip();
            for (String tag : spec.substring(eq + 1).split(",")) {
                String t = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    byTag.putIfAbsent(t, type);
                }
            }
        }
        return new ContentTypes(byTag);
    }

    /** User mappings first, then the built-in ones for tags the user did not map. */
    public ContentTypes then(ContentTypes fallback) {
        Map<String, String> merged = new LinkedHashMap<>(typeByTag);
        fallback.typeByTag.forEach(merged::putIfAbsent);
        return new ContentTypes(merged);
    }

    /** The hashtags in a caption, lower case, in order of first appearance. */
    public static List<String> hashtags(String text) {
        // A hand scan with the rule of "#([\p{L}\p{N}_]+)": run once per title, a million times on big inputs.
        List<String> tags = new ArrayList<>(4);
        if (text == null) {
            return tags;
        }
        int n = text.length();
        int hash = text.indexOf('#');
        // Past a few tags, repeats are found in a set: a list search would take the square of their number (a
        // caption of 20,000 different tags, 0.7 s; Spark reads captions of any length).
        Set<String> seen = null;
        while (hash >= 0) {
            int end = hash + 1;
            // Lower-cased only when it may change: a tag of a-z, 0-9 and _ (most of them) is already.
            boolean plain = true;
            while (end < n) {
                char c = text.charAt(end);
                if (c < 0x80) {
                    if (!isAsciiTagChar(c)) {
                        break;
                    }
                    plain &= c < 'A' || c > 'Z';
                    end++;
                    continue;
                }
                int cp = text.codePointAt(end);
                if (!isTagChar(cp)) {
                    break;
                }
                plain = false;
                end += Character.charCount(cp);
            }
            if (end > hash + 1) {
                String tag = text.substring(hash + 1, end);
                if (!plain) {
                    tag = tag.toLowerCase(Locale.ROOT);
                }
                if (seen == null && tags.size() == MANY_TAGS) {
                    seen = new HashSet<>(tags);
                }
                if (seen != null ? seen.add(tag) : !tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            hash = text.indexOf('#', end == hash + 1 ? hash + 1 : end);
        }
        return tags;
    }

    private static final int MANY_TAGS = 16;

    private static boolean isAsciiTagChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Whether a hashtag goes on over the code point {@code cp}: a letter or number of any script, or {@code _}. */
    static boolean isTagChar(int cp) {
        if (cp < 0x80) {
            return isAsciiTagChar((char) cp);
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The type for a video with these hashtags. */
    public String typeOf(List<String> tags) {
        for (String tag : tags) {
            String type = typeByTag.get(tag);
            if (type != null) {
                return type;
            }
        }
        return OTHER;
    }

    /**
     * Fills the hashtags column from captions where the source gave none, and the content type column from
     * hashtags where the source gave none.
     */
    public void assign(Table videos) {
        // Kept for frames built outside the loader; the loader assigns per row as it reads (see assignRow).
        StringColumn titles = videos.stringColumn(Canonical.TITLE);
        StringColumn tags = videos.stringColumn(Canonical.HASHTAGS);
        StringColumn types = videos.stringColumn(Canonical.CONTENT_TYPE);
        for (int i = 0; i < videos.rowCount(); i++) {
            List<String> list;
            String given = tags.get(i);
            if (given.isBlank()) {
                String title = titles.get(i);
                // Most titles at scale carry no hashtag: skip the pattern for them.
                list = title.indexOf('#') < 0 ? List.of() : hashtags(title);
            } else {
                list = List.of(WHITE.split(given.toLowerCase(Locale.ROOT).replace("#", " ").replace(",", " ").trim()));
            }
            String joined = String.join(" ", list);
            if (!joined.equals(given)) {
                tags.set(i, joined);
            }
            if (types.get(i).isBlank()) {
                types.set(i, typeOf(list));
            }
        }
    }

    /**
     * The hashtags and content type of one row from its raw cells: {@code out[0]} the space-separated hashtags
     * (from the source's own list, else from the title), {@code out[1]} the source's type, else the mapped one.
     */
    public void assignRow(String title, String givenTags, String givenType, String[] out) {
        List<String> list;
        if (givenTags == null || givenTags.isBlank()) {
            list = title == null || title.indexOf('#') < 0 ? List.of() : hashtags(title);
        } else {
            list = List.of(WHITE.split(givenTags.toLowerCase(Locale.ROOT).replace("#", " ").replace(",", " ").trim()));
        }
        out[0] = list.isEmpty() ? "" : list.size() == 1 ? list.get(0) : String.join(" ", list);
        String type = givenType == null ? "" : givenType.strip();
        out[1] = type.isEmpty() ? typeOf(list) : type;
    }

    private static final Pattern WHITE = Pattern.compile("\\s+");
}
