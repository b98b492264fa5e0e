package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
    /** The rule the hand scan follows, as a pattern: the independent answer. */
    private static final Pattern TAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

    private static List<String> byPattern(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    @Test
    void hashtagsByHand() {
        assertEquals(List.of("bread", "easy_recipe", "fyp"),
                ContentTypes.hashtags("Bread! #Bread #easy_recipe #BREAD #fyp# #"));
        assertEquals(List.of("café", "東京", "ǆ"), ContentTypes.hashtags("#Café#東京 #ǅ"));
        assertEquals(List.of("tag"), ContentTypes.hashtags("##tag 🤯#🤯"));
        assertEquals(List.of("i̇stanbul"), ContentTypes.hashtags("#İstanbul"));
        assertEquals(List.of(), ContentTypes.hashtags("no tags here"));
    }

    @Test
    void hashtagsAreThoseOfThePattern() {
        SplittableRandom rnd = new SplittableRandom(18);
        // Letters of both cases, digits, _, other scripts, an emoji (a surrogate pair), marks, full-width and
        // superscript digits, and separators, so that tags start, run and stop everywhere.
        String[] pieces = {"#", "#", "#", "a", "Z", "q", "7", "_", " ", ",", ".", "-", "é", "É", "ß", "İ", "東", "🤯",
                "\u0301", "\uFF11", "\u00B2", "Ⅻ", "\uD83D", "ǅ", "ﬁ", "Σ"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = rnd.nextInt(40);
            for (int k = 0; k < length; k++) {
                s.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String text = s.toString();
            assertEquals(byPattern(text), ContentTypes.hashtags(text), "text " + text);
        }
    }

    @Test
    void oneHashtagIsItsOwnJoinedList() {
        ContentTypes types = ContentTypes.defaults();
        String[] out = new String[2];
        types.assignRow("Sourdough #Recipe", null, null, out);
        assertEquals("recipe", out[0]);
        types.assignRow("Sourdough #Recipe #BREAD #recipe", null, "", out);
        assertEquals("recipe bread", out[0]);
        types.assignRow("no tags", null, "vlog", out);
        assertEquals("", out[0]);
        assertEquals("vlog", out[1]);
    }
}
