package savescope;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Says in plain words why a file could not be read or written, and what kind of thing stands at a path, so that
 * messages name the problem and never a Java exception class.
 */
public final class FileProblems {
    /** What went wrong, in the groups a user acts on differently. */
    public enum Kind { PERMISSION, READ_ONLY_FS, DISK_FULL, IS_FOLDER, NOT_FOLDER, MISSING, OTHER }

    private FileProblems() {}

    public static Kind kind(IOException e) {
        String text = (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "")
                + " " + (e.getMessage() == null ? "" : e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return Kind.DISK_FULL;
        }
        if (lower.contains("read-only file system")) {
            return Kind.READ_ONLY_FS;
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            return Kind.PERMISSION;
        }
        if (e instanceof DirectoryNotEmptyException || lower.contains("is a directory")) {
            return Kind.IS_FOLDER;
        }
        // createDirectories reports a file standing where a folder should be as "already exists".
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                || lower.contains("not a directory")) {
            return Kind.NOT_FOLDER;
        }
        if (e instanceof NoSuchFileException || lower.contains("no such file")) {
            return Kind.MISSING;
        }
        return Kind.OTHER;
    }

    /** The reason in a few words, for "could not read X (reason)". */
    public static String reason(IOException e) {
        return switch (kind(e)) {
            case PERMISSION -> "permission denied";
            case READ_ONLY_FS -> "the file system is read-only";
            case DISK_FULL -> "the disk is full (no space left on the device)";
            case IS_FOLDER -> "it is a folder";
            case NOT_FOLDER -> "a file stands where a folder is needed";
            case MISSING -> "no such file or folder";
            case OTHER -> otherReason(e);
        };
    }

    /** The path an exception is about, when it names one. */
    public static String file(IOException e) {
        return e instanceof FileSystemException f ? f.getFile() : null;
    }

    private static String otherReason(IOException e) {
        String r = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (r == null || r.isBlank() || r.equals(file(e))) {
            return "an input/output error";
        }
        return r.strip().toLowerCase(Locale.ROOT).startsWith("java.") ? "an input/output error" : r.strip();
    }

    /**
     * What stands at {@code p} without following a link: "a folder", "a symbolic link", "a named pipe (FIFO)",
     * "a device", "a socket", "a file", or null when nothing does.
     */
    public static String whatIsAt(Path p) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (a.isDirectory()) {
            return "a folder";
        }
        if (a.isRegularFile()) {
            return "a file";
        }
        return switch (unixType(p)) {
            case 0010000 -> "a named pipe (FIFO)";
            case 0140000 -> "a socket";
            case 0020000, 0060000 -> "a device";
            default -> "a special file";
        };
    }

    /** What {@link #whatIsAt} says of the file a path leads to, links followed. */
    public static String whatIsBehind(Path p) {
        try {
            return whatIsAt(p.toRealPath());
        } catch (IOException e) {
            return whatIsAt(p);
        }
    }

    /** True for a named pipe, read the way a stream is: once, and blocking until a writer comes. */
    public static boolean isPipe(Path p) {
        return unixType(p) == 0010000;
    }

    /** The file type bits of {@code st_mode} (following links), or -1 where the system has no unix view. */
    private static int unixType(Path p) {
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
