package savescope.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes files through a temporary sibling and a move, so a reader never sees half a report; a {@link Batch}
 * writes every file of a run first and moves them into place only when all were written.
 *
 * <p>Temporary files have a short name of their own ({@code .savescope-<16 hex>.tmp}) rather than one built from
 * the target's, so any name the file system accepts can be written; a normal shutdown (Ctrl-C, SIGTERM) removes
 * them, and those a killed run left are removed by the next run into the folder once an hour old.
 */
public final class AtomicFiles {
    /** How SaveScope names its temporary files; only files of this name are ever swept away. */
    public static final Pattern TEMPORARY = Pattern.compile("\\.savescope-[0-9a-f]{16}\\.tmp");
    /** A temporary file older than this belongs to no running SaveScope: its run stopped without cleaning up. */
    static final Duration STALE = Duration.ofHours(1);
    /** Temporary files not yet moved into place or removed, removed on shutdown. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Folders already swept of stale temporary files by this process. */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeLive, "savescope-temporary-files"));
    }

    /**
     * Temporary files whose owner could not write them as created (a umask without the owner's write bit), with the
     * permissions the system gave them, put back once written.
     */
    private static final java.util.Map<Path, Set<PosixFilePermission>> NOT_WRITABLE_AS_MADE = new ConcurrentHashMap<>();

    private AtomicFiles() {}

    /** The permissions the system gave temporary file {@code tmp} (of {@link #temporaryIn}) when it was created. */
    public static Set<PosixFilePermission> createdMode(Path tmp) throws IOException {
        Set<PosixFilePermission> widened = NOT_WRITABLE_AS_MADE.get(tmp);
        return widened != null ? widened : Files.getPosixFilePermissions(tmp);
    }

    /**
     * Gives {@code written} (a temporary file of {@link #temporaryIn}, now written) the permissions of the file
     * {@code target} it replaces, or the ones it was created with when its owner could not write it then; a new
     * file otherwise keeps what the system gave it (umask, default ACL). Nothing where the system has no
     * POSIX permissions.
     */
    private static void finishMode(Path written, Path target) throws IOException {
        Set<PosixFilePermission> asMade = NOT_WRITABLE_AS_MADE.remove(written);
        if (!written.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        if (Files.exists(target)) {
            Files.setPosixFilePermissions(written, Files.getPosixFilePermissions(target));
        } else if (asMade != null) {
            Files.setPosixFilePermissions(written, asMade);
        }
    }

    /**
     * Starts a new run in this process (the report daemon serves many): folders are swept of stale temporary files
     * again, as a run in its own JVM sweeps them.
     */
    public static void newRun() {
        SWEPT.clear();
    }

    /** Runs before a batch moves its files into place; see {@link #beforeMoving}. */
    private static volatile Runnable beforeMove = () -> {};

    /**
     * Has {@code gate} run before any file is moved into place (null: nothing). The report daemon holds a run
     * there until its launcher, which a Ctrl-Z may have stopped, says it is still there to see the report.
     */
    public static void beforeMoving(Runnable gate) {
        beforeMove = gate == null ? () -> {} : gate;
    }

    /** To be called before a file written another way (a browser's PDF) is moved into place. */
    public static void awaitMove() {
        beforeMove.run();
    }

    /** Folders (a browser's profile) removed with everything in them at shutdown unless {@link #settledTree} first. */
    private static final Set<Path> LIVE_TREES = ConcurrentHashMap.newKeySet();

    /** Has shutdown (Ctrl-C) remove {@code dir} and its contents, as the code that made it would have. */
    public static void temporaryTree(Path dir) {
        LIVE_TREES.add(dir);
    }

    /** The folder was removed by the code that made it. */
    public static void settledTree(Path dir) {
        LIVE_TREES.remove(dir);
    }

    private static void removeLive() {
        for (Path tmp : LIVE) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Shutting down: a file that cannot be removed now is swept by a later run.
            }
        }
        LIVE_TREES.forEach(AtomicFiles::deleteTree);
    }

    /**
     * Removes {@code dir} and everything in it, as far as it can: what cannot be removed (gone already, held open)
     * is left to the system's temporary files.
     */
    public static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // gone already, or unreadable
        }
    }

    /**
     * Creates a new, empty temporary file in {@code dir} of SaveScope's naming, removed at shutdown unless
     * {@link #settled(Path)} first; stale ones of earlier runs in {@code dir} are removed first.
     */
    public static Path temporaryIn(Path dir) throws IOException {
        sweep(dir);
        while (true) {
            // A name only has to be new: the file is created exclusively (never through a link), and a taken
            // name draws another. Not SecureRandom, whose set-up costs every report 7 ms of its write.
            Path tmp = dir.resolve(String.format(Locale.ROOT, ".savescope-%016x.tmp",
                    java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            LIVE.add(tmp);
            try {
                // Made as any new file in the folder is (umask, default ACL): what a new output is to have.
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(tmp);
                continue;
            } catch (IOException e) {
                LIVE.remove(tmp);
                throw e;
            }
            try {
                // Only where that leaves its owner unable to write it is it opened up until written (finishMode).
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Set<PosixFilePermission> made = Files.getPosixFilePermissions(tmp);
                    if (!made.contains(PosixFilePermission.OWNER_WRITE)) {
                        NOT_WRITABLE_AS_MADE.put(tmp, made);
                        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                    }
                }
                return tmp;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                settled(tmp);
                throw e;
            }
        }
    }

    /** The temporary file was moved into place or removed: shutdown need not remove it. */
    public static void settled(Path tmp) {
        LIVE.remove(tmp);
        NOT_WRITABLE_AS_MADE.remove(tmp);
    }

    /**
     * Removes the temporary files of SaveScope's naming in {@code dir} that are older than {@link #STALE}, once per
     * folder and process; a file that cannot be read or removed is left (it is only clutter).
     */
    static void sweep(Path dir) {
        if (!SWEPT.add(dir.toAbsolutePath().normalize())) {
            return;
        }
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                p -> TEMPORARY.matcher(p.getFileName().toString()).matches())) {
            for (Path tmp : temps) {
                try {
                    BasicFileAttributes a = Files.readAttributes(tmp, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before) && !linkedElsewhere(tmp)) {
                        Files.deleteIfExists(tmp);
                    }
                } catch (IOException e) {
                    // Left for a later run.
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // A folder that cannot be listed holds nothing this run can clean.
        }
    }

    /**
     * Whether a temporary file is another name of a file still in use: an earlier version a running batch keeps
     * (a second link to the old report) has the old report's modification time, yet is no leftover.
     */
    private static boolean linkedElsewhere(Path p) {
        try {
            return Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS) instanceof Integer n && n > 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A write that failed, with the file the user asked for (the exception may name its temporary sibling). */
    public static final class WriteFailure extends IOException {
        private final transient Path target;

        public WriteFailure(Path target, IOException cause) {
            super(target + ": " + cause.getMessage(), cause);
            this.target = target;
        }

        /** A failed commit that left {@code replaced}, files of the same batch, new beside old ones. */
        public WriteFailure(Path target, IOException cause, List<Path> replaced) {
            this(target, cause);
            this.replaced = List.copyOf(replaced);
        }

        WriteFailure(Path target, String reason) {
            super(target + ": " + reason);
            this.target = target;
        }

        /** Files of the same batch already replaced that could not be put back as they were: new, beside old ones. */
        private transient List<Path> replaced = List.of();

        public Path target() {
            return target;
        }

        /** The files of the batch left replaced by the failed commit (none when every earlier one was put back). */
        public List<Path> replaced() {
            return replaced;
        }

        /** The underlying failure, or this one when it has none. */
        public IOException problem() {
            return getCause() instanceof IOException io ? io : this;
        }
    }

    public static void write(Path target, String content) throws IOException {
        try (Batch batch = new Batch()) {
            batch.write(target, content);
            batch.commit();
        }
    }

    /** As {@link #write(Path, String)}, for JSON text ({@link Batch#writeJson}). */
    public static void writeJson(Path target, String json) throws IOException {
        try (Batch batch = new Batch()) {
            batch.writeJson(target, json);
            batch.commit();
        }
    }

    /** As {@link #write(Path, String)}, for source code ({@link Batch#writeSource}). */
    public static void writeSource(Path target, String source) throws IOException {
        try (Batch batch = new Batch()) {
            batch.writeSource(target, source);
            batch.commit();
        }
    }

    /**
     * {@code text} with each lone surrogate (half of a UTF-16 pair, which a JSON export may carry as
     * {@code "\\ud83d"}) as U+FFFD: UTF-8 cannot hold one, and writing it would fail the whole file. Control
     * characters other than tab and line ends (an escape, a bell or a NUL that a JSON export carried as
     * {@code "\\u001b"}) become U+FFFD too: in a page they are errors, and in a CSV that someone prints in a
     * terminal an escape sequence would act on the terminal. JSON files hold them escaped, so they keep them.
     */
    static String wellFormed(String text) {
        return wellFormed(text, true);
    }

    /**
     * {@code json} with each control character other than tab and line ends written as a {@code \\uXXXX}
     * escape. JSON text holds such characters only inside strings (Jackson escapes those below U+0020 itself,
     * but writes DEL and the C1 controls U+0080 to U+009F as they are), where the escape means the same
     * character: the value is kept, and no raw control is left in the file.
     */
    static String jsonControlsEscaped(String json) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if ((c >= ' ' && c < 0x7F) || !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(json, copied, i).append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            copied = i + 1;
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    /** {@link #wellFormed(String)}, leaving control characters as they are unless {@code controls}. */
    static String wellFormed(String text, boolean controls) {
        StringBuilder out = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            boolean replace;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                replace = true;
            } else {
                replace = controls && Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            }
            if (replace) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** What a streamed file holds, written to its stream. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Files written to temporary siblings, moved over their targets together by {@link #commit()}. */
    public static final class Batch implements AutoCloseable {
        private final List<Path> targets = new ArrayList<>();
        private final List<Path> temps = new ArrayList<>();
        /** Folders this batch created, outermost first: a batch that fails leaves none of them behind. */
        private final List<Path> createdDirs = new ArrayList<>();
        private boolean committed;

        /** Writes {@code content} beside {@code target}; the target is untouched until {@link #commit()}. */
        public void write(Path target, String content) throws IOException {
            writeText(target, wellFormed(content));
        }

        /**
         * As {@link #write(Path, String)}, for JSON text (a {@code --json} file, a notebook's .ipynb): control
         * characters in its strings are written as {@code \\uXXXX} escapes, which keep them, not as U+FFFD.
         */
        public void writeJson(Path target, String json) throws IOException {
            writeText(target, wellFormed(jsonControlsEscaped(json), false));
        }

        /**
         * As {@link #write(Path, String)}, for source code (a notebook converted to .jsh): control characters (a
         * form feed between parts, an escape in a string literal) are the code's own and stay as they are.
         */
        public void writeSource(Path target, String source) throws IOException {
            writeText(target, wellFormed(source, false));
        }

        private void writeText(Path target, String text) throws IOException {
            write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        }

        /** As {@link #write(Path, String)}, for content written as bytes to {@code out} (it need not close it). */
        public void writeStream(Path target, Content content) throws IOException {
            write(target, tmp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    content.writeTo(out);
                }
            });
        }

        private void write(Path target, Writer writer) throws IOException {
            refuseSpecial(target);
            Path tmp;
            try {
                Path dir = target.toAbsolutePath().getParent();
                createDirectories(dir);
                tmp = temporaryIn(dir);
            } catch (IOException e) {
                throw new WriteFailure(target, e);
            }
            temps.add(tmp);
            targets.add(target);
            try {
                writer.write(tmp);
                finishMode(tmp, target);
            } catch (IOException e) {
                throw new WriteFailure(target, e);
            }
        }

        /** Creates {@code dir} and its missing parents, remembering each one created. */
        private void createDirectories(Path dir) throws IOException {
            List<Path> missing = new ArrayList<>();
            for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
                missing.add(0, d);
            }
            for (Path d : missing) {
                try {
                    Files.createDirectory(d);
                    createdDirs.add(d);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // Another run made it first: it is that run's folder, not this batch's to remove.
                }
            }
        }

        /** Fills a temporary file. */
        private interface Writer {
            void write(Path tmp) throws IOException;
        }

        /**
         * Moves every written file into place, in the order written. Every target is checked first, and with more
         * than one file each earlier version is kept beside its target until all are in place: a move that fails
         * after others succeeded (a file the system will not let go, say) puts those back, so a page and its JSON
         * are not left from two different runs. What could not be kept or put back is named by the failure
         * ({@link WriteFailure#replaced()}); a process killed during the moves is not undone.
         */
        public void commit() throws IOException {
            awaitMove();
            for (Path target : targets) {
                refuseSpecial(target);
            }
            Path[] earlier = new Path[targets.size()];
            boolean[] existed = new boolean[targets.size()];
            int moved = 0;
            try {
                if (targets.size() > 1) {
                    for (int i = 0; i < targets.size(); i++) {
                        existed[i] = Files.exists(targets.get(i), LinkOption.NOFOLLOW_LINKS);
                        earlier[i] = existed[i] ? keepEarlier(targets.get(i)) : null;
                    }
                }
                for (; moved < targets.size(); moved++) {
                    moveOver(temps.get(moved), targets.get(moved));
                    settled(temps.get(moved));
                }
            } catch (IOException e) {
                WriteFailure failure = e instanceof WriteFailure w ? w : new WriteFailure(targets.get(moved), e);
                failure.replaced = putBack(earlier, existed, moved);
                throw failure;
            } finally {
                for (Path kept : earlier) {
                    if (kept != null) {
                        try {
                            Files.deleteIfExists(kept);
                        } catch (IOException e) {
                            // The outputs are as they should be; a later run's sweep removes it once stale.
                        }
                        settled(kept);
                    }
                }
            }
            committed = true;
        }

        /**
         * A hidden copy of the file at {@code target} beside it (a second link to it where the file system has
         * them), or null when none can be made (another user's unreadable file): that one is replaced as before,
         * with nothing to put back.
         */
        private static Path keepEarlier(Path target) {
            Path kept = null;
            try {
                // A name of SaveScope's temporary kind (swept if a killed run leaves it, removed at Ctrl-C), made
                // free again for the link, which cannot be made over an existing file.
                kept = temporaryIn(target.toAbsolutePath().getParent());
                Files.delete(kept);
                try {
                    Files.createLink(kept, target);
                } catch (IOException | UnsupportedOperationException e) {
                    // A copy made now (not with the old file's times, which would look stale to another run's sweep),
                    // with the old file's permissions.
                    Files.copy(target, kept);
                    if (kept.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(kept, Files.getPosixFilePermissions(target));
                    }
                }
                return kept;
            } catch (IOException | RuntimeException e) {
                if (kept != null) {
                    try {
                        Files.deleteIfExists(kept);
                    } catch (IOException ignored) {
                        // swept by a later run once stale
                    }
                    settled(kept);
                }
                return null;
            }
        }

        /**
         * Puts back the first {@code moved} targets as kept in {@code earlier}, removing those that were new, and
         * returns those it could not put back. A kept version that could not be moved back is left where it is
         * (a hidden file beside its target, removed by a later run once stale).
         */
        private List<Path> putBack(Path[] earlier, boolean[] existed, int moved) {
            List<Path> left = new ArrayList<>();
            for (int i = 0; i < moved; i++) {
                try {
                    if (earlier[i] != null) {
                        moveOver(earlier[i], targets.get(i));
                        settled(earlier[i]);
                        earlier[i] = null;
                    } else if (!existed[i]) {
                        Files.deleteIfExists(targets.get(i));
                    } else {
                        left.add(targets.get(i)); // no earlier version could be kept
                    }
                } catch (IOException e) {
                    left.add(targets.get(i));
                    if (earlier[i] != null) {
                        settled(earlier[i]);
                        earlier[i] = null;
                    }
                }
            }
            return List.copyOf(left);
        }

        private static void moveOver(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Removes what was written but not moved into place, and, unless committed, the folders it created. */
        @Override
        public void close() throws IOException {
            for (Path tmp : temps) {
                Files.deleteIfExists(tmp);
                settled(tmp);
            }
            if (!committed) {
                for (int i = createdDirs.size() - 1; i >= 0; i--) {
                    try {
                        Files.deleteIfExists(createdDirs.get(i));
                    } catch (java.nio.file.DirectoryNotEmptyException e) {
                        // Something else was put there meanwhile; it is not this run's to remove.
                        return;
                    }
                }
            }
        }
    }

    /**
     * A move replaces whatever stands at the target: a link (not the file it points to), a device or pipe
     * (with a plain file), an empty folder. Only plain files are ever replaced.
     */
    private static void refuseSpecial(Path target) throws WriteFailure {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return;
        }
        if (!a.isRegularFile()) {
            throw new WriteFailure(target, "is " + savescope.FileProblems.whatIsAt(target) + ", not a plain file; "
                    + "SaveScope only replaces plain files");
        }
    }
}
