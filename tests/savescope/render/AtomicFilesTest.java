package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
