package savescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages form one-way layers: each imports only the packages below it. Imports and fully qualified names
 * in code both count; comments and string literals do not. Libraries imported directly are declared.
 */
class ArchitectureTest {

    /**
     * What each package may use, bottom to top. The root package holds utilities that use nothing of ours;
     * {@code model} is the canonical data and the load report; {@code cells} is the cell model and number
     * formatting; {@code render} turns any notebook of cells into pages and knows nothing of the built-in
     * report or of the notebook runner.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("model", Set.of("")),
            Map.entry("load", Set.of("", "model")),
            Map.entry("metrics", Set.of("", "model")),
            Map.entry("spark", Set.of("", "model", "load", "metrics")),
            Map.entry("cells", Set.of("", "model")),
            Map.entry("charts", Set.of("", "model", "metrics", "cells")),
            Map.entry("notebook", Set.of("", "model", "metrics", "cells", "charts")),
            Map.entry("report", Set.of("", "model", "metrics", "cells", "charts")),
            Map.entry("render", Set.of("", "model", "cells")),
            Map.entry("history", Set.of("", "model", "load", "metrics")),
            Map.entry("cli", Set.of("", "model", "load", "metrics", "spark", "cells", "charts", "notebook", "report",
                    "render", "history")),
            Map.entry("bench", Set.of("", "model", "load", "metrics", "cells", "charts", "notebook", "report", "render",
                    "history", "cli")));

    /** Top-level packages of libraries our code imports directly, and the artifact that must be declared. */
    static final Map<String, String> LIBRARIES = Map.ofEntries(
            Map.entry("tech.tablesaw", "tech.tablesaw:tablesaw-core"),
            Map.entry("org.knowm.xchart", "org.knowm.xchart:xchart"),
            Map.entry("de.erichseifert.vectorgraphics2d", "de.erichseifert.vectorgraphics2d:VectorGraphics2D"),
            Map.entry("it.unimi.dsi.fastutil", "it.unimi.dsi:fastutil"),
            Map.entry("com.fasterxml.jackson.databind", "com.fasterxml.jackson.core:jackson-databind"),
            Map.entry("com.fasterxml.jackson.core", "com.fasterxml.jackson.core:jackson-core"),
            Map.entry("com.fasterxml.jackson.annotation", "com.fasterxml.jackson.core:jackson-annotations"),
            Map.entry("org.apache.poi", "org.apache.poi:poi"),
            Map.entry("org.apache.poi.xssf", "org.apache.poi:poi-ooxml"),
            Map.entry("org.openxmlformats.schemas", "org.apache.poi:poi-ooxml-lite"),
            Map.entry("org.apache.commons.math3", "org.apache.commons:commons-math3"),
            Map.entry("org.commonmark", "org.commonmark:commonmark"),
            Map.entry("freemarker", "org.freemarker:freemarker"),
            Map.entry("picocli", "info.picocli:picocli"),
            Map.entry("me.tongfei.progressbar", "me.tongfei:progressbar"),
            Map.entry("org.objectweb.asm", "org.ow2.asm:asm"),
            Map.entry("org.junit.jupiter", "org.junit.jupiter:junit-jupiter"),
            Map.entry("org.junit.platform", "org.junit.platform:junit-platform-launcher"),
            Map.entry("com.networknt.schema", "com.networknt:json-schema-validator"),
            Map.entry("org.apache.spark", "org.apache.spark:spark-sql_2.13"));

    static final Path SOURCES = Path.of("scripts", "savescope");
    /** The Spark engine and its command, kept apart so that only report-spark compiles them with Spark. */
    static final Path SPARK_SOURCES = Path.of("scripts", "spark", "savescope");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        List<String> wrong = new ArrayList<>(violations(SOURCES));
        wrong.addAll(violations(SPARK_SOURCES));
        assertTrue(wrong.isEmpty(), "imports against the layers:\n" + String.join("\n", wrong));
    }

    @Test
    void everyPackageIsPlacedInTheLayers() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            List<String> unplaced = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(p -> !MAY_USE.containsKey(p)).toList();
            assertTrue(unplaced.isEmpty(), "packages with no place in ArchitectureTest.MAY_USE: " + unplaced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The check catches a back-edge: the fixture's model class imports the report and calls the CLI. */
    @Test
    void aDeliberateBackEdgeIsCaught() {
        List<String> wrong = violations(Path.of("tests", "fixtures", "arch", "savescope"));
        assertEquals(List.of(
                "savescope.cells.Badge uses savescope.render (line 9)",
                "savescope.model.Summary uses savescope.cli (line 12)",
                "savescope.model.Summary uses savescope.report (line 3)"), wrong);
    }

    @Test
    void commentsAndStringsAreNotCode() {
        String code = code("""
                // savescope.report.SaveReport in a comment
                /* savescope.cli.Cli */ String s = "savescope.render.HtmlReport";
                char c = '"'; var t = savescope.metrics.Totals.of(null);""");
        assertEquals(List.of("metrics"), uses(code).stream().map(u -> u.pkg).toList());
    }

    @Test
    void everyLibraryImportedDirectlyIsDeclared() throws IOException {
        String declared = Files.readString(SOURCES.resolve("Deps.java")) + Files.readString(Path.of("tests",
                "TestRunner.java")) + Files.readString(Path.of("scripts", "spark", "SparkDeps.java"));
        Set<String> missing = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        Pattern imp = Pattern.compile("^import (?:static )?([a-z][\\w.]*)\\.", Pattern.MULTILINE);
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("scripts")), Files.walk(Path.of("tests",
                "savescope")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = imp.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(1);
                    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                            || name.startsWith("savescope") || name.startsWith("org.w3c.") || name.startsWith("org.xml.")) {
                        continue;
                    }
                    String artifact = artifactOf(name);
                    if (artifact == null) {
                        unknown.add(name + " in " + f);
                    } else if (!declared.contains("//DEPS " + artifact + ":")) {
                        missing.add(artifact + " (imported as " + name + " in " + f + ")");
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "imports from a library not in ArchitectureTest.LIBRARIES: " + unknown);
        assertTrue(missing.isEmpty(), "imported but not declared with //DEPS: " + missing);
    }

    /** The artifact of the longest library prefix of {@code packageName}, or null. */
    static String artifactOf(String packageName) {
        String best = null;
        for (String prefix : LIBRARIES.keySet()) {
            if ((packageName.equals(prefix) || packageName.startsWith(prefix + "."))
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : LIBRARIES.get(best);
    }

    /** "a.b.C uses savescope.x (line n)" for each first use of a package its layer may not use. */
    static List<String> violations(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f.getParent()).toString().replace('\\', '/');
                String pkg = rel.isEmpty() ? "" : rel.split("/")[0];
                Set<String> allowed = MAY_USE.getOrDefault(pkg, Set.of());
                String code = code(Files.readString(f));
                String cls = "savescope." + (rel.isEmpty() ? "" : rel.replace('/', '.') + ".")
                        + f.getFileName().toString().replace(".java", "");
                Set<String> seen = new TreeSet<>();
                for (Use u : uses(code)) {
                    if (!u.pkg.equals(pkg) && !allowed.contains(u.pkg) && seen.add(u.pkg)) {
                        out.add(cls + " uses savescope." + u.pkg + " (line " + u.line + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    record Use(String pkg, int line) {}

    static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])savescope\\.([a-z]+)\\.[A-Za-z*]");

    static List<Use> uses(String code) {
        List<Use> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            if (MAY_USE.containsKey(m.group(1))) {
                int line = 1;
                for (int i = 0; i < m.start(); i++) {
                    line += code.charAt(i) == '\n' ? 1 : 0;
                }
                if (!code.startsWith("package", lineStart(code, m.start()))) {
                    out.add(new Use(m.group(1), line));
                }
            }
        }
        return out;
    }

    private static int lineStart(String code, int at) {
        int i = code.lastIndexOf('\n', at);
        return i + 1;
    }

    /** The source with comments, string and character literals blanked, line breaks kept. */
    static String code(String source) {
        StringBuilder b = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                keepLines(b, source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                keepLines(b, source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                b.append(' ');
                i = Math.min(n, j + 1);
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static void keepLines(StringBuilder b, String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                b.append('\n');
            }
        }
    }
}
