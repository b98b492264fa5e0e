package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

class CommentThemesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "love this, thank you|1",
        "this is not good|-1",
        "tried it, way too dry|-1",
        "das ist so lecker|1",
        "c'est nul|-1",
        "quedó delicioso|1",
        "ficou ruim|-1",
        "best recipe on this app honestly 🤤|1",
        "what temperature for the oven?|0",
        "good but burnt|0"})
    void sentimentFromWordListsWithNegation(String text, int expected) {
        assertEquals(expected, CommentThemes.sentiment(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Saved!|true",
        "saving this for later|true",
        "guardado 🙌|true",
        "salvei pra fazer no domingo|true",
        "Gespeichert, danke|true",
        "enregistré !|true",
        "I have bookmarked it|true",
        "safe to freeze?|false",
        "unsaved changes lol|false",
        "savedd|false"})
    void savingPhrasesInFiveLanguages(String text, boolean expected) {
        assertEquals(expected, CommentThemes.speaksOfSaving(text));
    }

    @Test
    void summaryCountsSentimentSavingQuestionsAndRecurringTermsButNoMentions() {
        Table c = Canonical.emptyComments("c");
        add(c, "v1", "what oven temperature? @ruby.eats");
        add(c, "v1", "oven temperature please @ruby.eats");
        add(c, "v1", "Saved! love it @ruby.eats");
        add(c, "v2", "which oven temperature for fan ovens?");
        add(c, "v2", "   ");
        CommentThemes.Summary s = CommentThemes.summarize(c, 3, 10);
        assertEquals(4, s.comments(), "blank text is not a comment");
        assertEquals(1, s.positive());
        assertEquals(0, s.negative());
        assertEquals(1, s.aboutSaving());
        assertEquals(2, s.questions());
        assertEquals(0.25, s.share(s.aboutSaving()), 1e-12);
        // "oven", "temperature" and "oven temperature" are each in 3 comments; the single words add nothing.
        assertEquals(1, s.themes().size(), s.themes().toString());
        assertEquals(new CommentThemes.Theme("oven temperature", 3), s.themes().get(0));
        assertFalse(s.themes().toString().contains("ruby"), "mentions are never themes");
        assertEquals("v1", s.videos().get(0).id());
        assertEquals(3, s.videos().get(0).comments());
        assertEquals(1.0 / 3, s.videos().get(0).net(), 1e-12);
        assertTrue(Double.isNaN(new CommentThemes.VideoComments("x", 0, 0, 0, 0).net()));
    }

    static void add(Table c, String id, String text) {
        c.stringColumn(Canonical.VIDEO_ID).append(id);
        c.stringColumn(Canonical.TEXT).append(text);
        c.longColumn(Canonical.LIKES).append(0);
        c.instantColumn(Canonical.CREATED_AT).append(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
