package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.UserError;
import savescope.render.AtomicFiles;
import savescope.render.DataExport;

/** The checks a run makes on its outputs before any work, and the messages of failed writes. */
class OutputPlanTest {
    @TempDir
    Path dir;
    Path exports;
    Path videos;

    @BeforeEach
    void inputs() throws IOException {
        exports = Files.createDirectories(dir.resolve("exports"));
        videos = Files.writeString(exports.resolve("videos.csv"), "video_id,views,saves\n1,10,1\n");
    }

    private UserError refused(OutputPlan plan) {
        UserError e = assertThrows(UserError.class, plan::check);
        assertEquals(2, e.exitCode().code(), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no class names: " + e.getMessage());
        return e;
    }

    @Test
    void anInputIsNeverAnOutputHoweverItIsSpelled() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("lnk"), exports);
        Path hardLink = Files.createLink(dir.resolve("hard.csv"), videos);
        for (Path spelled : List.of(videos, exports.resolve("../exports/./videos.csv"), link.resolve("videos.csv"),
                hardLink)) {
            UserError e = refused(new OutputPlan(List.of(videos), false).file("-o", spelled));
            assertEquals("-o " + spelled + " is the input " + videos + "; SaveScope never replaces an input. Choose "
                    + "another file for -o.", e.getMessage());
        }
        // Named as a folder, the file is an input just the same; --json is named in its own message.
        UserError json = refused(new OutputPlan(List.of(exports), false).file("-o", dir.resolve("r.html"))
                .file("--json", videos));
        assertTrue(json.getMessage().startsWith("--json " + videos + " lies inside the input folder " + exports),
                json.getMessage());
    }

    @Test
    void insideAnInputFolderOnlyFilesTheLoaderWouldReadAreRefused() {
        // HTML and hidden files are never read as exports; a new .json would be, on the next run.
        new OutputPlan(List.of(exports), false).file("-o", exports.resolve("report.html"))
                .file("--json", exports.resolve(".numbers.json")).check();
        UserError e = refused(new OutputPlan(List.of(exports), false).file("--json",
                exports.resolve("sub/numbers.json")));
        assertTrue(e.getMessage().contains("the next run would read it as an export"), e.getMessage());
    }

    @Test
    void aDashAnEmptyOrABlankNameIsRefusedNotWrittenAsAFile() {
        UserError dash = refused(new OutputPlan(List.of(videos), false).file("-o", Path.of("-")));
        assertEquals("-o -: SaveScope writes files, not standard output. Give a file name, e.g. -o report.html.",
                dash.getMessage());
        UserError json = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("r.html"))
                .file("--json", Path.of("-")));
        assertEquals("--json -: SaveScope writes files, not standard output. Give a file name, e.g. --json "
                + "numbers.json.", json.getMessage());
        UserError empty = refused(new OutputPlan(List.of(videos), false).file("--notebook", Path.of("")));
        assertEquals("--notebook: the file name is empty. Give a file name, e.g. --notebook report.ipynb.",
                empty.getMessage());
        UserError tables = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("r.html"))
                .dataDir(Path.of("-")));
        assertEquals("--data-dir -: give a folder name for the tables, e.g. --data-dir tables.", tables.getMessage());
        UserError blank = refused(new OutputPlan(List.of(videos), false).file("-o", Path.of(" ")));
        assertEquals("-o ' ': the file name is only blank space. Give a file name, e.g. -o report.html.",
                blank.getMessage());
        UserError blankInFolder = refused(new OutputPlan(List.of(videos), false).file("--json", dir.resolve("\t")));
        assertEquals("--json '" + dir.resolve("\t") + "': the file name is only blank space. Give a file name, e.g. "
                + "--json numbers.json.", blankInFolder.getMessage());
        UserError blankTables = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("r.html"))
                .dataDir(Path.of("  ")));
        assertEquals("--data-dir '  ': give a folder name for the tables, e.g. --data-dir tables.",
                blankTables.getMessage());
        for (String invisible : List.of("\u00a0", "\u200b", "\ufeff", " \u3000", "\u0301", "\u3164", "\u2800", "\u200f")) {
            UserError e = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve(invisible)));
            assertTrue(e.getMessage().endsWith("': the file name is only blank space. Give a file name, e.g. -o "
                    + "report.html."), e.getMessage());
        }
        UserError blankFolder = refused(new OutputPlan(List.of(videos), false).file("-o", Path.of(" ", "r.html")));
        assertEquals("-o ' /r.html': the folder name ' ' in it is only blank space. Give a file name, e.g. -o report.html.",
                blankFolder.getMessage());
        UserError lineBreak = refused(new OutputPlan(List.of(videos), false).file("--json", dir.resolve("a\nb.json")));
        assertEquals("--json '" + dir.resolve("a\nb.json") + "': the name holds a control character (U+000A). Give a "
                + "file name, e.g. --json numbers.json.", lineBreak.getMessage());
        UserError nbspTables = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("r.html"))
                .dataDir(dir.resolve("\u00a0")));
        assertEquals("--data-dir '" + dir.resolve("\u00a0") + "': give a folder name for the tables, e.g. --data-dir tables.",
                nbspTables.getMessage());
        UserError tablesInBlank = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("r.html"))
                .dataDir(dir.resolve(" ").resolve("t")));
        assertEquals("--data-dir '" + dir.resolve(" ").resolve("t") + "': the folder name ' ' in it is only blank space. "
                + "Give a folder name for the tables, e.g. --data-dir tables.", tablesInBlank.getMessage());
        UserError separator = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("a\u2028b.html")));
        assertTrue(separator.getMessage().endsWith("': the name holds a control character (U+2028). Give a file name, "
                + "e.g. -o report.html."), separator.getMessage());
        UserError noStem = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve(".html")));
        assertEquals("-o '" + dir.resolve(".html") + "': the file name '.html' has nothing before its extension. Give a "
                + "file name, e.g. -o report.html.", noStem.getMessage());
        // Accents on letters, and names in any script, are names like any other.
        new OutputPlan(List.of(videos), false).file("-o", dir.resolve("re\u0301sume\u0301 \ud55c.html")).check();
        // A file whose name merely starts with a dash, or holds a space, is a file like any other.
        new OutputPlan(List.of(videos), false).file("-o", dir.resolve("my report.html")).check();
        new OutputPlan(List.of(videos), false).file("-o", dir.resolve("-report.html")).check();
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void twoOutputsNeverShareAFile() {
        Path html = dir.resolve("r.html");
        UserError e = refused(new OutputPlan(List.of(videos), false).file("-o", html)
                .file("--json", dir.resolve("sub/../r.html")));
        assertEquals("--json " + dir.resolve("sub/../r.html") + " is the same file as -o " + html
                + "; each output needs a file of its own.", e.getMessage());
        Path ipynb = dir.resolve("x.ipynb");
        refused(new OutputPlan(List.of(), false).file("-o", ipynb).file("the .ipynb", ipynb));
        UserError index = refused(new OutputPlan(List.of(videos), false).file("-o", dir.resolve("index.html"))
                .index(dir));
        assertTrue(index.getMessage().contains("is where the list of reports (index.html) goes"), index.getMessage());
    }

    @Test
    void theTablesFolderNeverHoldsOrSitsInAnInput() throws Exception {
        assertTrue(refused(plan().dataDir(exports)).getMessage().contains("is or shares the input folder " + exports));
        refused(plan().dataDir(exports.resolve("tables")));
        UserError holds = refused(new OutputPlan(List.of(videos), false).dataDir(exports));
        assertTrue(holds.getMessage().startsWith("--data-dir " + exports + " holds the input " + videos),
                holds.getMessage());
        UserError csvOutput = refused(plan().file("--json", dir.resolve("t/n.csv")).dataDir(dir.resolve("t")));
        assertTrue(csvOutput.getMessage().contains("whose CSV files are SaveScope's tables"), csvOutput.getMessage());
    }

    @Test
    void theTablesGoOnlyIntoANewEmptyOrMarkedFolder() throws Exception {
        plan().dataDir(dir.resolve("new/tables")).check();
        plan().dataDir(Files.createDirectories(dir.resolve("empty"))).check();
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        UserError e = refused(plan().dataDir(mine));
        assertTrue(e.getMessage().startsWith("--data-dir " + mine + " already holds files that SaveScope did not "
                + "write there (it has no .savescope-tables file)"), e.getMessage());
        Files.writeString(mine.resolve(DataExport.MARKER), "");
        plan().dataDir(mine).check();
        // A marked folder still never has a link or a write-protected table replaced.
        Files.createSymbolicLink(mine.resolve("videos.csv"), videos);
        assertTrue(refused(plan().dataDir(mine)).getMessage().contains("is a symbolic link to " + videos));
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertTrue(refused(plan().dataDir(file)).getMessage().contains("is a file, not a folder"));
    }

    @Test
    void onlyPlainFilesOrNewPathsAreWritten() throws Exception {
        Path target = Files.writeString(dir.resolve("target.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), target);
        assertEquals("-o " + link + " is a symbolic link to " + target + "; SaveScope does not write through links. "
                + "Give the file itself: -o " + target, refused(plan().file("-o", link)).getMessage());
        Path fifo = mkfifo(dir.resolve("pipe.html"));
        assertEquals("-o " + fifo + " is a named pipe (FIFO), not a file; SaveScope writes only plain files and never "
                + "replaces a device, pipe or socket. Give a file name.", refused(plan().file("-o", fifo)).getMessage());
        assertTrue(refused(plan().file("-o", Path.of("/dev/null"))).getMessage()
                .startsWith("-o /dev/null is a device, not a file;"));
        Path folder = Files.createDirectories(dir.resolve("dir.html"));
        assertEquals("--json " + folder + " is a folder; give a file name inside it, e.g. --json "
                + folder.resolve("numbers.json"), refused(plan().file("--json", folder)).getMessage());
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertEquals("-o " + file.resolve("sub/r.html") + ": " + file + " is a file, so the folder "
                + file.resolve("sub") + " cannot be made there. Choose another place, or move " + file + " away.",
                refused(plan().file("-o", file.resolve("sub/r.html"))).getMessage());
    }

    @Test
    void aWriteProtectedFileIsKeptUnlessForced() throws Exception {
        Path ro = Files.writeString(dir.resolve("ro.html"), "old");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        assertEquals("-o " + ro + " is write-protected (r--r--r--); SaveScope leaves it as it is. Make it writable "
                + "(chmod u+w " + ro + "), choose another file, or pass --force to replace it.",
                refused(plan().file("-o", ro)).getMessage());
        new OutputPlan(List.of(videos), true).file("-o", ro).check();
        // Group and others may lack write permission without the file counting as protected.
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rw-r--r--"));
        plan().file("-o", ro).check();
    }

    @Test
    void anIndexThatIsNotAPlainWritableFileIsLeftAloneWithANote() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path index = Files.createDirectories(reports.resolve("index.html"));
        OutputPlan plan = plan().file("-o", reports.resolve("r.html")).index(reports).check();
        assertEquals(index + " is a folder, not a list of reports SaveScope wrote; left it as it is (--no-index skips "
                + "the index).", plan.indexNote());
        Files.delete(index);
        Files.writeString(index, "old index");
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(plan().index(reports).check().indexNote().contains("is write-protected"));
        assertNull(new OutputPlan(List.of(videos), true).index(reports).check().indexNote());
    }

    @Test
    void writeFailuresNameTheFileAndWhatToDo() throws IOException {
        Path out = dir.resolve("r.html");
        // What the system reports when the disk fills: a plain IOException from the write, or a FileSystemException.
        UserError full = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new IOException("No space left on device")));
        assertEquals(1, full.exitCode().code());
        assertEquals("could not write " + out + ": the disk is full (no space left on the device); free some space or "
                + "choose another place. Files already there were left as they were.", full.getMessage());
        assertEquals(full.getMessage(), OutputPlan.writeFailure(new FileSystemException(out.toString(), null,
                "No space left on device")).getMessage());

        UserError denied = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new AccessDeniedException(dir.resolve(".r.html123.tmp").toString())));
        assertEquals(2, denied.exitCode().code());
        assertEquals("could not write " + out + ": permission denied; make its folder writable, or choose another "
                + "place.", denied.getMessage());
        // The file is there and its folder may be written: the file itself refused (immutable, another user's in /tmp).
        Path locked = Files.writeString(dir.resolve("locked.json"), "{}");
        UserError refusedFile = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(locked,
                new AccessDeniedException(locked.toString())));
        assertEquals("could not write " + locked + ": permission denied; its folder is writable, so the system "
                + "refused the file itself (another user's file in a shared folder such as /tmp, or one marked "
                + "immutable: `lsattr` shows an i); choose another place.", refusedFile.getMessage());
        // A failed commit that could not put an earlier file back says which files are new.
        AtomicFiles.WriteFailure partial = new AtomicFiles.WriteFailure(out, new IOException("No space left on device"),
                List.of(dir.resolve("n.json")));
        UserError mixed = OutputPlan.writeFailure(partial);
        assertEquals(1, mixed.exitCode().code());
        assertEquals("could not write " + out + ": the disk is full (no space left on the device); free some space or "
                + "choose another place. Already replaced by this run, and not put back as they were: "
                + dir.resolve("n.json") + ".", mixed.getMessage());
        UserError readOnly = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new FileSystemException(out.toString(), null, "Read-only file system")));
        assertEquals("could not write " + out + ": the file system there is read-only; choose another place.",
                readOnly.getMessage());
        UserError inTheWay = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new FileAlreadyExistsException(dir.resolve("afile").toString())));
        assertEquals("could not write " + out + ": a file stands where a folder is needed (" + dir.resolve("afile")
                + "); choose another place, or move that file away.", inTheWay.getMessage());
        UserError folder = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new FileSystemException(dir.resolve(".tmp").toString(), out.toString(), "Is a directory")));
        assertEquals("could not write " + out + ": it is a folder; give a file name inside it.", folder.getMessage());
        UserError other = OutputPlan.writeFailure(new AtomicFiles.WriteFailure(out,
                new IOException("Input/output error")));
        assertEquals(1, other.exitCode().code());
        assertEquals("could not write " + out + ": Input/output error.", other.getMessage());
    }

    @Test
    void unexpectedFailuresAreToldWithoutClassNames() {
        assertEquals("/data/x: permission denied",
                Cli.plainMessage(new UncheckedIOException(new AccessDeniedException("/data/x"))));
        assertEquals("an unexpected internal failure", Cli.plainMessage(new NullPointerException()));
        assertEquals("an unexpected internal failure: bad state", Cli.plainMessage(new IllegalStateException("bad state")));
    }

    private OutputPlan plan() {
        return new OutputPlan(List.of(exports), false);
    }

    static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo " + p);
        return p;
    }
}
