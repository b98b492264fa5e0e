package savescope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;

/** What the system makes of a new file in a folder, for files written elsewhere first and moved there. */
public final class NewFileMode {
    private NewFileMode() {}

    /**
     * The permissions a new file in {@code dir} gets, as a file saved there by an editor would: read and write less
     * what the umask takes ({@code rw-r--r--} under 022, {@code rw-------} under 077), the group's part standing for
     * the folder's default ACL where it has one. Found by creating, and at once removing, an empty file of
     * SaveScope's temporary kind there (one a killed run leaves is swept as any other).
     */
    public static Set<PosixFilePermission> in(Path dir) throws IOException {
        while (true) {
            Path probe = dir.resolve(String.format(Locale.ROOT, ".savescope-%016x.tmp",
                    java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            try {
                Files.createFile(probe);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            try {
                return Files.getPosixFilePermissions(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
    }
}
