package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipe given as input may wait for its writer without end: the run says so before it opens the pipe. */
class PipeNoticeTest {
    private static final Path GOLDEN = Path.of("tests/fixtures/golden/videos.csv");

    @TempDir
    Path dir;

    /** The report's run with what it printed on the process's stderr, where the loader speaks. */
    private record Captured(OutputSafetyTest.Run run, String stderr) {}

    private static Captured report(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            OutputSafetyTest.Run r = OutputSafetyTest.report(args);
            return new Captured(r, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void saysItWaitsForThePipeBeforeOpeningIt() throws Exception {
        Path fifo = OutputPlanTest.mkfifo(dir.resolve("feed.csv"));
        byte[] export = Files.readAllBytes(GOLDEN);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, export);
            } catch (IOException e) {
                // The run below then fails and says why.
            }
        });
        writer.setDaemon(true);
        writer.start();
        Captured c = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> report(fifo.toString(), "-o", dir.resolve("r.html").toString(), "--no-index"));
        writer.join(5000);
        assertEquals(0, c.run().code(), c.run().err());
        assertEquals("reading from the pipe " + fifo + ": waiting for data (Ctrl-C to stop)\n", c.stderr());
    }

    @Test
    void saysNothingOfTheKindForAPlainFile() {
        Captured c = report(GOLDEN.toString(), "-o", dir.resolve("r.html").toString(), "--no-index");
        assertEquals(0, c.run().code(), c.run().err());
        assertEquals("", c.stderr());
    }
}
