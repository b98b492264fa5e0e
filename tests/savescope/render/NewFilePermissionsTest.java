package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
    void aUmaskThatTakesPermissionsFromTheOwnerIsRefusedBeforeAnythingIsWritten() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isReadable(Path.of("/proc/self/status")), "Linux");
        // umask 0222: every new file and folder read-only to its maker; a new folder could not take the report.
        for (String umask : List.of("0222", "0277", "0400", "0177")) {
            Path out = dir.resolve("u" + umask);
            String said = runExpecting(2, umask, "-o", out.resolve("new/r.html").toString());
            assertEquals("error: the umask " + umask + " takes permissions from you on the files and folders you create, "
                    + "so SaveScope could not finish writing what it makes (a folder it creates, then a file in it). Run "
                    + "`umask 022` (or `umask 077` to keep your files private) and try again.", said.strip());
            assertTrue(Files.notExists(out), "nothing written");
        }
        // Help still answers.
        assertTrue(runExpecting(0, "0222", "--help").contains("Usage: report"));
    }

    @Test
    void aFolderWithADefaultAclGivesAReportWhatItGivesAnyNewFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfacl")) && Files.isExecutable(Path.of("/usr/bin/getfacl")),
                "setfacl and getfacl (Debian's acl package)");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        // The team's folder: its files readable and writable by another account whatever the owner's umask.
        assertEquals(0, new ProcessBuilder("/usr/bin/setfacl", "-d", "-m", "u:nobody:rw", shared.toString())
                .inheritIO().start().waitFor());
        run("077", "-o", shared.resolve("r.html").toString());
        Process shell = new ProcessBuilder("/bin/sh", "-c", "umask 077 && : > probe").directory(shared.toFile()).start();
        assertEquals(0, shell.waitFor());
        assertEquals(acl(shared.resolve("probe")), acl(shared.resolve("r.html")), "as a file the shell makes there");
        assertEquals(acl(shared.resolve("probe")), acl(shared.resolve("index.html")));
        assertTrue(acl(shared.resolve("r.html")).contains("user:nobody:rw-"), acl(shared.resolve("r.html")));
    }

    /** getfacl's entries for {@code file}, without the lines naming the file. */
    private static String acl(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/getfacl", "-c", "-p", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out.strip();
    }

    /** The bundled sample reported by a JVM of its own started under {@code umask}. */
    private void run(String umask, String... args) throws Exception {
        runExpecting(0, umask, args);
    }

    /** Runs {@code report} as {@link #run} does; returns what it said, once it exited with {@code code}. */
    private String runExpecting(int code, String umask, String... args) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"",
                javaBin.toString(), "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                ReportUnderUmask.class.getName(), fixture().toString(), "--generated-at", "2026-01-01T00:00:00Z"));
        cmd.addAll(List.of(args));
        return runExpecting(code, umask, cmd);
    }

    private String runExpecting(int code, String umask, List<String> cmd) throws Exception {
        Path log = Files.createTempFile(dir, "log-" + umask, ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the report did not finish within 120 s");
        }
        String said = Files.readString(log);
        Files.delete(log);
        assertEquals(code, p.exitValue(), said);
        return said;
    }

    private static Path fixture() {
        return Path.of("data", "sample").toAbsolutePath();
    }
}
