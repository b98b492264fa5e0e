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
    void hostileTitlesByHand() {
        // Lower case by Locale.ROOT: İ gives i and a combining dot above, ı stays dotless, ẞ gives ß, a closing Σ
        // after a letter gives ς, a lone Σ gives σ; full-width letters and digits are letters and digits.
        assertEquals(List.of("i\u0307stanbul", "istanbul", "ıstanbul"),
                ContentTypes.hashtags("#İstanbul #ISTANBUL #ıstanbul #Istanbul"));
        assertEquals(List.of("straße", "strasse", "ß"), ContentTypes.hashtags("#Straße #STRASSE #ẞ #ß"));
        assertEquals(List.of("οδος", "σ", "σa"), ContentTypes.hashtags("#ΟΔΟΣ #Σ #ΣA #οδος"));
        assertEquals(List.of("ｒｅｃｉｐｅ", "１２３"), ContentTypes.hashtags("#ＲＥＣＩＰＥ #１２３ #ｒｅｃｉｐｅ"));
        // A combining mark is neither letter nor digit: it ends the tag, where the precomposed é is a letter.
        assertEquals(List.of("cafe", "café"), ContentTypes.hashtags("#Cafe\u0301 #CAFÉ"));
        // Upper-case ASCII beside other letters, in either order, is lowered with them.
        assertEquals(List.of("été2024", "bakingtipsé"), ContentTypes.hashtags("#ÉTÉ2024 #été2024 #BAKINGtipsÉ"));
        // A lone surrogate of either half ends a tag and starts none; a pair outside the BMP is one letter.
        assertEquals(List.of("a", "b"), ContentTypes.hashtags("#a\uD83D #\uDE00x #b\uDE00"));
        assertEquals(List.of("\uD801\uDC28x"), ContentTypes.hashtags("#\uD801\uDC00X"));
        assertEquals(List.of("diy"), ContentTypes.hashtags("#DIY😀#diy#"));
        assertEquals(List.of(), ContentTypes.hashtags("#"));
        assertEquals(List.of(), ContentTypes.hashtags("#".repeat(100_000)));
        assertEquals(List.of("a"), ContentTypes.hashtags("#A".repeat(100_000)));
        String longTag = "AB".repeat(60_000) + "É";
        assertEquals(List.of(longTag.toLowerCase(Locale.ROOT)), ContentTypes.hashtags("x #" + longTag + " #" + longTag));
        assertEquals(List.of("x".repeat(150_000)), ContentTypes.hashtags("#" + "x".repeat(150_000)));
    }

    @Test
    void hashtagsOfAnyCodeUnitsAreThoseOfThePattern() {
        SplittableRandom rnd = new SplittableRandom(19);
        String cased = "AZaz09_İıẞΣΞＲ１\u0301\u0345";
        // Any UTF-16 code units (lone surrogates too) and code points past the BMP, between many hashes.
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = rnd.nextInt(24);
            for (int k = 0; k < length; k++) {
                switch (rnd.nextInt(6)) {
                    case 0, 1 -> s.append('#');
                    case 2 -> s.append((char) rnd.nextInt(0x80));
                    case 3 -> s.append((char) rnd.nextInt(0x10000));
                    case 4 -> s.appendCodePoint(0x10000 + rnd.nextInt(0x100000));
                    default -> s.append(cased.charAt(rnd.nextInt(cased.length())));
                }
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
        // A single upper-case tag is lowered before it is looked up; the type comes from the lowered tag.
        types.assignRow("#TUTORIAL", null, null, out);
        assertEquals("tutorial", out[0]);
        assertEquals("tutorial", out[1]);
        types.assignRow("#", null, null, out);
        assertEquals("", out[0]);
        assertEquals(ContentTypes.OTHER, out[1]);
    }

    @Test
    void manyDifferentTagsKeepTheirOrderAndLoseTheirRepeats() {
        // 60,000 tags, each written twice in a row and the first 1,000 again at the end, in both cases:
        // 60,000 distinct tags in order of first appearance (a search of the list for each would take the
        // square of that: seconds here, far longer for the longer captions Spark reads).
        StringBuilder caption = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            caption.append("#t").append(i).append(" #T").append(i).append(' ');
            expected.add("t" + i);
        }
        for (int i = 0; i < 1_000; i++) {
            caption.append("#t").append(i);
        }
        List<String> tags = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> ContentTypes.hashtags(caption.toString()));
        assertEquals(expected, tags);
        // Random captions of up to 80 tags from 40 words in mixed case, so repeats fall on both sides of the switch.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(16);
        for (int k = 0; k < 2_000; k++) {
            StringBuilder c = new StringBuilder();
            for (int t = rnd.nextInt(80); t > 0; t--) {
                String word = "w" + rnd.nextInt(40) + (rnd.nextBoolean() ? "x" : "X");
                c.append('#').append(rnd.nextBoolean() ? word : word.toUpperCase(Locale.ROOT)).append(' ');
            }
            assertEquals(byPattern(c.toString()), ContentTypes.hashtags(c.toString()), c.toString());
        }
        // Around the switch to a set: 15, 16 and 17 different tags, with repeats before and after it.
        for (int distinct : new int[] {15, 16, 17}) {
            StringBuilder few = new StringBuilder();
            for (int i = 0; i < distinct; i++) {
                few.append("#a").append(i).append(" #A").append(distinct - 1 - i).append(' ');
            }
            assertEquals(byPattern(few.toString()), ContentTypes.hashtags(few.toString()), "distinct " + distinct);
        }
    }
}
