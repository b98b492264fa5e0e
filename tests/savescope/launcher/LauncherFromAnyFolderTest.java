package savescope.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./jbang started from another folder, and without HOME: the aliases still work and paths stay the user's. */
class LauncherFromAnyFolderTest {
    @TempDir
    Path elsewhere;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void bashIsThere() {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "./jbang is a bash script");
    }

    Run jbang(boolean withHome, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("jbang").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectError(elsewhere.resolve("stderr.txt").toFile());
        if (!withHome) {
            pb.environment().keySet().removeAll(List.of("HOME", "SAVESCOPE_CACHE", "XDG_CACHE_HOME"));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Run(code, out, Files.readString(elsewhere.resolve("stderr.txt")));
    }

    @Test
    void relativeInputsAndTheReportStayInTheCurrentFolder() throws Exception {
        Files.createDirectories(elsewhere.resolve("in"));
        Files.copy(Path.of("tests/fixtures/golden/videos.csv"), elsewhere.resolve("in/videos.csv"));
        Run r = jbang(true, "report", "in/videos.csv", "--no-index");
        assertEquals(0, r.code(), r.err());
        assertEquals("reports/videos.html", r.out().strip());
        assertTrue(Files.readString(elsewhere.resolve("reports/videos.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void withoutInputElsewhereTheBundledSampleIsReportedAndSaid() throws Exception {
        Run r = jbang(true, "report", "--no-index");
        assertEquals(0, r.code(), r.err());
        assertEquals("reports/sample.html", r.out().strip());
        assertTrue(r.err().contains("note: no INPUT and no data/sample/ here: reporting on SaveScope's bundled sample in "
                + Path.of("data/sample").toAbsolutePath()), r.err());
        assertTrue(Files.size(elsewhere.resolve("reports/sample.html")) > 100_000);
    }

    @Test
    void withoutHomeTheCacheComesFromTheUserDatabaseAndIsNamed() throws Exception {
        Run r = jbang(false, "report", "--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("SaveScope 0.1", r.out().strip());
        assertTrue(r.err().startsWith("savescope: HOME is not set; caching in /"), r.err());
    }
}
