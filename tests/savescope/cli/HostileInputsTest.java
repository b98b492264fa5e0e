package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: inputs and options made to break the report, each of which must give a whole report or a clear refusal. */
class HostileInputsTest {
    private static final Path FIXTURES = Path.of("tests/fixtures/hostile");
    /** "NaN" as a value; the page's own script calls {@code isNaN}, which is not one. */
    private static final Pattern NAN = Pattern.compile("(?<!is)NaN");

    @TempDir
    Path dir;

    @Test
    void moreSavesThanViewsGivesNoNaNAndNoCrash() throws Exception {
        Path tables = dir.resolve("tables");
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        OutputSafetyTest.Run run = OutputSafetyTest.report(FIXTURES.resolve("saves-over-views.csv").toString(),
                "-o", html.toString(), "--json", json.toString(), "--data-dir", tables.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(NAN.matcher(Files.readString(html)).find(), "no NaN in the page");
        assertFalse(NAN.matcher(Files.readString(json)).find(), "no NaN in the JSON");
        try (Stream<Path> csv = Files.list(tables)) {
            for (Path f : csv.toList()) {
                assertFalse(NAN.matcher(Files.readString(f)).find(), f + " has no NaN");
            }
        }
        // The video posted at 16:00 is alone in its hour with 9 saves of 7 views: a rate, but no interval.
        String hours = Files.readString(tables.resolve("by-weekday-and-hour-posted-2.csv"));
        assertTrue(hours.contains("\r\n16,1,7,9,1.2857142857142858,–,"), hours);
    }

    /**
     * A JSON export may escape half of a UTF-16 pair on its own ({@code "\\ud83d"}), which UTF-8 cannot hold: the
     * page and the JSON are still written, each lone half shown as U+FFFD and a whole pair (🍞) kept.
     */
    @Test
    void loneSurrogatesInTitlesAreWrittenAsReplacementCharacters() throws Exception {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        OutputSafetyTest.Run run = OutputSafetyTest.report(FIXTURES.resolve("lone-surrogates.json").toString(),
                "-o", html.toString(), "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Sourdough \uFFFD basics #bread"), "the high half alone");
        assertTrue(page.contains("Crumb shot \uFFFD #bread"), "the low half alone");
        assertTrue(page.contains("Starter feeding \uD83C\uDF5E #bread"), "a whole pair");
        String numbers = Files.readString(json);
        assertTrue(numbers.contains("\"title\" : \"Sourdough \uFFFD basics #bread\""), numbers);
        assertTrue(numbers.contains("\"title\" : \"Starter feeding \uD83C\uDF5E #bread\""), numbers);
    }

    /**
     * Control characters a JSON export escapes in a title (an escape sequence that retitles a terminal or clears
     * it, a bell, a NUL, a C1 control) reach no page or CSV as they are: each shows as U+FFFD, a tab stays, and
     * the JSON keeps them escaped.
     */
    @Test
    void controlCharactersInTitlesReachNoPageOrCsvRaw() throws Exception {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        Path tables = dir.resolve("tables");
        OutputSafetyTest.Run run = OutputSafetyTest.report(FIXTURES.resolve("control-characters.json").toString(),
                "-o", html.toString(), "--json", json.toString(), "--data-dir", tables.toString());
        assertEquals(0, run.code(), run.err());
        Pattern raw = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
        String page = Files.readString(html);
        assertFalse(raw.matcher(page).find(), "a control character in the page");
        assertTrue(page.contains("Sourdough \uFFFD]0;renamed\uFFFD basics #bread"), "escape and bell");
        assertTrue(page.contains("Starter \uFFFDfeeding\uFFFD #bread"), "NUL and U+0085");
        try (Stream<Path> csv = Files.list(tables)) {
            for (Path f : csv.toList()) {
                assertFalse(raw.matcher(Files.readString(f)).find(), "a control character in " + f);
            }
        }
        assertTrue(Files.readString(tables.resolve("videos.csv")).contains("Tab\tkept #bread"), "a tab is kept");
        String numbers = Files.readString(json);
        assertTrue(numbers.contains("Crumb \\u001B[2J\\u001B[31mshot #bread"), numbers);
        // DEL and the C1 controls, which Jackson writes as they are, are escaped too: kept, and none raw.
        assertTrue(numbers.contains("Starter \\u0000feeding\\u0085 #bread"), numbers);
        assertFalse(raw.matcher(numbers).find(), "a control character in the JSON");
    }

    /**
     * A value that ends the run quotes an escape sequence (one that retitles the terminal): the error line shows
     * it escaped, and so does the stack trace that --verbose (which the error line suggests) adds.
     */
    @Test
    void verboseStackTracesShowNoRawControlCharacters() throws Exception {
        Path export = dir.resolve("export.json");
        Files.writeString(export, "{\"data\": {\"videos\": [{\"id\": \"7460000000000000301\", \"video_description\": \"t\","
                + " \"view_count\": \"a\\u001b]0;pwned\\u0007\\u009bb\"}]}}");
        OutputSafetyTest.Run run = OutputSafetyTest.report(export.toString(), "-o", dir.resolve("r.html").toString(),
                "--verbose");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("a\\u001B]0;pwned\\u0007\\u009Bb"), run.err());
        assertTrue(run.err().contains("\tat savescope."), "the trace is there, indented: " + run.err());
        assertFalse(Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]").matcher(run.err()).find(), run.err());
    }

    @Test
    void aBlankTitleIsRefusedBeforeAnyWork() {
        Path html = dir.resolve("r.html");
        for (String title : new String[] {"", "   ", "\u00a0\u200b\t"}) {
            OutputSafetyTest.Run run = OutputSafetyTest.report(FIXTURES.resolve("saves-over-views.csv").toString(),
                    "-o", html.toString(), "--title", title);
            assertEquals(2, run.code(), "title \"" + title + "\": " + run.err());
            assertTrue(run.err().startsWith("error: --title: expected the report's title, found "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(Files.exists(html));
        }
    }

    @Test
    void aNameOfUpTo255BytesIsWrittenAndALongerOneRefusedBeforeAnyWork() throws Exception {
        String input = FIXTURES.resolve("saves-over-views.csv").toString();
        // 250 letters + ".html" = 255 bytes, the longest name; "é" is 2 bytes in UTF-8, so 125 of them, "b" and
        // ".html" are 250 + 1 + 5 = 256 bytes, though only 131 characters.
        Path longest = dir.resolve("a".repeat(250) + ".html");
        OutputSafetyTest.Run ok = OutputSafetyTest.report(input, "-o", longest.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(longest));
        Path tooLong = dir.resolve("é".repeat(125) + "b.html");
        OutputSafetyTest.Run refused = OutputSafetyTest.report(input, "-o", tooLong.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("is 256 bytes long; a name may have at most 255 bytes"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertFalse(refused.err().contains("report was written"), refused.err());
    }

    @Test
    void aRightToLeftOverrideInAContentTypeCannotReorderTheHeadline() throws Exception {
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run run = OutputSafetyTest.report(FIXTURES.resolve("rlo-type.csv").toString(), "-o",
                html.toString());
        assertEquals(0, run.code(), run.err());
        String page = Files.readString(html);
        // The type is U+202E and "recipe"; set apart by U+2068 ... U+2069, the override ends with the name, so the
        // rest of the sentence reads left to right.
        assertTrue(page.contains("<p class=\"headline\">\u2068\u202Erecipe\u2069 videos are saved 8.3x as often as "
                + "comedy"), page.substring(page.indexOf("class=\"headline\"")));
    }

    @Test
    void controlCharactersInAFileNameAreShownEscapedOnTheErrorsOneLine() throws Exception {
        Path input = Files.writeString(dir.resolve("bad\nname\t\u001b[31m.csv"), "video_id,views,saves\n1,abc,3\n");
        OutputSafetyTest.Run run = OutputSafetyTest.report(input.toString(), "-o", dir.resolve("r.html").toString());
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        // The name is written with \n, \t and \u001B where the characters are, both times it is named.
        String shown = dir + "/bad\\nname\\t\\u001B[31m.csv";
        assertTrue(run.err().startsWith("error: " + shown + ": no usable video rows"), run.err());
        assertTrue(run.err().contains(shown + ":2:2: column \"views\": expected a number, found \"abc\""), run.err());
    }

    @Test
    void oneLineEscapesControlsAndLeavesOtherTextAsItIs() {
        assertEquals("a\\nb\\rc\\td\\u001Be\\u202Ef\\u007F", Cli.oneLine("a\nb\rc\td\u001be\u202ef\u007f"));
        // Marks that reorder text, and the line and paragraph separators, are shown by their numbers too.
        assertEquals("x\\u200Fy\\u2028z\\u2029\\u061C", Cli.oneLine("x\u200fy\u2028z\u2029\u061c"));
        assertEquals("Лена café 日本 \"x\" 100%", Cli.oneLine("Лена café 日本 \"x\" 100%"));
    }
}
