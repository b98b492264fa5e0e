package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** End to end: what {@code report} and {@code notebook} refuse to write, and inputs they must read only once. */
class OutputSafetyTest {
    private static final Path GOLDEN = Path.of("tests/fixtures/golden/videos.csv");

    @TempDir
    Path dir;
    Path exports;
    Path videos;
    String original;

    record Run(int code, String out, String err) {}

    static Run run(Object command, String... args) {
        CommandLine cl = Cli.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run report(String... args) {
        return run(new ReportCommand(), args);
    }

    @BeforeEach
    void copyOfTheGoldenExport() throws IOException {
        exports = Files.createDirectories(dir.resolve("exports"));
        videos = Files.copy(GOLDEN, exports.resolve("videos.csv"));
        original = Files.readString(videos);
    }

    @Test
    void noOutputOptionReplacesAnInput() throws Exception {
        String[][] runs = {
            {videos.toString(), "-o", videos.toString()},
            {videos.toString(), "-o", dir.resolve("r.html").toString(), "--json", videos.toString()},
            {exports.toString(), "-o", dir.resolve("r.html").toString(), "--data-dir", exports.toString()},
        };
        for (String[] args : runs) {
            Run r = report(args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(videos.getParent().toString()), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertEquals(original, Files.readString(videos), String.join(" ", args));
        }
        assertFalse(Files.exists(dir.resolve("r.html")), "refused before any work");
        assertEquals(1, Files.list(exports).count(), "nothing written into the input folder");
    }

    @Test
    void jsonOnTheReportIsRefusedAndTheOldReportKept() throws Exception {
        Path html = Files.writeString(dir.resolve("r.html"), "previous report");
        Run r = report(videos.toString(), "-o", html.toString(), "--json", html.toString());
        assertEquals(2, r.code());
        assertEquals("error: --json " + html + " is the same file as -o " + html + "; each output needs a file of its "
                + "own.\n", r.err());
        assertEquals("previous report", Files.readString(html));
    }

    @Test
    void theTablesFolderMustBeSaveScopesOwn() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        Run refused = report(videos.toString(), "-o", dir.resolve("r.html").toString(), "--data-dir", mine.toString(),
                "--no-index");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("already holds files that SaveScope did not write there"), refused.err());
        assertEquals(1, Files.list(mine).count());

        Path tables = dir.resolve("tables");
        for (int i = 0; i < 2; i++) {
            Run r = report(videos.toString(), "-o", dir.resolve("r.html").toString(), "--data-dir", tables.toString(),
                    "--no-index");
            assertEquals(0, r.code(), "run " + i + ": " + r.err());
        }
        assertTrue(Files.exists(tables.resolve(".savescope-tables")), "the marker lets the second run in");
        assertTrue(Files.readString(tables.resolve("all-videos.csv")).startsWith("\uFEFFvideo_id,"));
    }

    @Test
    void linksPipesAndFoldersAreNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("target.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), target);
        Run r = report(videos.toString(), "-o", link.toString(), "--no-index");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a symbolic link to " + target.toRealPath()), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("old", Files.readString(target));

        Path fifo = OutputPlanTest.mkfifo(dir.resolve("pipe.html"));
        assertEquals(2, report(videos.toString(), "-o", fifo.toString(), "--no-index").code());
        assertTrue(savescope.FileProblems.isPipe(fifo), "still a pipe");

        Path folder = Files.createDirectories(dir.resolve("dir.html"));
        Run intoFolder = report(videos.toString(), "-o", folder.toString(), "--no-index");
        assertEquals(2, intoFolder.code());
        assertTrue(intoFolder.err().startsWith("error: -o " + folder + " is a folder; give a file name inside it"),
                intoFolder.err());
        assertTrue(Files.isDirectory(folder));

        Path file = Files.writeString(dir.resolve("afile"), "x");
        Run inTheWay = report(videos.toString(), "-o", file.resolve("sub/r.html").toString());
        assertEquals(2, inTheWay.code());
        assertTrue(inTheWay.err().contains(file + " is a file, so the folder " + file.resolve("sub") + " cannot be made"),
                inTheWay.err());
    }

    @Test
    void aWriteProtectedReportNeedsForce() throws Exception {
        Path ro = Files.writeString(dir.resolve("ro.html"), "old");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        Run kept = report(videos.toString(), "-o", ro.toString(), "--no-index");
        assertEquals(2, kept.code());
        assertTrue(kept.err().contains(ro + " is write-protected"), kept.err());
        assertEquals("old", Files.readString(ro));
        Run forced = report(videos.toString(), "-o", ro.toString(), "--no-index", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(ro).startsWith("<!DOCTYPE html>"));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro)),
                "the replacement keeps the protection");
    }

    @Test
    void anIndexThatIsAFolderIsLeftAloneAndTheReportWritten() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path index = Files.createDirectories(reports.resolve("index.html"));
        Run r = report(videos.toString(), "-o", reports.resolve("r.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: " + index + " is a folder, not a list of reports SaveScope wrote; left it as it is "
                + "(--no-index skips the index).\n", r.err());
        assertTrue(Files.isDirectory(index));
        assertTrue(Files.readString(reports.resolve("r.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aPipeGivenAsInputIsReadOnceAndNamedAsGiven() throws Exception {
        // Named like a daily CSV so that the fast daily reader tries it before the general one.
        Path fifo = OutputPlanTest.mkfifo(dir.resolve("videos.csv"));
        long copiesBefore = temporaryCopies();
        Thread writer = feed(fifo, Files.readAllBytes(GOLDEN));
        boolean finished = false;
        try {
            Path html = dir.resolve("piped.html");
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> report(fifo.toString(), "-o", html.toString(), "--no-index"));
            assertEquals(0, r.code(), r.err());
            // The golden export has six videos; the page says how many it read.
            assertTrue(Files.readString(html).contains("6 videos"), "all six videos read through the pipe");

            writer = feed(fifo, "name,colour\nAda,blue\n".getBytes());
            Run bad = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> report(fifo.toString(), "-o", html.toString(), "--no-index"));
            finished = true;
            assertEquals(2, bad.code());
            assertTrue(bad.err().startsWith("error: " + fifo + ":"), "names the pipe, not its copy: " + bad.err());
            assertEquals(copiesBefore, temporaryCopies(), "the private copies are deleted");
        } finally {
            if (!finished) {
                // A reader left waiting on the pipe is let go by a writer that opens it and closes it at once.
                Thread release = new Thread(() -> {
                    try (OutputStream o = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                        o.flush();
                    } catch (IOException e) {
                        // Nothing waits.
                    }
                });
                release.setDaemon(true);
                release.start();
                release.join(2000);
            }
            writer.join(1000);
        }
    }

    @Test
    void aDeviceGivenAsInputIsRefused() {
        Run r = report("/dev/zero", "-o", dir.resolve("r.html").toString());
        assertEquals(2, r.code());
        assertEquals("error: /dev/zero: this is a device, not an export file; expected CSV, XLSX, JSON or ZIP files, "
                + "folders of them, or a pipe.\n", r.err());
    }

    @Test
    void theNotebookNeverWritesOverItselfOrOneOutputOverTheOther() throws Exception {
        Path nb = Files.writeString(dir.resolve("my.jsh"), "// %%\nint a = 1;\n");
        Run self = run(new NotebookCommand(), nb.toString(), "-o", nb.toString());
        assertEquals(2, self.code());
        assertEquals("error: -o " + nb + " is the input " + nb + "; SaveScope never replaces an input. Choose another "
                + "file for -o.\n", self.err());
        assertEquals("// %%\nint a = 1;\n", Files.readString(nb));
        Path ipynb = dir.resolve("x.ipynb");
        Run both = run(new NotebookCommand(), nb.toString(), "-o", ipynb.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("is the same file as -o " + ipynb), both.err());
        assertFalse(Files.exists(ipynb));
    }

    private static Thread feed(Path fifo, byte[] bytes) {
        Thread t = new Thread(() -> {
            try {
                Files.write(fifo, bytes);
            } catch (IOException e) {
                // The test's assertions tell what went wrong.
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long temporaryCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("savescope-input-")).count();
        }
    }
}
