package savescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProblemsTest {
    @TempDir
    Path dir;

    @Test
    void reasonsAreWordsNotClassNames() {
        // The exceptions the JDK throws for these conditions on Linux, with their usual reason texts.
        assertEquals("permission denied", FileProblems.reason(new AccessDeniedException("/data/private")));
        assertEquals("the disk is full (no space left on the device)",
                FileProblems.reason(new FileSystemException("/r/x.html", null, "No space left on device")));
        assertEquals("the disk is full (no space left on the device)",
                FileProblems.reason(new IOException("No space left on device")));
        assertEquals("the file system is read-only",
                FileProblems.reason(new FileSystemException("/mnt/x", null, "Read-only file system")));
        assertEquals("it is a folder", FileProblems.reason(new IOException("Is a directory")));
        assertEquals("a file stands where a folder is needed", FileProblems.reason(new NotDirectoryException("/a/b")));
        assertEquals("a file stands where a folder is needed", FileProblems.reason(new FileAlreadyExistsException("/a")));
        assertEquals("no such file or folder", FileProblems.reason(new NoSuchFileException("/nope")));
        assertEquals("an input/output error", FileProblems.reason(new IOException()));
        assertEquals("an input/output error", FileProblems.reason(new FileSystemException("/only/a/path")));
    }

    @Test
    void whatStandsAtAPathIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("f.csv"), "x");
        assertEquals("a file", FileProblems.whatIsAt(file));
        assertEquals("a folder", FileProblems.whatIsAt(dir));
        assertEquals("a symbolic link", FileProblems.whatIsAt(Files.createSymbolicLink(dir.resolve("l"), file)));
        assertEquals("a file", FileProblems.whatIsBehind(dir.resolve("l")));
        assertEquals("a device", FileProblems.whatIsAt(Path.of("/dev/null")));
        Path fifo = dir.resolve("p");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        assertEquals("a named pipe (FIFO)", FileProblems.whatIsAt(fifo));
        assertTrue(FileProblems.isPipe(fifo));
        assertNull(FileProblems.whatIsAt(dir.resolve("missing")));
    }
}
