package savescope.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cuts free text (titles, hashtags, comments) longer than any real export writes, and counts the cuts per kind
 * of text for one file: a single runaway value must not make the report fail or fill it.
 */
final class LongTexts {
    /** TikTok captions hold at most 4,000 characters; ten thousand leaves room for any other tool's text. */
    static final int MAX_CODE_POINTS = 10_000;

    private record Cuts(long count, String firstPlace) {}

    private final Map<String, Cuts> cuts = new LinkedHashMap<>();

    /**
     * {@code text} itself, or its first {@link #MAX_CODE_POINTS} code points and "…" (never splitting a
     * surrogate pair); {@code what} names the kind of text in the plural ("titles") for the note.
     */
    /**
     * {@link #bound(String, String, Supplier)} with the place as field {@code field} of {@code cellPlace}: no
     * lambda per row (made through a method handle where only C1 compiles, a call into the VM each).
     */
    String bound(String text, String what, java.util.function.IntFunction<String> cellPlace, int field) {
        return text == null || text.length() <= MAX_CODE_POINTS ? text : bound(text, what, () -> cellPlace.apply(field));
    }

    String bound(String text, String what, Supplier<String> place) {
        if (text == null || text.length() <= MAX_CODE_POINTS
                || text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        cuts.merge(what, new Cuts(1, place.get()), (a, b) -> new Cuts(a.count() + 1, a.firstPlace()));
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }

    /** One sentence per kind of text that was cut, for the file's data-quality notes; empty when none was. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        cuts.forEach((what, c) -> notes.add(String.format("%,d %s longer than %,d characters %s cut to that length "
                + "(the first at %s)", c.count(), c.count() == 1 ? singular(what) : what, MAX_CODE_POINTS,
                c.count() == 1 ? "was" : "were", c.firstPlace())));
        return notes;
    }

    private static String singular(String plural) {
        return plural.replace("texts", "text").replace("titles", "title").replace("lists", "list")
                .replace("types", "type").replace("names", "name").replace("links", "link");
    }
}
