package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built-in report stays readable: no method in report/ runs over {@link #MAX_LINES} lines. */
class MethodLengthTest {
    static final int MAX_LINES = 60;

    /** A method or constructor header at the start of a line, ending in an opening brace. */
    private static final Pattern HEADER = Pattern.compile(
            "^\\s+(?:(?:public|private|protected|static|final|synchronized|default|abstract)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\([^;{]*\\)\\s*(?:throws [\\w., ]+)?\\{\\s*$");

    @Test
    void noMethodInTheReportIsLong() throws IOException {
        List<String> longOnes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("scripts", "savescope", "report"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                longOnes.addAll(longMethods(f.toString(), Files.readAllLines(f)));
            }
        }
        assertTrue(longOnes.isEmpty(), "methods over " + MAX_LINES + " lines:\n" + String.join("\n", longOnes));
    }

    @Test
    void aLongMethodIsFound() {
        List<String> lines = new ArrayList<>();
        lines.add("final class X {");
        lines.add("    static int f(int a) {");
        for (int i = 0; i < MAX_LINES; i++) {
            lines.add("        a += " + i + ";");
        }
        lines.add("        return a;");
        lines.add("    }");
        lines.add("    void g() {");
        lines.add("    }");
        lines.add("}");
        assertEquals(List.of("X.java:2 f: 63 lines"), longMethods("X.java", lines));
    }

    /** "file:line name: N lines" for each method longer than the limit, counting its header and closing brace. */
    static List<String> longMethods(String file, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (!m.matches() || m.group(1).matches("if|for|while|switch|catch|synchronized|try|else|return|new")) {
                continue;
            }
            int depth = 0;
            int end = i;
            for (int j = i; j < lines.size(); j++) {
                depth += braces(lines.get(j));
                if (depth == 0) {
                    end = j;
                    break;
                }
            }
            int length = end - i + 1;
            if (length > MAX_LINES) {
                out.add(Path.of(file).getFileName() + ":" + (i + 1) + " " + m.group(1) + ": " + length + " lines");
            }
        }
        return out;
    }

    /** Opening minus closing braces outside string and character literals. */
    private static int braces(String line) {
        int d = 0;
        char quote = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                break;
            } else if (c == '{') {
                d++;
            } else if (c == '}') {
                d--;
            }
        }
        return d;
    }
}
