package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs into one folder rebuild its index one after the other, so the later rebuild lists both reports. */
class ReportIndexLockTest {
    @TempDir
    Path dir;

    private void report(String name) throws Exception {
        Files.writeString(dir.resolve(name + ".html"), "<html><head><meta name=\"generator\" content=\"SaveScope\">"
                + "<meta name=\"savescope:generated\" content=\"2025-01-30 10:00 UTC\"><title>" + name
                + "</title></head></html>");
    }

    @Test
    void anotherProcessWaitsForTheLockAndThenSeesEveryReport() throws Exception {
        report("a");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other;
        try (ReportIndex.FolderLock held = ReportIndex.FolderLock.hold(dir)) {
            other = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                    IndexRebuild.class.getName(), dir.toString()).redirectErrorStream(true).start();
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream()));
            assertEquals("rebuilding", said.readLine());
            // Long enough for an unlocked rebuild of two tiny reports to have written the index.
            assertFalse(other.waitFor(3, TimeUnit.SECONDS), "the other run waits while this one holds the folder");
            assertFalse(Files.exists(dir.resolve("index.html")));
            report("b");
        }
        try {
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());
        } finally {
            other.destroyForcibly();
        }
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("href=\"a.html\"") && index.contains("href=\"b.html\""), index);
    }
}
