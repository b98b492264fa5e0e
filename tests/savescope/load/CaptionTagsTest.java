package savescope.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hashtags and types of captions read as UTF-8 bytes are those {@link ContentTypes#assignRow} gives their text. */
class CaptionTagsTest {
    private static final ContentTypes TYPES = ContentTypes.parse(List.of("tutorial=#Howto,#tips", "comedy=#funny"))
            .then(ContentTypes.defaults());

    private static String[] byText(String caption, String givenType) {
        String[] out = new String[2];
        TYPES.assignRow(caption, null, givenType, out);
        return out;
    }

    /** The caption's bytes placed inside a larger array, so offsets are exercised too. */
    private static String[] byBytes(CaptionTags tags, String caption, String givenType) {
        byte[] text = caption.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[text.length + 7];
        padded[0] = '#';
        padded[1] = 'x';
        System.arraycopy(text, 0, padded, 3, text.length);
        padded[text.length + 3] = 'y';
        String[] out = new String[2];
        tags.assign(padded, 3, text.length, givenType, out);
        return out;
    }

    @Test
    void byHand() {
        CaptionTags tags = new CaptionTags(TYPES);
        assertArrayEquals(new String[] {"howto bread", "tutorial"}, byBytes(tags, "Bread! #HowTo #bread #HOWTO", null));
        assertArrayEquals(new String[] {"", "other"}, byBytes(tags, "no tags", null));
        assertArrayEquals(new String[] {"", "vlog"}, byBytes(tags, "no tags", " vlog "));
        assertArrayEquals(new String[] {"funny", "skit"}, byBytes(tags, "#Funny", "skit"));
        assertArrayEquals(new String[] {"café", "other"}, byBytes(tags, "#CAFÉ", null));
        // A combining mark ends a tag; an emoji too; a tag of another script is lowered by Locale.ROOT.
        assertArrayEquals(new String[] {"cafe i\u0307stanbul diy", "tutorial"},
                byBytes(tags, "#Cafe\u0301 #İstanbul 🤯#DIY😀#diy#", null));
        assertArrayEquals(new String[] {"\uD801\uDC28x", "other"}, byBytes(tags, "#\uD801\uDC00X", null));
        assertArrayEquals(new String[] {"", "other"}, byBytes(tags, "#", null));
    }

    @Test
    void randomCaptionsGiveWhatTheirTextGives() {
        SplittableRandom rnd = new SplittableRandom(20261205);
        String[] pieces = {"#", "#", "#", "a", "Z", "q", "7", "_", " ", ",", ".", "-", "é", "É", "ß", "İ", "東", "🤯",
                "\u0301", "\uFF11", "\u00B2", "Ⅻ", "ǅ", "ﬁ", "Σ", "\u3000", "\u00A0", "funny", "HowTo", "tips",
                "recipe", "𐐀"};
        String[] givenTypes = {null, "", " ", "vlog", " review "};
        CaptionTags tags = new CaptionTags(TYPES);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = rnd.nextInt(40);
            for (int k = 0; k < length; k++) {
                s.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String caption = s.toString();
            String type = givenTypes[rnd.nextInt(givenTypes.length)];
            assertArrayEquals(byText(caption, type), byBytes(tags, caption, type), "caption " + caption);
        }
    }

    @Test
    void tagsAndListsPastWhatIsKeptAreStillRight() {
        // More distinct tags and lists than the tables keep, seen twice each: the rest are made again, and all are
        // right. Kept ones come back as the same objects.
        CaptionTags tags = new CaptionTags(TYPES);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                String caption = "clip #t" + i + " #Howto #x" + (i % 97);
                assertArrayEquals(byText(caption, null), byBytes(tags, caption, null), caption);
            }
        }
        CaptionTags fresh = new CaptionTags(TYPES);
        String[] first = byBytes(fresh, "#kept #once", null);
        String[] again = byBytes(fresh, "again #KEPT #once", null);
        assertEquals("kept once", first[0]);
        assertSame(first[0], again[0]);
    }

    @Test
    void captionsWithManyTagsGiveWhatTheirTextGives() {
        CaptionTags tags = new CaptionTags(TYPES);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            s.append(" #tag").append(i % 23).append(i % 2 == 0 ? "" : " #Funny");
            String caption = s.toString();
            assertArrayEquals(byText(caption, null), byBytes(tags, caption, null), caption);
        }
    }
}
