package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --map, --compare and --types are read by picocli converters: a malformed value stops the run while the command
 * line is parsed, with exit code 2, nothing written, and the option's own message said once.
 */
class OptionConvertersTest {
    private static final String EXPORT = "tests/fixtures/public/handcopied-studio-content.csv";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--map|saves|--map \"saves\": expected FIELD=HEADER, e.g. --map saves=Favorites",
        "--map|favs=Favorites|--map \"favs=Favorites\": unknown field \"favs\"; expected one of [video_id, title, "
                + "posted_at, duration_s, views, likes, comments, shares, saves, content_type, hashtags, link, account]",
        "--compare|A=hook|--compare \"A=hook\": expected #hashtag, FROM..TO dates or variant:VALUE after \"=\", found \"hook\"",
        "--compare|A=2026-03-09..2026-03-01|--compare \"A=2026-03-09..2026-03-01\": the range ends (2026-03-01) before it starts (2026-03-09)",
        "--types|tutorial|--types \"tutorial\": expected TYPE=#tag1,#tag2 (for example tutorial=#howto,#tutorial)"})
    void aMalformedValueIsRefusedWithItsOwnMessage(String option, String value, String message) {
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(EXPORT, option, value, "-o", html.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message, r.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(html));
    }

    /** A programming error is not the user's input: it exits 1 and says so, where a UserError exits with its code. */
    @org.junit.jupiter.api.Test
    void onlyAUserErrorIsBlamedOnTheInput() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine bug = Cli.commandLine(new Throws(new IllegalArgumentException("index 3 out of range")));
        bug.setErr(new java.io.PrintWriter(err));
        assertEquals(savescope.ExitCode.FAILURE.code(), bug.execute());
        assertEquals("error: an unexpected internal failure: index 3 out of range (run with --verbose for details)",
                err.toString().strip());
        java.io.StringWriter err2 = new java.io.StringWriter();
        picocli.CommandLine user = Cli.commandLine(new Throws(new savescope.UserError("x.csv:3: expected a count")));
        user.setErr(new java.io.PrintWriter(err2));
        assertEquals(savescope.ExitCode.BAD_INPUT.code(), user.execute());
        assertEquals("error: x.csv:3: expected a count", err2.toString().strip());
    }

    @picocli.CommandLine.Command(name = "throws")
    record Throws(RuntimeException e) implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw e;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--map|saves=Favorites|--map|saves=Saved|--map \"saves=Saved\": saves is already read from \"Favorites\"; map each field once",
        "--compare|A=#hooka|--compare|A=#hookb|--compare \"A=#hookb\": the variant name \"A\" is already used by --compare \"A=#hooka\"; give each variant its own name"})
    void valuesThatClashAreRefusedTogether(String o1, String v1, String o2, String v2, String message) {
        Path html = dir.resolve("r.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(EXPORT, o1, v1, o2, v2, "-o", html.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message, r.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(html));
    }

    /** A command with an option of one of java.sql's types, which no SaveScope command has. */
    @picocli.CommandLine.Command(name = "sql")
    static final class SqlOption {
        @picocli.CommandLine.Option(names = "--at")
        java.sql.Timestamp at;
    }

    /**
     * Picocli skips its converters for java.sql's types in the command lines SaveScope makes (they cost every start
     * a reflective look at that module), but only while one is made: a notebook's cells run in the same JVM, and
     * their own picocli converts such types as anywhere else. A value the user set is left alone.
     */
    @org.junit.jupiter.api.Test
    void javaSqlConvertersAreSkippedOnlyWhileACommandLineIsMade() {
        String before = System.getProperty(Cli.CONVERTER_EXCLUDES);
        try {
            System.clearProperty(Cli.CONVERTER_EXCLUDES);
            picocli.CommandLine ours = Cli.commandLine(new SqlOption());
            assertThrows(picocli.CommandLine.MissingTypeConverterException.class,
                    () -> ours.parseArgs("--at", "2026-01-01 00:00:00"));
            assertNull(System.getProperty(Cli.CONVERTER_EXCLUDES));
            SqlOption cells = new SqlOption();
            new picocli.CommandLine(cells).parseArgs("--at", "2026-01-01 00:00:00");
            assertEquals(java.sql.Timestamp.valueOf("2026-01-01 00:00:00"), cells.at);

            ReportCommand report = new ReportCommand();
            Cli.commandLine(report).parseArgs("--generated-at", "2026-01-02T03:04:05Z", "in.csv");
            assertEquals("2026-01-02T03:04:05Z", report.common.now().toString());

            System.setProperty(Cli.CONVERTER_EXCLUDES, "");
            SqlOption chosen = new SqlOption();
            Cli.commandLine(chosen).parseArgs("--at", "2026-01-01 00:00:00");
            assertEquals(java.sql.Timestamp.valueOf("2026-01-01 00:00:00"), chosen.at);
            assertEquals("", System.getProperty(Cli.CONVERTER_EXCLUDES));
        } finally {
            if (before == null) {
                System.clearProperty(Cli.CONVERTER_EXCLUDES);
            } else {
                System.setProperty(Cli.CONVERTER_EXCLUDES, before);
            }
        }
    }
}
