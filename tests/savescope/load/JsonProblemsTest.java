package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed JSON is told in plain words with its line and column; the parser's own terms never reach a user. */
class JsonProblemsTest {
    @TempDir
    Path dir;

    private static final String TAIL = "; expected complete JSON: an array of items, an API response, or one object "
            + "per line.";

    /** Each text with the message it must give after "FILE:line:column: the JSON ". */
    private static final Map<String, String> CASES = Map.ofEntries(
            Map.entry("[{\"a\":1", "1:8: is cut off inside an object"),
            Map.entry("[", "1:2: is cut off inside an array"),
            Map.entry("[{\"a\":\"abc", "1:11: is cut off inside a text value"),
            Map.entry("[{\"a\":1,}]", "1:9: has the unexpected character \"}\" where a key in double quotes should be"),
            Map.entry("[{a:1}]", "1:3: has the unexpected character \"a\" where a key in double quotes should be"),
            Map.entry("[{\"a\":1 \"b\":2}]", "1:9: has the unexpected character \"\"\" where a comma between object "
                    + "entries should be"),
            Map.entry("[1 2]", "1:4: has the unexpected character \"2\" where a comma between array entries should be"),
            Map.entry("[{\"a\":abc}]", "1:11: has the unexpected word \"abc\" where a value (text in double quotes, a "
                    + "number, true, false, null, an object or an array) should be"),
            Map.entry("[{\"a\":'x'}]", "1:7: has the unexpected character \"'\" where a value (text in double quotes, a "
                    + "number, true, false, null, an object or an array) should be"),
            Map.entry("[{\"a\":1]", "1:8: has \"]\" where \"}\" should close an object"),
            Map.entry("[{\"a\":\"x\ny\"}]", "1:9: has the control character 10 (unescaped) inside text in quotes, where "
                    + "it must be written as an escape such as \\n"),
            Map.entry("[{\"a\":\"\\q\"}]", "1:9: has the escape \"\\q\", which JSON does not know (expected \\\", \\\\, "
                    + "\\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits)"),
            Map.entry("[{\"a\":01}]", "1:8: has a number written with leading zeros"),
            Map.entry("[ // note\n{}]", "1:3: has the unexpected character \"/\" (a comment, which JSON does not allow)"),
            Map.entry("[{\"a\":-}]", "1:8: has the unexpected character \"}\" in a number"));

    @Test
    void everyParserProblemIsSaidInPlainWords() throws Exception {
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            Path p = dir.resolve("bad.json");
            Files.writeString(p, c.getKey(), StandardCharsets.UTF_8);
            String message = assertThrows(InputException.class,
                    () -> Loader.load(List.of(p), Loader.Options.defaults())).getMessage();
            // The column is the offending character's, counted by hand (1-based); a cut-off text is placed just
            // past its end, and an unknown word just past the character after it.
            String at = c.getValue().substring(0, c.getValue().indexOf(": "));
            String words = c.getValue().substring(at.length() + 2);
            assertEquals(p + ":" + at + ": the JSON " + words + TAIL, message, c.getKey());
            for (String jargon : List.of("Feature", "`", "code ", "JSON String", "marker", "CTRL", "Unexpected")) {
                assertFalse(message.contains(jargon), message);
            }
        }
    }

    @Test
    void anUnknownParserMessageStillSaysNothingOfTheParser() {
        assertEquals("is malformed", JsonProblems.describe("Something new (`JsonReadFeature.X` disabled)"));
    }
}
