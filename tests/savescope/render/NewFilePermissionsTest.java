package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cli.ReportUnderUmask;

/**
 * New outputs get the permissions the user's umask gives any new file (a private umask keeps reports private);
 * a file that is replaced keeps its own.
 */
class NewFilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void theUmaskDecidesWhoMayReadANewReport() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        for (String[] c : new String[][] {{"077", "rw-------"}, {"022", "rw-r--r--"}}) {
            Path out = Files.createDirectories(dir.resolve("umask-" + c[0]));
            run(c[0], "-o", out.resolve("r.html").toString(), "--json", out.resolve("r.json").toString(),
                    "--notebook", out.resolve("r.ipynb").toString(), "--data-dir", out.resolve("tables").toString());
            List<Path> written = new ArrayList<>();
            try (var walk = Files.walk(out)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(written::add);
            }
            assertEquals(true, written.size() > 5, "page, JSON, notebook, index and tables: " + written);
            for (Path p : written) {
                assertEquals(c[1], PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), "umask " + c[0] + ": " + p);
            }
        }
    }

    @Test
    void aReplacedReportKeepsItsPermissionsWhateverTheUmask() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        Path page = Files.writeString(dir.resolve("r.html"), "an earlier report");
        Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-rw-r--"));
        run("077", "-o", page.toString(), "--no-index");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        assertEquals(true, Files.readString(page).contains("<html"), "the report replaced the earlier file");
    }

    @Test
    void readAndWriteLessWhatTheUmaskTakes() {
        assertEquals("rw-r--r--", PosixFilePermissions.toString(AtomicFiles.fromUmask(0022)));
        assertEquals("rw-------", PosixFilePermissions.toString(AtomicFiles.fromUmask(0077)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(AtomicFiles.fromUmask(0027)));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(AtomicFiles.fromUmask(0)));
        assertEquals("r--r--r--", PosixFilePermissions.toString(AtomicFiles.fromUmask(0222)));
        assertEquals("---------", PosixFilePermissions.toString(AtomicFiles.fromUmask(0777)));
        // execute bits in the umask take nothing from a file made without them
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(AtomicFiles.fromUmask(0003)));
    }

    @Test
    void thisProcessSeesTheUmaskItRunsUnder() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        // A file created without a mode of its own gets 0666 less the umask: the same as what is reported.
        Path probe = Files.createFile(dir.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), AtomicFiles.newFilePermissions());
    }

    /** The bundled sample reported by a JVM of its own started under {@code umask}. */
    private void run(String umask, String... args) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"",
                javaBin.toString(), "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                ReportUnderUmask.class.getName(), fixture().toString(), "--generated-at", "2026-01-01T00:00:00Z"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log-" + umask + ".txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the report did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log-" + umask + ".txt")));
    }

    private static Path fixture() {
        return Path.of("data", "sample").toAbsolutePath();
    }
}
