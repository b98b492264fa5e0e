package savescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTimerTest {
    private static final List<String> SHELL = List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3");

    @Test
    void capturesOutputAndExitCodeWithGnuTime() throws Exception {
        assumeTrue(ProcessTimer.hasGnuTime(), "/usr/bin/time is not installed");
        ProcessTimer.Measurement m = ProcessTimer.run(SHELL, Path.of(""), Map.of(), true);
        assertEquals(3, m.exitCode());
        assertEquals("out\n", m.stdout());
        assertTrue(m.stderr().startsWith("err\n"), m.stderr());
        assertTrue(m.wallSeconds() > 0);
        assertTrue(m.cpuSeconds() >= 0, "CPU seconds from /usr/bin/time: " + m.cpuSeconds());
        assertTrue(m.peakRssKib() > 0);
    }

    @Test
    void pollsProcForThePeakWithoutGnuTime() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        // Long enough for several 20 ms polls to see the shell.
        ProcessTimer.Measurement m = ProcessTimer.run(List.of("/bin/sh", "-c", "sleep 0.2; exit 3"), Path.of(""),
                Map.of(), false);
        assertEquals(3, m.exitCode());
        assertTrue(Double.isNaN(m.cpuSeconds()));
        assertTrue(m.peakRssKib() > 0, "peak " + m.peakRssKib());
        assertTrue(m.wallSeconds() >= 0.2);
    }
}
