package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;
import savescope.cells.Output;

/** The run stays bounded: a cell that cannot be stopped ends it, and a cell that prints too much is trimmed. */
class OutputLimitsTest {
    static final String UNSTOPPABLE = "tests/fixtures/notebooks/unstoppable.jsh";
    static final String CATCHES_STOP = "tests/fixtures/notebooks/catches-stop.jsh";
    static final String FLOOD = "tests/fixtures/notebooks/flood.jsh";

    @TempDir
    Path dir;

    /** Lets the test run {@code ./jbang notebook} in a JVM of its own, as the stuck cell's thread outlives the run. */
    public static void main(String... args) {
        System.exit(Cli.run(new NotebookCommand(), args));
    }

    @Test
    void aCellThatCannotBeStoppedEndsTheRunWithItsOutputsWritten() throws Exception {
        Path html = dir.resolve("stuck.html");
        Path err = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutputLimitsTest.class.getName(), UNSTOPPABLE, "--cell-timeout", "2", "-o", html.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        // 2 s timeout + 5 s grace, plus JShell's start and compiles on a busy machine; before, the run never ended.
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the run ended");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), stderr);
        assertTrue(stderr.contains("[2/3] cell 2, line 5: could not be stopped; gave up after "), stderr);
        assertTrue(stderr.contains("error: " + UNSTOPPABLE + ":8: cell 2 failed: CellTimeout: could not be stopped "
                + "after 2 s\n"), stderr);
        assertTrue(Files.readString(html).contains("could not be stopped within 5 s more"));
        String ipynb = Files.readString(dir.resolve("stuck.ipynb"));
        assertTrue(ipynb.contains("\"ename\" : \"CellTimeout\""), ipynb);
        assertTrue(ipynb.contains("\"" + UNSTOPPABLE + ":8: still running here\""), ipynb);
        assertTrue(ipynb.contains("[ \"spinning\\n\" ]"), "what the cell printed before it was given up on stays");
        assertFalse(ipynb.contains("after\\n"), "the cell after it did not run");
    }

    @Test
    void aLoopThatCatchesTheStopIsStoppedAtItsNextRound() throws Exception {
        PercentFormat.Parsed nb = PercentFormat.parse(Files.readString(Path.of(CATCHES_STOP)), CATCHES_STOP);
        long start = System.nanoTime();
        NotebookRunner.Result r = NotebookRunner.run(nb, new NotebookRunner.Options(Map.of(), true,
                Duration.ofSeconds(2), List.of(), null));
        assertFalse(r.unstoppable());
        assertEquals(new NotebookRunner.Failure(1, 4, "CellTimeout", "stopped after 2 s"), r.firstFailure());
        assertEquals(List.of(new Output.Stream("stdout", "spinning\n"), new Output.Error("CellTimeout",
                "the cell ran longer than 2 s and was stopped (--cell-timeout)", List.of(CATCHES_STOP + ":4: stopped here"))),
                r.cells().get(0).outputs());
        assertEquals(List.of(new Output.Stream("stdout", "still alive\n")), r.cells().get(1).outputs());
        assertTrue(System.nanoTime() - start < 2e9 + NotebookRunner.STOP_GRACE.toNanos() + 30e9, "ended in time");
    }

    @Test
    void aCellKeepsTheStartOfEachStreamAndCountsTheRest() throws Exception {
        PercentFormat.Parsed nb = PercentFormat.parse(Files.readString(Path.of(FLOOD)), FLOOD);
        NotebookRunner.Result r = NotebookRunner.run(nb, new NotebookRunner.Options(Map.of(), false, null, List.of(),
                null));
        assertEquals(null, r.firstFailure());
        // 200,000 lines of 100 bytes: the first 10,000 lines (1,000,000 bytes) stay, 190,000 lines (19,000,000
        // bytes) are counted; stderr's own text is untouched.
        String line = "x".repeat(99) + "\n";
        assertEquals(List.of(new Output.Stream("stdout", line.repeat(10_000)),
                new Output.Stream("stdout", "[output trimmed: 19.0 MB more on stdout not shown (190,000 lines); a cell "
                        + "keeps the first 10,000 lines or 1.0 MB of each stream]\n"),
                new Output.Stream("stderr", "done\n")), r.cells().get(0).outputs());
        // "a" and 1,000,000 two-byte é: 2,000,001 bytes. 1,000,000 bytes would split the 500,000th é, so 999,999 stay
        // ("a" and 499,999 é) and 1,000,002 bytes are counted, one unfinished line.
        assertEquals(List.of(new Output.Stream("stderr", "a" + "é".repeat(499_999)),
                new Output.Stream("stderr", "[output trimmed: 1.0 MB more on stderr not shown (1 line); a cell keeps "
                        + "the first 10,000 lines or 1.0 MB of each stream]\n")), r.cells().get(1).outputs());
        assertEquals(List.of(new Output.Stream("stdout", "after\n")), r.cells().get(2).outputs(),
                "the next cell starts with a full budget");
    }

    @Test
    void aTrimmedNotebookIsWrittenAsUsual() throws Exception {
        Path html = dir.resolve("flood.html");
        NotebookCommandTest.Run r = NotebookCommandTest.run(FLOOD, "-o", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(html).contains("[output trimmed: 19.0 MB more on stdout not shown"));
        assertTrue(Files.size(html) < 3_000_000, "the page holds the kept text only: " + Files.size(html));
        assertTrue(Files.readString(dir.resolve("flood.ipynb")).contains("[output trimmed: 1.0 MB more on stderr"));
    }
}
