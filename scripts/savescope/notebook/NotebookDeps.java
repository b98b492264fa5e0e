package savescope.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import savescope.UserError;

/**
 * Resolves a notebook's own {@code //DEPS} to classpath entries by asking JBang ({@code jbang info classpath}), the
 * same resolver a plain {@code jbang notebook.jsh} run uses.
 */
public final class NotebookDeps {
    /** The line that gives a plain JBang run the SaveScope library; the runner already has it. */
    static final String SAVESCOPE_SCRIPT = "notebook.java";

    private NotebookDeps() {}

    /** The //DEPS entries the runner must resolve: all but the SaveScope entry script. */
    public static List<String> needed(PercentFormat.Parsed nb) {
        List<String> out = new ArrayList<>();
        for (String d : nb.deps()) {
            String name = d.substring(d.lastIndexOf('/') + 1);
            if (!name.equals(SAVESCOPE_SCRIPT)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The classpath entries the notebook's //DEPS add to what the runner already has.
     *
     * @param notebookDir the notebook's folder (relative script references are resolved against it)
     * @param jbang the JBang command to run, or null when none was found
     * @throws IllegalArgumentException when the deps cannot be resolved, saying why and what to do
     */
    public static List<String> resolve(List<String> deps, Path notebookDir, List<String> jbang, String file) {
        return resolve(deps, List.of(), notebookDir, jbang, file);
    }

    /**
     * As {@link #resolve(List, Path, List, String)}, looking in more Maven repositories as well.
     *
     * @param repos repositories as JBang's //REPOS takes them ({@code id=url})
     */
    public static List<String> resolve(List<String> deps, List<String> repos, Path notebookDir, List<String> jbang,
            String file) {
        if (deps.isEmpty()) {
            return List.of();
        }
        if (jbang == null) {
            throw new UserError(file + ": declares //DEPS " + String.join(" ", deps) + ", and resolving "
                    + "them needs JBang, which was not found; run from the SaveScope folder (./jbang), put jbang on "
                    + "the PATH, or set SAVESCOPE_JBANG to its path");
        }
        try {
            Path script = Files.createTempFile("savescope-notebook-deps", ".jsh");
            try {
                StringBuilder b = new StringBuilder();
                if (!repos.isEmpty()) {
                    // Listing any repository replaces JBang's default, so Maven Central is named first.
                    b.append("//REPOS mavencentral");
                    repos.forEach(r -> b.append(',').append(r));
                    b.append('\n');
                }
                for (String d : deps) {
                    boolean gav = d.matches("[^:/\\\\]+:[^:/\\\\]+:[^/\\\\]+") && !d.endsWith(".java");
                    String ref = gav ? d : notebookDir.resolve(d).toAbsolutePath().normalize().toString();
                    if (!gav) {
                        // "info classpath" names a script dependency's jar without building it.
                        jbang(jbang, List.of("build", "--quiet", ref), deps, file);
                    }
                    b.append("//DEPS ").append(ref).append('\n');
                }
                Files.writeString(script, b.toString(), StandardCharsets.UTF_8);
                return notYetOnClasspath(jbang(jbang, List.of("info", "classpath", "--quiet", script.toString()), deps, file));
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UserError(file + ": could not run JBang to resolve //DEPS (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(file + ": interrupted while resolving //DEPS", e);
        }
    }

    /** Runs JBang and returns the last line it printed; its reason when it fails. */
    private static String jbang(List<String> jbang, List<String> args, List<String> deps, String file)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(jbang);
        cmd.addAll(args);
        // One merged stream: with --quiet, success prints only the answer and failure only the reason.
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String lastLine = text.lines().reduce((a, z) -> z).orElse("");
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new UserError(file + ": could not resolve //DEPS " + String.join(" ", deps)
                    + (lastLine.isEmpty() ? "" : ": " + lastLine));
        }
        return lastLine;
    }

    /** Entries whose jar is not on the running classpath already (by file name, so one version of each jar wins). */
    static List<String> notYetOnClasspath(String classpath) {
        Set<String> have = new HashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            have.add(Path.of(e).getFileName() == null ? e : Path.of(e).getFileName().toString());
        }
        List<String> out = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e);
            String name = p.getFileName() == null ? e : p.getFileName().toString();
            if (!have.contains(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** How to run JBang here: $SAVESCOPE_JBANG, ./jbang in the current folder, or jbang on the PATH; null if none. */
    public static List<String> findJBang() {
        String env = System.getenv("SAVESCOPE_JBANG");
        if (env != null && !env.isBlank()) {
            return List.of(env);
        }
        Path local = Path.of("jbang");
        if (Files.isRegularFile(local) && Files.isExecutable(local)) {
            return List.of(local.toAbsolutePath().toString());
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "jbang");
                if (Files.isExecutable(candidate)) {
                    return List.of(candidate.toString());
                }
            }
        }
        return null;
    }
}
