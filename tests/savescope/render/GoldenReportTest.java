package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/**
 * The sample page's HTML against a reviewed snapshot, so an unintended change to the report shows up as a
 * short diff. Update after an intended change with {@code SAVESCOPE_UPDATE_GOLDEN=1 ./jbang test GoldenReportTest}.
 */
class GoldenReportTest {
    static final Path FIXTURE = Path.of("tests", "fixtures", "golden", "videos.csv");
    static final Path GOLDEN = Path.of("tests", "fixtures", "golden", "report.html");
    static final String CLOCK = "2025-01-31T12:00:00Z";
    static final String UPDATE_COMMAND = "SAVESCOPE_UPDATE_GOLDEN=1 ./jbang test GoldenReportTest";

    @TempDir
    Path dir;

    @Test
    void reportMatchesTheGoldenSnapshot() throws Exception {
        String actual = normalize(render(Locale.ROOT));
        boolean update = "1".equals(System.getenv("SAVESCOPE_UPDATE_GOLDEN"))
                || Boolean.getBoolean("savescope.updateGolden");
        if (update) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            System.out.println("updated " + GOLDEN + "; review the diff and commit it");
            return;
        }
        if (!Files.exists(GOLDEN)) {
            fail(GOLDEN + " is missing; make it with: " + UPDATE_COMMAND);
        }
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!expected.equals(actual)) {
            fail(diff(expected, actual) + "\nIf the change is intended, run: " + UPDATE_COMMAND);
        }
    }

    @Test
    void reportDoesNotDependOnTheDefaultLocale() throws Exception {
        // Numbers and dates must read the same on a German or Turkish machine as anywhere else.
        String neutral = render(Locale.ROOT);
        assertEquals(neutral, render(Locale.GERMANY));
        assertEquals(neutral, render(Locale.forLanguageTag("tr-TR")));
    }

    private String render(Locale locale) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            Path out = dir.resolve("golden-" + locale.toLanguageTag() + ".html");
            CommandLine cl = Cli.commandLine(new ReportCommand());
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(FIXTURE.toString(), "-o", out.toString(), "--generated-at", CLOCK, "--no-index");
            assertEquals(0, code, err.toString());
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Locale.setDefault(before);
        }
    }

    private static final Pattern INLINE = Pattern.compile("(<(style|script)>)(.*?)(</\\2>)", Pattern.DOTALL);
    private static final Pattern SVG = Pattern.compile("(<svg [^>]*>(?:<title>[^<]*</title>)?)(.*?)(</svg>)", Pattern.DOTALL);

    /**
     * Newlines made uniform; inline CSS and script replaced by their hash (they are reviewed as files); the
     * chart drawing dropped (glyph outlines depend on the fonts installed), keeping each chart's tag and title.
     */
    static String normalize(String html) throws Exception {
        String s = html.replace("\r\n", "\n");
        Matcher m = INLINE.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "/* " + m.group(3).length() + " chars, sha256 "
                    + sha256(m.group(3)).substring(0, 16) + " */" + m.group(4)));
        }
        m.appendTail(b);
        return SVG.matcher(b.toString()).replaceAll("$1<!-- chart drawing -->$3");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first differing line with three lines of context, and how many lines differ in all. */
    static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int first = 0;
        while (first < e.size() && first < a.size() && e.get(first).equals(a.get(first))) {
            first++;
        }
        int differing = 0;
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            if (i >= e.size() || i >= a.size() || !e.get(i).equals(a.get(i))) {
                differing++;
            }
        }
        StringBuilder b = new StringBuilder("report differs from " + GOLDEN + " at line " + (first + 1) + " ("
                + differing + " of " + Math.max(e.size(), a.size()) + " lines differ):\n");
        for (int i = Math.max(0, first - 3); i < first; i++) {
            b.append("  ").append(clip(e.get(i))).append('\n');
        }
        for (int i = first; i < Math.min(e.size(), first + 4); i++) {
            b.append("- ").append(clip(e.get(i))).append('\n');
        }
        for (int i = first; i < Math.min(a.size(), first + 4); i++) {
            b.append("+ ").append(clip(a.get(i))).append('\n');
        }
        return b.toString();
    }

    private static String clip(String line) {
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    @Test
    void diffPointsAtTheFirstChangedLine() {
        String d = diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");
        assertEquals("report differs from " + GOLDEN + " at line 3 (1 of 4 lines differ):\n  a\n  b\n- c\n- d\n+ X\n+ d\n", d);
    }
}
