package savescope.notebook;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import savescope.UserError;

/**
 * The dependency magics of Java kernels (IJava's {@code %maven}, {@code %mavenRepo}, {@code %jars},
 * {@code %classpath}), taken out of the cells before they run: Maven coordinates are resolved through JBang like
 * //DEPS, jars and folders go on the classpath. Any other magic stops the run before it starts, naming its cell.
 */
public final class Magics {
    /** IJava's names for adding Maven artifacts. */
    public static final Set<String> MAVEN = Set.of("maven", "addMavenDependency", "addMavenDependencies");
    private static final Set<String> CLASSPATH = Set.of("jars", "classpath");

    /** A line magic: its name and its space-separated arguments. */
    public record Line(String name, List<String> args) {
        /** The magic on this line, or null when it is code. */
        public static Line of(String line) {
            String s = line.strip();
            if (!s.startsWith("%") || s.startsWith("%%") || s.length() < 2 || !Character.isLetter(s.charAt(1))) {
                return null;
            }
            String[] parts = s.substring(1).split("\\s+");
            return new Line(parts[0], List.of(parts).subList(1, parts.length));
        }
    }

    /**
     * The cells with their magic lines blanked (so line numbers stay), and what the magics asked for.
     *
     * @param cells the cells to run
     * @param deps Maven coordinates from magics, in order (the //DEPS lines stay in {@code cells.deps()})
     * @param repos Maven repositories as JBang's {@code id=url}
     * @param classpath jar files and folders, absolute
     */
    public record Extracted(PercentFormat.Parsed cells, List<String> deps, List<String> repos, List<String> classpath) {}

    private Magics() {}

    /**
     * Takes the dependency magics out of the code cells.
     *
     * @param base the folder that relative jar paths start from (the notebook's)
     * @param cellRelative whether cells count their lines from 1 (an .ipynb) rather than by file line (a .jsh)
     * @throws UserError naming the cell for a magic SaveScope does not run, or a jar path that
     *     matches nothing
     */
    public static Extracted extract(PercentFormat.Parsed nb, Path base, boolean cellRelative) {
        List<PercentFormat.SourceCell> out = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        List<String> repos = new ArrayList<>();
        List<String> classpath = new ArrayList<>();
        int number = 0;
        for (PercentFormat.SourceCell c : nb.cells()) {
            number++;
            if (!c.isCode()) {
                out.add(c);
                continue;
            }
            String[] lines = c.source().split("\n", -1);
            boolean changed = false;
            boolean inTextBlock = false;
            for (int i = 0; i < lines.length; i++) {
                // A line of a text block ("%d saves") is a string, not a magic.
                boolean wasInTextBlock = inTextBlock;
                if (textBlockQuotes(lines[i]) % 2 == 1) {
                    inTextBlock = !inTextBlock;
                }
                if (wasInTextBlock) {
                    continue;
                }
                String where = nb.file() + (cellRelative ? ": cell " + number + ", line " + (i + 1)
                        : ":" + (c.line() + i) + ": cell " + number);
                String s = lines[i].strip();
                if (s.startsWith("%%")) {
                    throw new UserError(where + ": the cell magic " + s.split("\\s+")[0] + " is not "
                            + "supported; SaveScope runs Java code with the line magics %maven, %mavenRepo, %jars and "
                            + "%classpath (or //DEPS lines)");
                }
                Line magic = Line.of(lines[i]);
                if (magic == null) {
                    continue;
                }
                if (MAVEN.contains(magic.name())) {
                    deps.addAll(magic.args());
                } else if (magic.name().equals("mavenRepo") && magic.args().size() == 2) {
                    repos.add(magic.args().get(0) + "=" + magic.args().get(1));
                } else if (CLASSPATH.contains(magic.name())) {
                    for (String glob : magic.args()) {
                        classpath.addAll(expand(base, glob, where));
                    }
                } else {
                    throw new UserError(where + ": the magic %" + magic.name() + " is not supported; "
                            + "SaveScope runs Java code with the line magics %maven, %mavenRepo, %jars and %classpath "
                            + "(or //DEPS lines)");
                }
                lines[i] = "";
                changed = true;
            }
            out.add(changed ? new PercentFormat.SourceCell(c.type(), String.join("\n", lines), c.tags(), c.line()) : c);
        }
        return new Extracted(new PercentFormat.Parsed(nb.file(), nb.header(), out, nb.deps()), deps, repos, classpath);
    }

    private static int textBlockQuotes(String line) {
        int n = 0;
        for (int at = line.indexOf("\"\"\""); at >= 0; at = line.indexOf("\"\"\"", at + 3)) {
            n++;
        }
        return n;
    }

    /** A simple glob (a {@code *} in the last part) to the files it names; a folder stands for its jars. */
    static List<String> expand(Path base, String glob, String where) {
        Path pattern = base.resolve(glob).normalize();
        List<String> out = new ArrayList<>();
        String last = pattern.getFileName() == null ? "" : pattern.getFileName().toString();
        if (last.contains("*") || last.contains("?")) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + last);
            try (Stream<Path> files = Files.list(pattern.getParent())) {
                files.filter(p -> m.matches(p.getFileName())).sorted().forEach(p -> out.add(p.toString()));
            } catch (IOException e) {
                // Reported below as matching nothing.
            }
        } else if (Files.isDirectory(pattern)) {
            try (Stream<Path> files = Files.list(pattern)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> out.add(p.toString()));
            } catch (IOException e) {
                // Reported below as matching nothing.
            }
            out.add(0, pattern.toString());
        } else if (Files.exists(pattern)) {
            out.add(pattern.toString());
        }
        if (out.isEmpty()) {
            throw new UserError(where + ": %jars " + glob + ": no such file (looked for "
                    + pattern + ")");
        }
        return out;
    }
}
