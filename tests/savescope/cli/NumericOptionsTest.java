package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every numeric option of report and notebook: a value out of range ends the run with code 2 before any work. */
class NumericOptionsTest {
    private static final String EXPORT = "tests/fixtures/public/handcopied-studio-content.csv";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--min-views|-5|--min-views: expected a number of views of 0 or more, found -5.",
        "--max-rows|-1|--max-rows: expected a number of table rows of 1 or more, found -1.",
        "--max-rows|0|--max-rows: expected a number of table rows of 1 or more, found 0.",
        "--min-segment|0|--min-segment: expected a number of people of 1 or more, found 0.",
        "--min-segment|-3|--min-segment: expected a number of people of 1 or more, found -3.",
        "--min-views|abc|--min-views: expected a whole number, found \"abc\".",
        "--max-rows|2.5|--max-rows: expected a whole number up to 2147483647, found \"2.5\".",
        "--max-rows|99999999999|--max-rows: expected a whole number up to 2147483647, found \"99999999999\"."})
    void reportRefusesAValueOutOfRangeAndWritesNothing(String option, String value, String message) {
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(EXPORT, option, value, "-o", html.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message, r.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(html));
    }

    @Test
    void theLowestAllowedValuesMakeAReport() throws Exception {
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(EXPORT, "--min-views", "0", "--max-rows", "1",
                "--min-segment", "1", "-o", html.toString(), "--no-index");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void helpSaysTheRangeOfEachNumber() {
        String help = OutputSafetyTest.report("--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("N of 0 or more"), help);
        assertTrue(help.contains("N of 1 or more; every video is in the --data-dir export"), help);
        assertTrue(help.contains("smaller than N people, N of 1 or more"), help);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1|-1", "0|0", "0.0001|0.0001", "Infinity|Infinity", "NaN|NaN", "31536001|31536001"})
    void notebookRefusesATimeoutItCannotKeep(String value, String shown) throws Exception {
        Path nb = Files.writeString(dir.resolve("n.jsh"), "// %%\nint a = 1;\n");
        Path html = dir.resolve("n.html");
        OutputSafetyTest.Run r = OutputSafetyTest.run(new NotebookCommand(), nb.toString(), "--cell-timeout", value,
                "-o", html.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --cell-timeout: expected a number of seconds from 0.001 to 31536000 (a year), found "
                + shown + ".\n", r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void notebookSaysWhatATimeoutLooksLike() {
        OutputSafetyTest.Run r = OutputSafetyTest.run(new NotebookCommand(), "n.jsh", "--cell-timeout", "ten");
        assertEquals(2, r.code());
        assertEquals("error: --cell-timeout: expected a number, e.g. 2.5, found \"ten\".", r.err().lines().findFirst()
                .orElse(""));
    }
}
