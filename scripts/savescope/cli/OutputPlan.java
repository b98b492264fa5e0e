package savescope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import savescope.ExitCode;
import savescope.UserError;
import savescope.FileProblems;
import savescope.load.Loader;
import savescope.render.AtomicFiles;
import savescope.render.DataExport;
import savescope.render.ReportIndex;

/**
 * The files a run reads and the files it will write, checked before any work: an output never replaces an
 * input, another output of the run, anything but a plain file, or (without {@code --force}) a write-protected
 * file. Also turns a failed write into a message that names the file and says what to do.
 */
final class OutputPlan {
    /** A file the run writes, with the option that named it (for messages). */
    private record Output(String option, Path path) {}

    private final List<Path> inputs;
    private final boolean force;
    private final List<Output> outputs = new ArrayList<>();
    private Path dataDir;
    private Path index;
    private String indexNote;

    OutputPlan(List<Path> inputs, boolean force) {
        this.inputs = List.copyOf(inputs);
        this.force = force;
    }

    /** A file the run will write; {@code option} names it for the user ("-o", "--json", "the .ipynb"). */
    OutputPlan file(String option, Path path) {
        outputs.add(new Output(option, path));
        return this;
    }

    /** The {@code --data-dir} folder, whose CSV files the run will write. */
    OutputPlan dataDir(Path dir) {
        dataDir = dir;
        return this;
    }

    /** The reports index the run will rebuild in {@code folder}, unless it must be left alone. */
    OutputPlan index(Path folder) {
        index = folder.resolve("index.html");
        return this;
    }

    /**
     * Checks every planned output; a problem the user must solve ends the run with exit code 2.
     *
     * @throws UserError naming the output and what it collides with
     */
    OutputPlan check() {
        List<Path> inputFiles = new ArrayList<>();
        List<Path> inputFolders = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                inputFolders.add(in);
            } else if (Files.exists(in)) {
                inputFiles.add(in);
            }
        }
        List<Output> checked = new ArrayList<>();
        for (Output o : outputs) {
            checkNamed(o);
            checkNotInput(o, inputFiles, inputFolders);
            checkWritable(o);
            for (Output earlier : checked) {
                if (real(earlier.path()).equals(real(o.path()))) {
                    throw new UserError(o.option() + " " + o.path() + " is the same file as " + earlier.option()
                            + " " + earlier.path() + "; each output needs a file of its own.");
                }
            }
            checked.add(o);
        }
        if (dataDir != null) {
            if (dataDir.toString().equals("-") || dataDir.toString().isEmpty() || blankName(dataDir)) {
                throw new UserError((dataDir.toString().isEmpty() ? "--data-dir"
                        : blankName(dataDir) ? "--data-dir '" + dataDir + "'" : "--data-dir -")
                        + ": give a folder name for the tables, e.g. --data-dir tables.");
            }
            String problem = nameProblem(dataDir);
            if (problem != null) {
                throw new UserError("--data-dir '" + dataDir + "': " + problem.replace("file name", "folder name")
                        + ". Give a folder name for the tables, e.g. --data-dir tables.");
            }
            checkDataDir(inputFiles, inputFolders);
        }
        if (index != null) {
            checkIndex(inputFiles);
        }
        return this;
    }

    /**
     * Why the reports index is left as it is (it is a folder, a link, a device, or write-protected), or null
     * when the run may rebuild it. Known after {@link #check()}.
     */
    String indexNote() {
        return indexNote;
    }

    /** The folder whose index the run rebuilds. */
    Path indexFolder() {
        return index.getParent();
    }

    /** Refuses "-" (standard output, to other tools), an empty name and the names {@link #nameProblem} finds poor. */
    private static void checkNamed(Output o) {
        Path p = o.path();
        if (p.toString().equals("-")) {
            // Other tools read "-" as standard output; a file of that name in the current folder surprises.
            throw new UserError(o.option() + " -: SaveScope writes files, not standard output. Give a file name"
                    + forExample(o) + ".");
        }
        if (p.toString().isEmpty()) {
            throw new UserError(o.option() + ": the file name is empty. Give a file name" + forExample(o) + ".");
        }
        String problem = nameProblem(p);
        if (problem != null) {
            throw new UserError(o.option() + " '" + p + "': " + problem + ". Give a file name" + forExample(o) + ".");
        }
    }

    /**
     * Why {@code p} is a poor name to write, or null: a part of it that shows as nothing (spaces, tabs, no-break or
     * zero-width spaces; mostly a quoting slip in a script, -o "$NAME" with NAME blank, and a file or folder hard
     * to see and remove), or a control character such as a line break, which splits every listing of the folder.
     */
    static String nameProblem(Path p) {
        int parts = p.getNameCount();
        for (int i = 0; i < parts; i++) {
            String part = p.getName(i).toString();
            if (invisible(part)) {
                return i == parts - 1 ? "the file name is only blank space"
                        : "the folder name '" + part + "' in it is only blank space";
            }
        }
        String text = p.toString();
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                return String.format(Locale.ROOT, "the name holds a control character (U+%04X)", c);
            }
        }
        Path last = p.getFileName();
        if (last != null && OUTPUT_EXTENSION.matcher(last.toString()).matches()) {
            // -o "$NAME.html" with NAME empty: a hidden file that no listing shows.
            return "the file name '" + last + "' has nothing before its extension";
        }
        return null;
    }

    /** A name that is an output's extension alone. */
    private static final java.util.regex.Pattern OUTPUT_EXTENSION = java.util.regex.Pattern.compile(
            "\\.(html?|json|ipynb|pdf|csv|gz|json\\.gz)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * True when every character of {@code part} is blank or shows as nothing: spaces of every kind, format
     * characters (U+200B, U+FEFF), marks with nothing to sit on (U+0301 alone), the Hangul fillers and the blank
     * Braille pattern.
     */
    static boolean invisible(String part) {
        return part.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
                || switch (Character.getType(c)) {
                    case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> true;
                    default -> false;
                });
    }

    /** True when the last part of {@code p} is nothing but blank characters or ones that show as nothing. */
    static boolean blankName(Path p) {
        Path name = p.getFileName();
        return name != null && invisible(name.toString());
    }

    private void checkWritable(Output o) {
        Path p = o.path();
        String named = o.option() + " " + p;
        checkNameLengths(named, p);
        String what = FileProblems.whatIsAt(p);
        if ("a symbolic link".equals(what)) {
            Path target = linkTarget(p);
            throw new UserError(named + " is a symbolic link to " + target + "; SaveScope does not write "
                    + "through links. Give the file itself: " + o.option() + " " + target);
        }
        if ("a folder".equals(what) && o.option().equals("--pdf")) {
            // --pdf takes no value: the PDF's name comes from -o, so only another -o (or moving the folder) helps.
            throw new UserError(p + " (the PDF beside -o) is a folder; move it or choose another -o.");
        }
        if ("a folder".equals(what)) {
            throw new UserError(named + " is a folder; give a file name inside it, e.g. " + o.option() + " "
                    + p.resolve(exampleName(o)));
        }
        if (what != null && !"a file".equals(what)) {
            throw new UserError(named + " is " + what + ", not a file; SaveScope writes only plain files "
                    + "and never replaces a device, pipe or socket. Give a file name.");
        }
        if (what != null && isWriteProtected(p) && !force) {
            throw new UserError(named + " is write-protected (" + permissions(p) + "); SaveScope leaves it as "
                    + "it is. Make it writable (chmod u+w " + p + "), choose another file, or pass --force to replace it.");
        }
        checkFolderFor(named, p.toAbsolutePath().getParent());
    }

    /** The longest file or folder name, in bytes of UTF-8, that the usual file systems (ext4, APFS, XFS) accept. */
    static final int LONGEST_NAME = 255;

    /**
     * Refuses a path with a part longer than {@link #LONGEST_NAME} bytes before any work, rather than after it when
     * the file cannot be made.
     */
    static void checkNameLengths(String named, Path p) {
        for (Path part : p) {
            int bytes = part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > LONGEST_NAME) {
                throw new UserError(named + ": the name " + (part.equals(p.getFileName()) ? "" : "of the folder ")
                        + "\"" + shortened(part.toString()) + "\" is " + bytes + " bytes long; a name may "
                        + "have at most " + LONGEST_NAME + " bytes (in UTF-8). Choose a shorter one.");
            }
        }
    }

    /** A long name cut in its middle, so that the message stays readable and still shows how it starts and ends. */
    private static String shortened(String name) {
        int length = name.codePointCount(0, name.length());
        return length <= 60 ? name : name.substring(0, name.offsetByCodePoints(0, 40)) + "…"
                + name.substring(name.offsetByCodePoints(0, length - 15));
    }

    /** The folder {@code dir} can hold a new file: it exists and is writable, or can be made. */
    private static void checkFolderFor(String named, Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UserError(named + ": " + existing + " is a file, so the folder " + dir + " cannot be "
                    + "made there. Choose another place, or move " + existing + " away.");
        }
        if (readOnlyStore(existing)) {
            throw new UserError(named + ": the folder " + existing + " is on a read-only file system; choose "
                    + "another place.");
        }
        if (!Files.isWritable(existing)) {
            throw new UserError(named + ": the folder " + existing + " is not writable. Make it writable, "
                    + "or choose another place.");
        }
    }

    private static void checkNotInput(Output o, List<Path> inputFiles, List<Path> inputFolders) {
        Path out = real(o.path());
        for (Path in : inputFiles) {
            if (out.equals(real(in)) || sameExistingFile(o.path(), in)) {
                throw new UserError(o.option() + " " + o.path() + " is the input " + in + "; SaveScope never "
                        + "replaces an input. Choose another file for " + o.option() + ".");
            }
        }
        for (Path folder : inputFolders) {
            if (out.startsWith(real(folder)) && Loader.isDataFile(out)) {
                throw new UserError(o.option() + " " + o.path() + " lies inside the input folder " + folder
                        + ", where SaveScope reads every export file (CSV, XLSX, JSON, ZIP): it could replace one, "
                        + "and the next run would read it as an export. Write it outside " + folder + ".");
            }
        }
    }

    private void checkDataDir(List<Path> inputFiles, List<Path> inputFolders) {
        String named = "--data-dir " + dataDir;
        checkNameLengths(named, dataDir);
        Path dir = real(dataDir);
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new UserError(named + " is " + FileProblems.whatIsAt(dataDir) + ", not a folder; give a "
                    + "new or empty folder for the tables.");
        }
        for (Path folder : inputFolders) {
            if (dir.startsWith(real(folder)) || real(folder).startsWith(dir)) {
                throw new UserError(named + " is or shares the input folder " + folder + ", where SaveScope "
                        + "reads every CSV file: the tables would replace your exports or be read as exports next "
                        + "time. Give a folder outside " + folder + ", e.g. --data-dir tables/");
            }
        }
        for (Path in : inputFiles) {
            if (real(in).startsWith(dir)) {
                throw new UserError(named + " holds the input " + in + ", which its tables could replace. "
                        + "Give another folder, e.g. --data-dir tables/");
            }
        }
        for (Output o : outputs) {
            if (real(o.path()).equals(dir)) {
                throw new UserError(o.option() + " " + o.path() + " is also the " + named + " folder; give each its "
                        + "own name.");
            }
            if (real(o.path()).startsWith(dir) && o.path().getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".csv")) {
                throw new UserError(o.option() + " " + o.path() + " lies inside " + named + ", whose CSV files "
                        + "are SaveScope's tables; write it elsewhere.");
            }
        }
        try {
            if (!DataExport.mayWriteInto(dataDir)) {
                throw new UserError(named + " already holds files that SaveScope did not write there (it has "
                        + "no " + DataExport.MARKER + " file); SaveScope writes its tables only into a new or empty "
                        + "folder, or one it wrote before. Give a new folder, e.g. --data-dir " + dataDir.resolve("tables")
                        + ", or empty this one.");
            }
        } catch (IOException e) {
            throw new UserError(named + ": could not look inside the folder (" + FileProblems.reason(e)
                    + "); give another folder.", e);
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".csv")
                        || f.getFileName().toString().equals(DataExport.MARKER)).sorted().toList()) {
                    checkWritable(new Output("--data-dir", f));
                }
            } catch (IOException e) {
                throw new UserError(named + ": could not look inside the folder (" + FileProblems.reason(e)
                        + "); give another folder.", e);
            }
        } else {
            checkFolderFor(named, dataDir.toAbsolutePath());
        }
    }

    private void checkIndex(List<Path> inputFiles) {
        String what = FileProblems.whatIsAt(index);
        if (what != null && !"a file".equals(what)) {
            // Left alone, so it is no output of the run and cannot collide with an input.
            indexNote = index + " is " + what + ", not a list of reports SaveScope wrote; left it as it is "
                    + "(--no-index skips the index).";
            return;
        }
        Path at = real(index);
        for (Output o : outputs) {
            if (real(o.path()).equals(at)) {
                throw new UserError(o.option() + " " + o.path() + " is where the list of reports (index.html) "
                        + "goes; choose another file name, or pass --no-index.");
            }
        }
        // An index another program wrote is left as it is, so it cannot replace an input either.
        boolean rebuilt = what == null || replacedByRebuild(index);
        for (Path in : rebuilt ? inputFiles : List.<Path>of()) {
            if (at.equals(real(in)) || sameExistingFile(index, in)) {
                throw new UserError("the input " + in + " is the reports index SaveScope rebuilds beside the "
                        + "report; pass --no-index, or write the report elsewhere with -o.");
            }
        }
        if (what != null && isWriteProtected(index) && !force) {
            indexNote = index + " is write-protected; left it as it is (--force replaces it, --no-index skips it).";
        }
    }

    /** True for an index SaveScope wrote; one that cannot be read is taken to be ours, to be safe. */
    private static boolean replacedByRebuild(Path index) {
        try {
            return ReportIndex.isSaveScopeIndex(index);
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether {@code target} is a file that exists in a folder this process may write: then the file refused. */
    private static boolean lockedFile(Object target) {
        if (!(target instanceof Path p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path dir = p.toAbsolutePath().getParent();
        return dir != null && Files.isWritable(dir);
    }

    /**
     * Turns a failed write into a message naming the file and what to do: exit code 2 where a choice of the
     * user's can fix it (another place, a folder's permissions), 1 where the machine failed (a full disk).
     */
    static UserError writeFailure(IOException e) {
        UserError error = writeFailureAlone(e);
        // A commit that could not put every earlier file back says which ones this run left new.
        List<Path> replaced = e instanceof AtomicFiles.WriteFailure w ? w.replaced() : List.of();
        if (replaced.isEmpty()) {
            return error;
        }
        String said = error.getMessage().replace(" Files already there were left as they were.", "");
        return new UserError(error.exitCode(), said + " Already replaced by this run, and not put back as they were: "
                + String.join(", ", replaced.stream().map(Path::toString).toList()) + ".", e);
    }

    private static UserError writeFailureAlone(IOException e) {
        IOException problem = e instanceof AtomicFiles.WriteFailure w ? w.problem() : e;
        Object target = e instanceof AtomicFiles.WriteFailure w ? w.target() : FileProblems.file(e);
        String head = "could not write " + (target == null ? "a file" : target) + ": ";
        if (problem == e && e instanceof AtomicFiles.WriteFailure) {
            // A check of the writer's own, with its reason as the message.
            String m = e.getMessage();
            return new UserError(head + m.substring(m.indexOf(": ") + 2) + ".", e);
        }
        String place = FileProblems.file(problem);
        return switch (FileProblems.kind(problem)) {
            case PERMISSION -> new UserError(head + "permission denied" + on(place, target)
                    + (lockedFile(target) ? "; its folder is writable, so the system refused the file itself (another "
                    + "user's file in a shared folder such as /tmp, or one marked immutable: `lsattr` shows an i); "
                    + "choose another place." : "; make its folder writable, or choose another place."), e);
            case READ_ONLY_FS -> new UserError(head + "the file system there is read-only; choose another "
                    + "place.", e);
            case DISK_FULL -> new UserError(ExitCode.FAILURE, head + "the disk is full (no space left on the device); free some "
                    + "space or choose another place. Files already there were left as they were.", e);
            case IS_FOLDER -> new UserError(head + "it is a folder; give a file name inside it.", e);
            case NOT_FOLDER -> new UserError(head + "a file stands where a folder is needed"
                    + on(place, target) + "; choose another place, or move that file away.", e);
            case MISSING -> folderExists(target) ? new UserError(head + "it cannot be written there (the system "
                    + "refused to create it); choose another place.", e) : new UserError(head + "its folder does not "
                    + "exist" + on(place, target) + "; create it or choose another place.", e);
            case OTHER -> new UserError(ExitCode.FAILURE, head + FileProblems.reason(problem) + ".", e);
        };
    }

    /** Whether the folder a target file would go in exists: if so, a "missing" file is one the system refused. */
    private static boolean folderExists(Object target) {
        Path parent = target == null ? null : Path.of(String.valueOf(target)).toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent);
    }

    private static String on(String place, Object target) {
        return place == null || place.equals(String.valueOf(target)) || place.contains(".tmp") ? "" : " (" + place + ")";
    }

    /** The path with links and {@code ..} resolved as the system would: the existing part made real, the rest added. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs.normalize();
        }
    }

    private static boolean readOnlyStore(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path linkTarget(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            try {
                return link.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(link)).normalize();
            } catch (IOException e2) {
                return link;
            }
        }
    }

    /**
     * True when the owner has no write permission. Checked on the bits, because the superuser may write any file
     * and would never be told.
     */
    static boolean isWriteProtected(Path p) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return !Files.isWritable(p);
        }
        try {
            return !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static String permissions(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            return PosixFilePermissions.toString(perms);
        } catch (IOException | UnsupportedOperationException e) {
            return "read-only";
        }
    }

    /** ", e.g. -o report.html" for an option the user types, else nothing. */
    private static String forExample(Output o) {
        return switch (o.option()) {
            case "-o", "--json", "--save-aggregates" -> ", e.g. " + o.option() + " " + exampleName(o);
            case "--notebook" -> ", e.g. --notebook report.ipynb";
            default -> "";
        };
    }

    private static String exampleName(Output o) {
        return o.option().equals("--json") ? "numbers.json" : o.option().equals("--save-aggregates") ? "numbers.json.gz"
                : "report.html";
    }
}
