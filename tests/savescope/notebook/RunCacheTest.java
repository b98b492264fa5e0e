package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cache}: a second run with nothing changed reuses the outputs and says so; each thing the key covers,
 * changed alone, runs the notebook again; touching a data file without changing it does not.
 */
class RunCacheTest {
    static final Pattern CACHED = Pattern.compile("cached: (.+) is up to date \\(key ([0-9a-f]{12}); notebook, "
            + "parameters, their files and SaveScope unchanged\\), nothing ran\n");

    @TempDir
    Path dir;

    /** A notebook that counts the lines of the file its parameter names. */
    Path notebook(String extra) throws Exception {
        return Files.writeString(dir.resolve("count.jsh"), "// %% tags=[\"parameters\"]\nString input = \"none\";\n"
                + "// %%\nFiles.readAllLines(Path.of(input)).size()" + extra + "\n");
    }

    NotebookCommandTest.Run run(Path nb, Path data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(nb.toString(), "-o", dir.resolve("out.html").toString(),
                "--cache", "--param", "input=" + data));
        args.addAll(List.of(more));
        return NotebookCommandTest.run(args.toArray(String[]::new));
    }

    static boolean cached(NotebookCommandTest.Run r) {
        return CACHED.matcher(r.err()).matches();
    }

    static String key(NotebookCommandTest.Run r) {
        Matcher m = CACHED.matcher(r.err());
        assertTrue(m.matches(), r.err());
        return m.group(2);
    }

    @Test
    void eachCauseRunsAgainAndNothingElseDoes() throws Exception {
        Path nb = notebook("");
        Path data = Files.writeString(dir.resolve("data.csv"), "a\nb\nc\n");
        NotebookCommandTest.Run first = run(nb, data);
        assertEquals(0, first.code(), first.err());
        assertFalse(cached(first), first.err());
        // Three code cells: parameters, the injected one, the count.
        assertTrue(first.err().startsWith("[1/3] cell 1"), "cells ran: " + first.err());
        Path ipynb = dir.resolve("out.ipynb");
        FileTime written = Files.getLastModifiedTime(ipynb);

        NotebookCommandTest.Run second = run(nb, data);
        assertEquals(0, second.code());
        String key = key(second);
        assertEquals(dir.resolve("out.html") + "\n" + ipynb + "\n", second.out(), "the outputs are named as after a run");
        assertEquals(written, Files.getLastModifiedTime(ipynb), "outputs left as they were");

        // Touching the data file changes its time, not its bytes: the key is of contents, so the outputs stand.
        Files.setLastModifiedTime(data, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(key, key(run(nb, data)));

        Files.writeString(data, "a\nb\nc\nd\n");
        NotebookCommandTest.Run changedData = run(nb, data);
        assertFalse(cached(changedData), "a changed data file runs again");
        assertTrue(Files.readString(ipynb).contains("\"4\""), "and the new count is shown");
        String dataKey = key(run(nb, data));
        assertNotEquals(key, dataKey);

        Path other = Files.writeString(dir.resolve("other.csv"), "a\nb\nc\nd\n");
        assertFalse(cached(run(nb, other)), "another parameter value runs again, even with equal contents");
        assertTrue(cached(run(nb, other)));

        assertFalse(cached(run(nb, other, "--no-input")), "an option that changes the page runs again");

        notebook(" + 0");
        assertFalse(cached(run(nb, other)), "a changed notebook runs again");
        assertTrue(cached(run(nb, other)));

        Files.delete(dir.resolve("out.html"));
        assertFalse(cached(run(nb, other)), "a missing output runs again");
    }

    @Test
    void aFailedRunIsNotReused() throws Exception {
        Path nb = notebook("");
        Path missing = dir.resolve("missing.csv");
        assertEquals(1, run(nb, missing).code());
        NotebookCommandTest.Run again = run(nb, missing);
        assertEquals(1, again.code());
        assertFalse(cached(again), again.err());
    }

    @Test
    void theKeyCoversDefaultsTheirFilesAndTheVersion() throws Exception {
        Path data = Files.writeString(dir.resolve("d.csv"), "x\n");
        String params = "String input = \"" + data.toString().replace("\\", "\\\\") + "\";\nint top = 3;";
        String base = RunCache.key("nb", params, Map.of(), List.of(), List.of(), "SaveScope 0.1");
        assertEquals(64, base.length());
        assertEquals(base, RunCache.key("nb", params, Map.of(), List.of(), List.of(), "SaveScope 0.1"), "stable");
        assertNotEquals(base, RunCache.key("nb", params, Map.of(), List.of(), List.of(), "SaveScope 0.2"), "version");
        assertNotEquals(base, RunCache.key("nb", params, Map.of("top", "4"), List.of(), List.of(), "SaveScope 0.1"),
                "a given value");
        assertEquals(base, RunCache.key("nb", params, Map.of("top", "3"), List.of(), List.of(), "SaveScope 0.1"),
                "a given value equal to the default is the same run");
        Files.writeString(data, "y\n");
        assertNotEquals(base, RunCache.key("nb", params, Map.of(), List.of(), List.of(), "SaveScope 0.1"),
                "the contents of the file a default names");
        // A folder counts by its files' names and bytes.
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Files.writeString(folder.resolve("a.csv"), "1");
        String f1 = RunCache.contentDigest(folder);
        Files.writeString(folder.resolve("b.csv"), "2");
        String f2 = RunCache.contentDigest(folder);
        assertNotEquals(f1, f2, "a new file in the folder");
        Files.move(folder.resolve("b.csv"), folder.resolve("c.csv"));
        assertNotEquals(f2, RunCache.contentDigest(folder), "a renamed file");
        assertEquals("data/sample", RunCache.literal("\"data/sample\""));
        assertEquals("a\"b", RunCache.literal("Path.of(\"a\\\"b\")"));
        assertEquals("1000", RunCache.literal("1000"));
    }
}
