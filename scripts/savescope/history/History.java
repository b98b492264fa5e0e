package savescope.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import savescope.FileProblems;
import savescope.load.Loader;
import savescope.model.SourceReport;
import savescope.model.Dataset;

/**
 * A folder that keeps every export ever imported: each content once under {@code objects/<sha256>.<ext>},
 * written once and never changed, and {@code manifest.json} listing the imports with original names and times.
 */
public final class History {
    static final String MANIFEST = "manifest.json";
    static final String OBJECTS = "objects";
    private static final String LOCK = ".lock";
    private static final java.time.format.DateTimeFormatter IMPORT_STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final Path folder;

    public History(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** True when {@code dir} is a history folder (it holds a manifest), so a report pointed at it reads it as one. */
    public static boolean isHistory(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * The history in {@code dir} for a report to read, named as {@code option} ({@code --history}) when it is none.
     *
     * @throws HistoryException for a folder without a manifest
     */
    public static History existing(Path dir, String option) {
        if (!isHistory(dir)) {
            throw new HistoryException(option + " " + dir + ": no history there (no manifest.json); import exports "
                    + "into it first: ./jbang import FILE... --history " + dir);
        }
        return new History(dir);
    }

    /** The imports so far; none for a folder not made yet. */
    public Manifest manifest() {
        Path file = folder.resolve(MANIFEST);
        if (!Files.exists(file)) {
            return Manifest.empty();
        }
        try {
            return Manifest.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new HistoryException(file + ": could not read it (" + FileProblems.reason(e) + ").", e);
        }
    }

    /**
     * Every content imported in the first {@code importCount} imports, once, under its first name and time, by
     * name; each read as it was imported ({@link #readings}) over {@code base}, the options of the load.
     */
    public List<Loader.StoredFile> storedFiles(Manifest manifest, int importCount, Loader.Options base) {
        Map<String, Reading> readings = readings(manifest);
        Map<String, String> origins = readingOrigins(manifest);
        Map<String, Loader.StoredFile> bySha = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Manifest.Import in : manifest.imports().subList(0, importCount)) {
            for (Manifest.Entry e : in.files()) {
                Path object = folder.resolve(e.object());
                if (bySha.containsKey(e.sha256())) {
                    continue;
                }
                if (!Files.isRegularFile(object)) {
                    throw new HistoryException(object + ": missing, though " + folder.resolve(MANIFEST) + " lists it "
                            + "as " + e.name() + "; " + repairAdvice(e));
                }
                checkIntact(object, e);
                // A later export under a name already used (this week's videos.csv) is told apart by its import.
                String name = names.add(e.name()) ? e.name() : "imported-" + IMPORT_STAMP.format(in.importedAt())
                        + "/" + e.name();
                names.add(name);
                bySha.put(e.sha256(), new Loader.StoredFile(Path.of(name), object, e.modified(),
                        readings.get(e.sha256()).over(base), origins.get(e.sha256())));
            }
        }
        // The loader reads a folder's files in name order; a history reads its files so, to give the same report.
        return bySha.values().stream().sorted((a, b) -> Loader.naturalOrder(a.name(), b.name())).toList();
    }

    /** A stored copy must still be what was imported: a changed copy would silently change every report. */
    private static void checkIntact(Path object, Manifest.Entry e) {
        try {
            if (!sha256(object).equals(e.sha256())) {
                throw new HistoryException(object + ": its content no longer matches its name (SHA-256), so it is "
                        + "not the " + e.name() + " that was imported; " + repairAdvice(e));
            }
        } catch (IOException io) {
            throw new HistoryException(object + ": could not read it (" + FileProblems.reason(io) + ").", io);
        }
    }

    /** What puts a stored copy back: the export itself repairs it, except a comment export kept without authors. */
    private static String repairAdvice(Manifest.Entry e) {
        return e.authorsRemoved() ? "restore the folder from a backup (a comment export is kept without its commenter "
                + "names, so importing it again cannot restore this copy)."
                : "import that export again (./jbang import " + e.name() + " --history FOLDER puts back the copy when "
                        + "its content is the same), or restore the folder from a backup.";
    }

    /**
     * How each content is read: with the {@code --map} and {@code --types} of the latest import that gave any for
     * it (the same export imported again with other options is read the new way; imported again without options,
     * it keeps its own), so every report over the history, at any import, reads a content one way.
     */
    static Map<String, Reading> readings(Manifest manifest) {
        Map<String, Reading> bySha = new java.util.HashMap<>();
        for (Manifest.Import in : manifest.imports()) {
            for (Manifest.Entry e : in.files()) {
                if (!e.reading().isEmpty()) {
                    bySha.put(e.sha256(), e.reading());
                } else {
                    bySha.putIfAbsent(e.sha256(), Reading.NONE);
                }
            }
        }
        return bySha;
    }

    /**
     * Where in the manifest each content's mapping is written ({@code H/manifest.json: imports[1].files[0].map}),
     * so that a mapping naming a column its export lacks is named where it can be fixed.
     */
    private Map<String, String> readingOrigins(Manifest manifest) {
        Map<String, String> bySha = new java.util.HashMap<>();
        for (int i = 0; i < manifest.imports().size(); i++) {
            List<Manifest.Entry> files = manifest.imports().get(i).files();
            for (int j = 0; j < files.size(); j++) {
                if (!files.get(j).reading().isEmpty()) {
                    bySha.put(files.get(j).sha256(), folder.resolve(MANIFEST) + ": imports[" + i + "].files[" + j
                            + "].map");
                }
            }
        }
        return bySha;
    }

    /** Every content ever imported, each read as it was imported over {@code base}. */
    public List<Loader.StoredFile> storedFiles(Loader.Options base) {
        Manifest m = manifest();
        return storedFiles(m, m.imports().size(), base);
    }

    /** Every content ever imported, each read as it was imported. */
    public List<Loader.StoredFile> storedFiles() {
        return storedFiles(Loader.Options.defaults());
    }

    /** Loads everything imported as a report does: each export read as it was imported, then with {@code options}. */
    public Dataset load(Loader.Options options) {
        return Loader.loadStored(storedFiles(options), options);
    }

    /** One export named for import: where it is and the name it is kept under. */
    record Candidate(Path file, String name, Instant modified) {}

    /**
     * Imports the exports: validates them together with what the history holds (bad input changes nothing),
     * keeps each new content once, comment exports without their author fields, and records the import with
     * {@code reading}, the options the exports are read with (now, and by every report over the history).
     *
     * @throws savescope.load.InputException for input the loader cannot use (nothing is stored)
     * @throws HistoryException for a history folder that cannot be used
     */
    public Manifest.Import importFiles(List<Path> inputs, Reading reading, Instant now) {
        List<Candidate> candidates = candidates(inputs);
        try {
            Files.createDirectories(folder.resolve(OBJECTS));
        } catch (IOException e) {
            throw new HistoryException(folder + ": could not make the history folder (" + FileProblems.reason(e)
                    + "); choose another with --history DIR.", e);
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return importLocked(candidates, reading, now);
        } catch (IOException e) {
            throw new HistoryException(folder + ": could not write to the history (" + FileProblems.reason(e)
                    + "); nothing of this import was recorded.", e);
        }
    }

    private Manifest.Import importLocked(List<Candidate> candidates, Reading reading, Instant now)
            throws IOException {
        Manifest manifest = manifest();
        repairFrom(candidates, manifest);
        // What the history holds is read as a report without options would read it; the new exports with this
        // import's options, which the load's own are too (so a --map header no export has stops the import).
        List<Loader.StoredFile> held = storedFiles(manifest, manifest.imports().size(), Loader.Options.defaults());
        Loader.Options options = reading.over(Loader.Options.defaults());
        // Checked under the paths given, so that a problem names the file as the user knows it.
        List<Loader.StoredFile> given = candidates.stream()
                .map(c -> new Loader.StoredFile(c.file(), c.file(), c.modified(), options)).toList();
        Dataset checked = Loader.loadStored(join(held, given), options);
        List<String> commentFiles = commentFiles(checked, candidates);
        List<Path> temps = new ArrayList<>();
        try {
            // Comment exports are rewritten without their authors to private temporary files, which are then
            // checked again: what enters the history is exactly what was validated.
            List<Path> contents = new ArrayList<>();
            for (Candidate c : candidates) {
                if (commentFiles.contains(c.name())) {
                    Path temp = Files.createTempFile(folder.resolve(OBJECTS), ".import-", ".tmp");
                    temps.add(temp);
                    Files.write(temp, CommentAuthors.remove(Files.readAllBytes(c.file()), c.name()));
                    contents.add(temp);
                } else {
                    contents.add(c.file());
                }
            }
            if (!commentFiles.isEmpty()) {
                List<Loader.StoredFile> scrubbed = new ArrayList<>();
                for (int i = 0; i < candidates.size(); i++) {
                    scrubbed.add(new Loader.StoredFile(given.get(i).name(), contents.get(i), given.get(i).modified(),
                            options));
                }
                Loader.loadStored(join(held, scrubbed), options);
            }
            List<Manifest.Entry> entries = new ArrayList<>();
            java.util.Set<String> known = new java.util.HashSet<>();
            manifest.imports().forEach(in -> in.files().forEach(e -> known.add(e.sha256())));
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                String sha = sha256(contents.get(i));
                String object = OBJECTS + "/" + sha + extension(c.name());
                boolean added = !known.contains(sha);
                store(contents.get(i), folder.resolve(object), sha);
                known.add(sha);
                entries.add(new Manifest.Entry(c.name(), sha, object, Files.size(folder.resolve(object)), c.modified(),
                        added, commentFiles.contains(c.name()), reading));
            }
            Manifest.Import done = new Manifest.Import(now, entries);
            writeAtomically(folder.resolve(MANIFEST), manifest.plus(done).toJson());
            return done;
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    /**
     * Puts back a stored copy that is missing or damaged when one of the files imported now has exactly the
     * content it is named for (its SHA-256), so importing that export again repairs the history as its error
     * messages say. The copy is replaced through a temporary file and a move: the name still means one content.
     */
    private void repairFrom(List<Candidate> candidates, Manifest manifest) throws IOException {
        Map<String, String> objects = new java.util.HashMap<>();
        manifest.imports().forEach(in -> in.files().forEach(e -> objects.putIfAbsent(e.sha256(), e.object())));
        for (Candidate c : candidates) {
            String sha = sha256(c.file());
            String object = objects.get(sha);
            if (object == null) {
                continue;
            }
            Path stored = folder.resolve(object);
            if (!Files.exists(stored)) {
                store(c.file(), stored, sha);
            } else if (!Files.isRegularFile(stored) || !sha256(stored).equals(sha)) {
                replace(c.file(), stored);
            }
        }
    }

    private static List<Loader.StoredFile> join(List<Loader.StoredFile> a, List<Loader.StoredFile> b) {
        List<Loader.StoredFile> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The names of the given files the loader read as comments; comments inside a ZIP cannot be cleaned, so refused. */
    private static List<String> commentFiles(Dataset checked, List<Candidate> candidates) {
        List<String> names = candidates.stream().map(c -> c.file().toString()).toList();
        List<String> found = new ArrayList<>();
        for (SourceReport s : checked.load().sources()) {
            if (!s.kind().equals(SourceReport.COMMENTS)) {
                continue;
            }
            int bang = s.file().indexOf("!/");
            String file = bang > 0 ? s.file().substring(0, bang) : s.file();
            int at = names.indexOf(file);
            if (at < 0) {
                continue;
            }
            if (bang > 0) {
                throw new HistoryException(s.file() + ": comments inside a ZIP; unzip it and import the comment "
                        + "file on its own, so that commenter names and ids can be left out of the history.");
            }
            found.add(candidates.get(at).name());
        }
        return found;
    }

    /**
     * Writes {@code content} to {@code object} once: through a temporary file and a move, read-only afterwards.
     * An object already there is checked, never rewritten.
     */
    private static void store(Path content, Path object, String sha) throws IOException {
        if (Files.exists(object)) {
            if (!sha256(object).equals(sha)) {
                throw new HistoryException(object + ": its content no longer matches its name (SHA-256); the "
                        + "history is damaged. Restore it from a backup; nothing was imported.");
            }
            return;
        }
        Path temp = readOnlyCopy(content, object);
        try {
            moveIntoPlace(temp, object, false);
        } catch (FileAlreadyExistsException e) {
            // Another import stored the same content first; it is the same bytes.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces a damaged stored copy by {@code content} in one move, read-only as every stored copy. */
    private static void replace(Path content, Path object) throws IOException {
        Path temp = readOnlyCopy(content, object);
        try {
            moveIntoPlace(temp, object, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A read-only copy of {@code content} on disk beside {@code object}, to be moved into its place. */
    private static Path readOnlyCopy(Path content, Path object) throws IOException {
        Path temp = Files.createTempFile(object.getParent(), ".object-", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            permit(temp, false, object);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Moves {@code temp} onto {@code target} in one step where the file system can, else by a plain move;
     * without {@code replace}, an existing target stays and the move fails with FileAlreadyExistsException.
     */
    private static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".manifest-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            permit(temp, true, target);
            moveIntoPlace(temp, target, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Gives temporary file {@code file}, about to be moved to {@code target}, the permissions of the file there, else
     * those of a new file in that folder (umask, default ACL), without write permission when not {@code writable},
     * where the system has them; elsewhere only makes a read-only one read-only. Temporary files start private.
     */
    private static void permit(Path file, boolean writable, Path target) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = java.util.EnumSet.noneOf(
                    java.nio.file.attribute.PosixFilePermission.class);
            mode.addAll(Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : savescope.NewFileMode.in(target.toAbsolutePath().getParent()));
            if (!writable) {
                mode.removeIf(p -> p.name().endsWith("_WRITE"));
            }
            Files.setPosixFilePermissions(file, mode);
        } else if (!writable) {
            file.toFile().setReadOnly();
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The stored extension: the original's, in lower case, which the loader reads formats by. */
    private static String extension(String name) {
        String base = Path.of(name).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    /**
     * The files to import: each file given, and every export file in each folder given (as the report reads a
     * folder), named by the folder's name and the path below it.
     */
    static List<Candidate> candidates(List<Path> inputs) {
        List<Candidate> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                Path base = input.toAbsolutePath().normalize();
                String prefix = base.getFileName() == null ? "" : base.getFileName() + "/";
                try (Stream<Path> walk = Files.walk(input)) {
                    for (Path f : walk.filter(Files::isRegularFile).filter(Loader::isDataFile).sorted(Loader::naturalOrder).toList()) {
                        String below = base.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
                        out.add(new Candidate(f, prefix + below, modified(f)));
                    }
                } catch (IOException | UncheckedIOException e) {
                    throw new HistoryException(input + ": could not read this folder; make it readable, or name "
                            + "the export files instead.", e);
                }
            } else if (Files.isRegularFile(input)) {
                out.add(new Candidate(input, input.getFileName().toString(), modified(input)));
            } else {
                throw new HistoryException(input + ": " + (Files.exists(input) ? "is " + FileProblems.whatIsBehind(input)
                        + ", not a file; import keeps copies of export files and folders of them"
                        : "no such file or folder") + ".");
            }
        }
        if (out.isEmpty()) {
            throw new HistoryException(inputs + ": no export files found; expected CSV, XLSX, JSON or ZIP exports.");
        }
        return out;
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
