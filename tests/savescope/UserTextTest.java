package savescope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void textThatCouldReorderItsSentenceIsSetApart() {
        // U+2068 FIRST STRONG ISOLATE opens, U+2069 POP DIRECTIONAL ISOLATE closes.
        assertEquals("\u2068\u202Erecipe\u2069", UserText.isolated("\u202Erecipe"), "a right-to-left override");
        assertEquals("\u2068وصفة\u2069", UserText.isolated("وصفة"), "Arabic letters");
        assertEquals("\u2068מתכון\u2069", UserText.isolated("מתכון"), "Hebrew letters");
        assertEquals("\u2068a\u2066b\u2069", UserText.isolated("a\u2066b"), "an isolate left open");
    }

    @Test
    void otherTextIsLeftAsItIs() {
        assertEquals("recipe", UserText.isolated("recipe"));
        assertEquals("Лена 日本 #howto 12", UserText.isolated("Лена 日本 #howto 12"));
        assertEquals(null, UserText.isolated(null));
    }
}
