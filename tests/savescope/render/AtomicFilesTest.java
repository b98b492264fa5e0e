package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single writer: all of a run's files or none, and only plain files replaced. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailureBeforeCommitLeavesEveryEarlierFileAsItWas() throws Exception {
        Path report = Files.writeString(dir.resolve("r.html"), "previous report");
        Path blocker = Files.writeString(dir.resolve("afile"), "x");
        AtomicFiles.WriteFailure failure;
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(report, "new report");
            // A file stands where the JSON's folder should be: the second write fails, as a full disk would.
            failure = assertThrows(AtomicFiles.WriteFailure.class, () -> batch.write(blocker.resolve("n.json"), "{}"));
        }
        assertEquals(blocker.resolve("n.json"), failure.target());
        assertEquals("previous report", Files.readString(report));
        assertEquals(List.of("afile", "r.html"), names(), "no temporary file left behind");
    }

    @Test
    void aMoveThatFailsAfterOthersPutsThemBack() throws Exception {
        Path report = Files.writeString(dir.resolve("r.html"), "previous report");
        Path fresh = dir.resolve("new.html");
        Path json = Files.writeString(Files.createDirectory(dir.resolve("sub")).resolve("n.json"), "previous json");
        AtomicFiles.WriteFailure failure;
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(report, "new report");
            batch.write(fresh, "new page");
            batch.writeJson(json, "{}");
            // The JSON's written file vanishes before the commit: its move fails after the pages were moved.
            try (Stream<Path> s = Files.list(json.getParent())) {
                for (Path tmp : s.filter(p -> AtomicFiles.TEMPORARY.matcher(p.getFileName().toString()).matches()).toList()) {
                    Files.delete(tmp);
                }
            }
            failure = assertThrows(AtomicFiles.WriteFailure.class, batch::commit);
        }
        assertEquals(json, failure.target());
        assertEquals(List.of(), failure.replaced(), "every earlier file was put back");
        assertEquals("previous report", Files.readString(report), "the earlier page is put back");
        assertTrue(Files.notExists(fresh), "a page that was not there before is removed again");
        assertEquals("previous json", Files.readString(json));
        assertEquals(List.of("r.html", "sub"), names(), "no temporary or kept file left behind");
        try (Stream<Path> s = Files.list(json.getParent())) {
            assertEquals(List.of("n.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void everyTargetIsCheckedBeforeAnyIsReplaced() throws Exception {
        Path report = Files.writeString(dir.resolve("r.html"), "previous report");
        Path json = dir.resolve("n.json");
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(report, "new report");
            batch.writeJson(json, "{}");
            // Something puts a folder where the JSON goes between writing and moving.
            Files.createDirectory(json);
            AtomicFiles.WriteFailure failure = assertThrows(AtomicFiles.WriteFailure.class, batch::commit);
            assertEquals(json, failure.target());
        }
        assertEquals("previous report", Files.readString(report));
        assertEquals(List.of("n.json", "r.html"), names());
    }

    @Test
    void aCommitOfSeveralFilesLeavesOnlyThem() throws Exception {
        Path report = Files.writeString(dir.resolve("r.html"), "previous report");
        Path json = Files.writeString(dir.resolve("n.json"), "previous json");
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(report, "new report");
            batch.writeJson(json, "{}");
            batch.commit();
        }
        assertEquals("new report", Files.readString(report));
        assertEquals("{}", Files.readString(json));
        assertEquals(List.of("n.json", "r.html"), names(), "the kept earlier versions are gone");
    }

    @Test
    void aFailedBatchRemovesTheFoldersItCreated() throws Exception {
        Path tables = dir.resolve("new/tables");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
                batch.write(tables.resolve("a.csv"), "a");
                // As a table that cannot be written would: the run stops before the commit.
                throw new IllegalStateException("stopped");
            }
        });
        assertEquals(List.of(), names(), "neither the new folder nor its parent is left behind");
    }

    @Test
    void anyNameTheFileSystemTakesCanBeWritten() throws Exception {
        // 250 + ".html" = 255 bytes, the longest name ext4 and most others accept; a temporary name built from it
        // would be longer.
        Path longest = dir.resolve("a".repeat(250) + ".html");
        AtomicFiles.write(longest, "r");
        assertEquals("r", Files.readString(longest));
        assertEquals(List.of(longest.getFileName().toString()), names(), "no temporary file left behind");
    }

    @Test
    void staleTemporaryFilesOfSaveScopeAreSweptAndNothingElse() throws Exception {
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Path stale = Files.writeString(dir.resolve(".savescope-0123456789abcdef.tmp"), "x");
        Files.setLastModifiedTime(stale, twoHoursAgo);
        Path fresh = Files.writeString(dir.resolve(".savescope-fedcba9876543210.tmp"), "a running run's");
        Path notOurs = Files.writeString(dir.resolve(".savescope-notes.tmp"), "the user's");
        Files.setLastModifiedTime(notOurs, twoHoursAgo);
        Path mine = Files.writeString(dir.resolve("r.tmp"), "the user's");
        Files.setLastModifiedTime(mine, twoHoursAgo);
        // The earlier version of an old report that another run's batch keeps while it moves its files: a second
        // name of a file in use, with the old report's time.
        Path old = Files.writeString(dir.resolve("old.html"), "an old report");
        Files.setLastModifiedTime(old, twoHoursAgo);
        Files.createLink(dir.resolve(".savescope-00000000000000aa.tmp"), old);
        AtomicFiles.write(dir.resolve("r.html"), "r");
        assertEquals(List.of(".savescope-00000000000000aa.tmp", ".savescope-fedcba9876543210.tmp", ".savescope-notes.tmp",
                "old.html", "r.html", "r.tmp"), names());
    }

    @Test
    void temporaryFilesAreRemovedWhenTheRunIsEnded() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                HeldBatch.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            var said = new java.io.BufferedReader(new java.io.InputStreamReader(run.getInputStream()));
            assertEquals("written", said.readLine());
            assertEquals(1, names().stream().filter(n -> AtomicFiles.TEMPORARY.matcher(n).matches()).count(), "" + names());
            run.destroy();  // SIGTERM, as kill or a closing terminal sends
            assertTrue(run.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            run.destroyForcibly();
        }
        assertEquals(List.of(), names(), "the shutdown removed the temporary file");
    }

    @Test
    void aTemporaryFolderTreeIsRemovedWhenTheRunIsEnded() throws Exception {
        Path profile = dir.resolve("savescope-pdf-1");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                HeldBatch.class.getName(), dir.toString(), profile.toString()).redirectErrorStream(true).start();
        try {
            var said = new java.io.BufferedReader(new java.io.InputStreamReader(run.getInputStream()));
            assertEquals("written", said.readLine());
            assertTrue(Files.exists(profile.resolve("Default/Cache/data")));
            run.destroy();
            assertTrue(run.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            run.destroyForcibly();
        }
        assertEquals(List.of(), names(), "the shutdown removed the temporary file and the folder tree");
    }

    @Test
    void commitMovesEveryFileIntoPlace() throws Exception {
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(dir.resolve("a.html"), "a");
            batch.write(dir.resolve("t/b.csv"), "b");
            assertEquals(List.of("t"), names().stream().filter(n -> !n.startsWith(".")).toList(),
                    "nothing but hidden temporary files and the new folder before the commit");
            batch.commit();
        }
        assertEquals("a", Files.readString(dir.resolve("a.html")));
        assertEquals("b", Files.readString(dir.resolve("t/b.csv")));
    }

    @Test
    void aLinkOrAFolderIsNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("target.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), target);
        AtomicFiles.WriteFailure f = assertThrows(AtomicFiles.WriteFailure.class, () -> AtomicFiles.write(link, "new"));
        assertTrue(f.getMessage().endsWith("is a symbolic link, not a plain file; SaveScope only replaces plain files"),
                f.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("old", Files.readString(target));
        // Files.move with REPLACE_EXISTING would remove an empty folder to put the file there.
        Path empty = Files.createDirectories(dir.resolve("empty.html"));
        assertThrows(AtomicFiles.WriteFailure.class, () -> AtomicFiles.write(empty, "new"));
        assertTrue(Files.isDirectory(empty));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
