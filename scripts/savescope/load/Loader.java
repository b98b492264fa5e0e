package savescope.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import savescope.FileProblems;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import savescope.model.LoadReport;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Loads every input the user names (files, folders, Studio ZIPs; formats mixed) into one {@link Dataset},
 * telling the format of each file from its headers or keys.
 */
public final class Loader {

    /**
     * How to read the inputs.
     *
     * @param columnMap canonical field → the user's header for it ({@code --map saves=Favorites})
     * @param types how hashtags map onto content types
     * @param progress told how far reading has got, or null
     */
    public record Options(Map<String, String> columnMap, ContentTypes types, Progress progress) {
        public Options(Map<String, String> columnMap, ContentTypes types) {
            this(columnMap, types, null);
        }

        public static Options defaults() {
            return new Options(Map.of(), ContentTypes.defaults());
        }

        /** These options, telling {@code p} how far reading has got. */
        public Options withProgress(Progress p) {
            return new Options(columnMap, types, p);
        }
    }

    /** Hears how many bytes of the input files have been read, for a progress bar on long loads. */
    public interface Progress {
        /**
         * Called as bytes are read (files may be read on two threads; calls come one at a time), and once
         * more when all are.
         *
         * @param bytesRead bytes of the input files read so far (a ZIP counts its compressed size)
         * @param totalBytes the size of every input file together
         */
        void bytesRead(long bytesRead, long totalBytes);
    }

    private static final List<String> DATA_EXTENSIONS = List.of(".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl",
            ".ndjson", ".zip");
    /** {@code <Section>_<date>_<epoch>_<handle>.zip}: the epoch is when the export was made. */
    private static final Pattern ZIP_EPOCH = Pattern.compile("_(\\d{10})(?:_|\\.zip$)", Pattern.CASE_INSENSITIVE);

    private Loader() {}

    /**
     * An export kept elsewhere (a copy in a history folder), read from {@code source} as if it were the file
     * {@code name} last modified at {@code modified}, so its format, export time and messages are the original's.
     */
    public record StoredFile(Path name, Path source, Instant modified, Options options, String mapOrigin) {
        /** A stored copy read with the options of the load it is part of. */
        public StoredFile(Path name, Path source, Instant modified) {
            this(name, source, modified, null, null);
        }

        /** A stored copy read with {@code options} of its own, whose origin is not told apart. */
        public StoredFile(Path name, Path source, Instant modified, Options options) {
            this(name, source, modified, options, null);
        }
    }

    /**
     * Loads stored copies of exports as {@link #load} loads the originals; a copy with options of its own (the
     * column mapping it was imported with) is read with those, the others with {@code options}.
     */
    public static Dataset loadStored(List<StoredFile> stored, Options options) {
        if (stored.isEmpty()) {
            throw new InputException("no exports stored yet; expected at least one imported file.");
        }
        List<Path> names = stored.stream().map(StoredFile::name).toList();
        Instant zipTime = latestZipTime(names);
        if (options.progress() != null) {
            options = options.withProgress(neverBack(options.progress()));
        }
        LoadState state = new LoadState(options, zipTime);
        mapNotes(stored, options, state);
        return loadFiles(state, options, zipTime, names, names,
                stored.stream().map(StoredFile::source).toArray(Path[]::new),
                stored.stream().map(StoredFile::modified).toArray(Instant[]::new),
                stored.stream().map(StoredFile::options).toArray(Options[]::new),
                stored.stream().map(StoredFile::mapOrigin).toArray(String[]::new));
    }

    /**
     * How the load's own {@code --map} meets the mappings stored copies keep: a field a copy maps itself is read
     * its way (said in a note, and the load's header for it is not required to exist); a column a copy already
     * reads for another field is refused, as {@code --map} refuses one column for two fields.
     */
    private static void mapNotes(List<StoredFile> stored, Options options, LoadState state) {
        for (StoredFile f : stored) {
            if (f.options() == null) {
                continue;
            }
            Map<String, String> own = f.options().columnMap();
            options.columnMap().forEach((field, header) -> {
                String kept = own.get(field);
                if (kept != null && !Fields.normalize(kept).equals(Fields.normalize(header))) {
                    state.assumptions.add("--map " + field + "=" + header + " is not used for " + f.name() + ": it is read with the "
                            + "mapping it was imported with (" + field + "=" + kept + "); import it again with --map "
                            + field + "=" + header + " to read it so.");
                } else if (kept == null) {
                    own.forEach((otherField, otherHeader) -> {
                        if (Fields.normalize(otherHeader).equals(Fields.normalize(header))) {
                            throw new InputException("--map " + field + "=" + header + ": the column \"" + header
                                    + "\" already feeds " + otherField + " in " + f.name() + " (it was imported with "
                                    + "--map " + otherField + "=" + otherHeader + "); a column feeds one field.");
                        }
                    });
                }
            });
        }
    }

    /**
     * The order a folder's files are read in: by path, with runs of digits compared as numbers, so "week 9.csv"
     * comes before "week 10.csv" as a file manager lists them. The last file read is the newest snapshot when
     * nothing else tells (equal modification times), so plain text order made week 9 the newest of ten.
     */
    public static int naturalOrder(Path a, Path b) {
        String x = a.toString();
        String y = b.toString();
        int i = 0;
        int j = 0;
        int zeros = 0;
        while (i < x.length() && j < y.length()) {
            char c = x.charAt(i);
            char d = y.charAt(j);
            if (isAsciiDigit(c) && isAsciiDigit(d)) {
                int endX = digitsEnd(x, i);
                int endY = digitsEnd(y, j);
                int startX = leadingZerosEnd(x, i, endX);
                int startY = leadingZerosEnd(y, j, endY);
                int byValue = Integer.compare(endX - startX, endY - startY);
                for (int k = 0; byValue == 0 && k < endX - startX; k++) {
                    byValue = Character.compare(x.charAt(startX + k), y.charAt(startY + k));
                }
                if (byValue != 0) {
                    return byValue;
                }
                // Equal numbers: the rest decides, else "07" comes after "7" (different names never compare equal).
                if (zeros == 0) {
                    zeros = Integer.compare(endX - i, endY - j);
                }
                i = endX;
                j = endY;
            } else {
                if (c != d) {
                    return Character.compare(c, d);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(x.length() - i, y.length() - j);
        return byLength != 0 ? byLength : zeros;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isAsciiDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int leadingZerosEnd(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }

    public static Dataset load(List<Path> inputs, Options options) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputException(input + ": no such file or folder.");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(Loader::isDataFile).sorted(Loader::naturalOrder).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    // A subfolder that cannot be listed fails the walk part way, as an unchecked exception.
                    IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                    String where = FileProblems.file(cause) != null ? FileProblems.file(cause) : input.toString();
                    throw new InputException(where + ": could not read this folder (" + FileProblems.reason(cause)
                            + "); make it readable, or name the export files you want instead of " + input + ".", cause);
                }
            } else if (!Files.isRegularFile(input) && !FileProblems.isPipe(input)) {
                throw new InputException(input + ": this is " + FileProblems.whatIsBehind(input) + ", not an "
                        + "export file; expected CSV, XLSX, JSON or ZIP files, folders of them, or a pipe.");
            } else {
                files.add(input);
            }
        }
        if (files.isEmpty()) {
            throw new InputException(inputs + ": no data files found; expected CSV, XLSX, JSON or ZIP exports ("
                    + TableRouter.KNOWN_FORMATS + ").");
        }
        Instant zipTime = latestZipTime(files);
        if (options.progress() != null) {
            options = options.withProgress(neverBack(options.progress()));
        }
        LoadState state = new LoadState(options, zipTime);
        // A pipe gives its bytes once, and a file may be opened twice (the fast daily reader, then the general
        // one): each pipe is copied to a private temporary file first, read from there under its own name.
        Path[] readFrom = files.toArray(Path[]::new);
        try {
            for (int i = 0; i < readFrom.length; i++) {
                if (!Files.isRegularFile(readFrom[i])) {
                    Path copy = Files.createTempFile("savescope-input-", ".tmp");
                    readFrom[i] = copy;
                    // Opening a pipe waits, without end, until something writes into it: say why the run stands still.
                    System.err.println("reading from the pipe " + files.get(i) + ": waiting for data (Ctrl-C to stop)");
                    System.err.flush();
                    try {
                        Files.copy(files.get(i), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new InputException(files.get(i) + ": could not read it (" + FileProblems.reason(e)
                                + ").", e);
                    }
                }
            }
            return loadFiles(state, options, zipTime, inputs, files, readFrom, new Instant[readFrom.length],
                    new Options[readFrom.length], new String[readFrom.length]);
        } catch (IOException e) {
            throw new InputException("could not make a temporary copy of an input that is a pipe ("
                    + FileProblems.reason(e) + "); set java.io.tmpdir to a writable folder.", e);
        } finally {
            for (int i = 0; i < readFrom.length; i++) {
                if (readFrom[i] != files.get(i)) {
                    try {
                        Files.deleteIfExists(readFrom[i]);
                    } catch (IOException e) {
                        // A temporary file left behind is removed with the system's temporary files.
                    }
                }
            }
        }
    }

    /**
     * Reads the files (from {@code readFrom}, the same files or copies of pipes) side by side and joins them; a
     * file with {@code fileOptions} of its own is read with their column mapping and content types.
     */
    private static Dataset loadFiles(LoadState state, Options options, Instant zipTime, List<Path> inputs,
            List<Path> files, Path[] readFrom, Instant[] modifiedTimes, Options[] fileOptions, String[] mapOrigins) {
        long total = 0;
        long[] sizes = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try {
                sizes[i] = Files.size(readFrom[i]);
            } catch (IOException e) {
                // The read below names the file if it really cannot be read.
            }
            total += sizes[i];
        }
        // Each file is read into a state of its own, two files at a time (a videos export and its daily
        // series take about as long as each other), then the states are joined in the order of the files, so
        // the result and the first error reported are those of reading the files one after another.
        FileProgress shared = options.progress() == null ? null : new FileProgress(options.progress(), sizes, total);
        LoadState[] parts = new LoadState[files.size()];
        Options base = options;
        Instant exportTime = zipTime;
        int threads = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;
        savescope.Parallel.forEachIndex(parts.length, threads, "savescope-load", i -> {
            Options read = fileOptions[i] == null ? base
                    : new Options(fileOptions[i].columnMap(), fileOptions[i].types(), base.progress());
            Options own = shared == null ? read : read.withProgress(shared.forFile(i));
            parts[i] = new LoadState(own, exportTime);
            if (fileOptions[i] != null) {
                parts[i].loadMap = base.columnMap();
            }
            readOne(files.get(i), readFrom[i], modifiedTimes[i], parts[i]);
            if (shared != null) {
                shared.done(i);
            }
        });
        for (int i = 0; i < parts.length; i++) {
            if (fileOptions[i] != null) {
                checkOwnMap(files.get(i), fileOptions[i], options, parts[i], mapOrigins[i]);
            }
            state.join(parts[i]);
        }
        return finish(state, inputs, files);
    }

    /**
     * Reads one input file (a ZIP with all its entries), its bytes from {@code source}, into {@code state};
     * {@code modified} is the file's time when known, else null to ask the file system.
     */
    private static void readOne(Path file, Path source, Instant modifiedTime, LoadState state) {
        Instant modified = modifiedTime;
        try {
            modified = modified != null ? modified : Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            modified = Instant.now();
        }
        String name = file.toString();
        LoadState.FileContext fc = new LoadState.FileContext(name, zipExportTime(file.getFileName().toString()),
                namedTime(file.getFileName().toString()), modified);
        Progress progress = state.options.progress();
        try {
            if (!readVideosFast(source, fc, state) && !readDailyFast(source, fc, state)) {
                try (InputStream raw = Files.newInputStream(source);
                        InputStream in = progress == null ? raw : new CountingInputStream(raw, progress)) {
                    readFile(in, fc, state);
                }
            }
        } catch (IOException e) {
            throw new InputException(name + ": could not read the file (" + FileProblems.reason(e) + ").", e);
        }
    }

    /**
     * The bytes read of every file, added up for one progress display while files are read side by side.
     * Each file reports its own count from zero (a file read again starts again), and the sum goes on.
     */
    private static final class FileProgress {
        private final Progress progress;
        private final long[] sizes;
        private final long[] read;
        private final long total;

        FileProgress(Progress progress, long[] sizes, long total) {
            this.progress = progress;
            this.sizes = sizes;
            this.read = new long[sizes.length];
            this.total = total;
        }

        Progress forFile(int i) {
            return (bytesRead, ignoredTotal) -> update(i, bytesRead);
        }

        void done(int i) {
            update(i, sizes[i]);
        }

        private synchronized void update(int i, long bytesRead) {
            read[i] = Math.min(bytesRead, sizes[i]);
            long sum = 0;
            for (long r : read) {
                sum += r;
            }
            progress.bytesRead(Math.min(sum, total), total);
        }
    }

    /** Passes on only counts that do not go back: a file the fast daily reader gave up on is read again. */
    private static Progress neverBack(Progress progress) {
        long[] shown = {0};
        return (bytesRead, totalBytes) -> {
            if (bytesRead >= shown[0]) {
                shown[0] = bytesRead;
                progress.bytesRead(bytesRead, totalBytes);
            }
        };
    }

    /** A plain canonical per-video CSV read by {@link VideoFastCsv}; false when it must be read the general way. */
    private static boolean readVideosFast(Path file, LoadState.FileContext fc, LoadState state) throws IOException {
        if (!fc.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        Progress progress = state.options.progress();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = progress == null ? raw : new CountingInputStream(raw, progress)) {
            return VideoFastCsv.read(in, fc, state, Files.size(file));
        }
    }

    /** A plain canonical daily CSV read by {@link DailyFastCsv}; false when it must be read the general way. */
    private static boolean readDailyFast(Path file, LoadState.FileContext fc, LoadState state) throws IOException {
        if (!fc.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        return DailyFastCsv.read(file, fc.name(), state, state.options.progress(), DailyFastCsv.SPLIT_BYTES);
    }

    /**
     * Tells one file's {@link Progress} ({@link FileProgress#forFile}, which adds up the files) the bytes of
     * this file read so far, as a reader pulls them.
     */
    private static final class CountingInputStream extends CountingStream {
        private final Progress progress;

        CountingInputStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        protected void counted(long total) {
            progress.bytesRead(total, total);
        }
    }

    /**
     * A stored copy's own mapping must name columns the copy has: a header it lacks would leave the field blank
     * for every report. The load's own {@code --map} entries are checked across all files by {@link #finish}.
     */
    private static void checkOwnMap(Path file, Options own, Options load, LoadState part, String origin) {
        for (Map.Entry<String, String> m : own.columnMap().entrySet()) {
            boolean fromLoad = m.getValue().equals(load.columnMap().get(m.getKey()));
            if (!fromLoad && !part.mappedHeadersSeen.contains(Fields.normalize(m.getValue()))) {
                throw new InputException((origin == null ? "the mapping " + file + " was imported with" : origin) + "."
                        + m.getKey() + ": no column \"" + m.getValue() + "\" in " + file + "; expected one of its "
                        + "headers (matched ignoring case and spacing).");
            }
        }
    }

    private static Dataset finish(LoadState state, List<Path> inputs, List<Path> files) {
        for (Map.Entry<String, String> m : state.options.columnMap().entrySet()) {
            if (!state.mappedHeadersSeen.contains(Fields.normalize(m.getValue()))) {
                String where = files.size() == 1 ? files.get(0).toString() : "any of the inputs " + inputs;
                throw new InputException("--map " + m.getKey() + "=" + m.getValue() + ": no column \"" + m.getValue()
                        + "\" in " + where + " (headers are matched ignoring case and spacing); check its spelling.");
            }
        }
        boolean contentAsVideos = !state.content.isEmpty()
                && state.sources.stream().noneMatch(s -> s.kind().equals(SourceReport.VIDEOS));
        if (contentAsVideos) {
            // The usual Studio download has no per-video export: its Content tables are then the videos.
            state.videos.addAll(state.content);
            state.content.clear();
            promoteContentSources(state);
        }
        VideoMerge.Result merged = VideoMerge.merge(state.videos);
        Table videos = merged.videos();
        if (videos.rowCount() == 0) {
            String where = files.size() == 1 ? files.get(0).toString() : "the inputs " + inputs;
            List<String> kinds = state.sources.stream().filter(s -> !s.kind().equals(SourceReport.VIDEOS))
                    .map(SourceReport::format).distinct().toList();
            if (state.sources.stream().noneMatch(s -> s.kind().equals(SourceReport.VIDEOS))) {
                throw new InputException(where + ": found only " + String.join(", ", kinds) + " and no per-video data; "
                        + "expected per-video data as well (the Studio Content download, the Studio per-video export "
                        + "with \"Add to Favorites\", web-item JSON or CSV, API JSON, or the canonical CSV).");
            }
            long rejected = state.sources.stream().mapToLong(SourceReport::rowsRejected).sum();
            String first = state.sources.stream().flatMap(s -> s.rejections().stream()).findFirst()
                    .map(r -> "; the first: " + r).orElse("");
            throw new InputException(where + ": no usable video rows (" + rejected + " rejected" + first + "); "
                    + "expected per-video data with at least one metric (views, likes, comments, shares, saves).");
        }
        DailyChecks.Result daily = DailyChecks.check(state.daily, videos, state.sources, Loader::exportTimeOf,
                Instant.now());
        List<String> warnings = new ArrayList<>(state.warnings);
        warnings.addAll(daily.warnings());
        List<String> assumptions = new ArrayList<>(state.assumptions);
        assumptions.addAll(AccountNames.unify(videos));
        SnapshotOrder.Statement order = SnapshotOrder.describe(merged.compared());
        if (order != null) {
            assumptions.add(order.assumption());
            warnings.addAll(order.warnings());
        }
        warnings.addAll(merged.warnings());
        countRepeats(merged.repeats(), state, warnings);
        if (merged.superseded() > merged.matchedWithoutId()) {
            warnings.add(repeatedVideosWarning(merged.superseded() - merged.matchedWithoutId()));
        }
        if (merged.matchedWithoutId() > 0) {
            warnings.add(matchedWithoutIdWarning(merged.matchedWithoutId()));
        }
        Instant anchor = state.zipExportTime;
        boolean anchorFromPosts = false;
        if (anchor == null && state.channels.stream().anyMatch(p -> p.yearless && p.zipExportTime == null)) {
            InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
            for (int r = 0; r < posted.size(); r++) {
                if (!posted.isMissing(r) && (anchor == null || posted.get(r).isAfter(anchor))) {
                    anchor = posted.get(r);
                }
            }
            anchorFromPosts = anchor != null;
        }
        List<Dataset.ChannelTable> channel = new ArrayList<>();
        for (ChannelTables.Pending p : state.channels) {
            Instant exportTime = p.zipExportTime != null ? p.zipExportTime : anchor;
            if (exportTime == null) {
                exportTime = modified(p.file);
                if (p.yearless) {
                    warnings.add(p.file + ": its dates have no year and no export time was found (no Studio ZIP name, "
                            + "no posting times); the years were taken from the file's modification time.");
                }
            } else if (p.yearless && p.zipExportTime == null) {
                warnings.add(p.file + ": its dates have no year; the years were inferred from "
                        + (anchorFromPosts ? "the latest posting time among the inputs" : "the Studio export time")
                        + ".");
            }
            channel.add(p.finish(exportTime));
        }
        for (VideoFrameBuilder b : state.content) {
            String file = b.file();
            b.table().setName("Content");
            channel.add(new Dataset.ChannelTable("Content", file, b.table()));
        }
        if (state.videos.stream().anyMatch(b -> !b.typesAssigned())) {
            state.options.types().assign(videos);
        }
        return new Dataset(videos, daily.daily(), merged.snapshots(), channel, state.comments,
                new LoadReport(daily.sources(), warnings, merged.superseded(), assumptions));
    }

    /** The Studio Content sources, now read as the videos: reported as per-video sources without saves. */
    private static void promoteContentSources(LoadState state) {
        for (int i = 0; i < state.sources.size(); i++) {
            SourceReport s = state.sources.get(i);
            if (s.format().equals(TableRouter.STUDIO_CONTENT)) {
                List<String> warnings = new ArrayList<>(s.warnings());
                warnings.add(NO_SAVES_WARNING);
                replaceSource(state, i, new SourceReport(s.file(), TableRouter.STUDIO_CONTENT_VIDEOS, s.rowsRead(), s.rowsUsed(),
                        s.rejections(), s.missingMetrics(), warnings, SourceReport.VIDEOS, s.fieldGaps(),
                        s.assumptions()));
            }
        }
    }

    /** Said of every per-video source that carries no saves count. */
    static final String NO_SAVES_WARNING = "This source carries no saves count; its saves are missing, not zero.";

    private static Instant modified(String file) {
        try {
            int bang = file.indexOf("!/");
            return Files.getLastModifiedTime(Path.of(bang > 0 ? file.substring(0, bang) : file)).toInstant();
        } catch (IOException | RuntimeException e) {
            return Instant.now();
        }
    }

    /**
     * The export time a source's name gives: the epoch of the Studio ZIP it came from, else a date in its own
     * name or its ZIP's ({@code daily_2026-07-01.csv}); null when neither names one.
     */
    static Instant exportTimeOf(String file) {
        int bang = file.indexOf("!/");
        String outer = baseName(bang > 0 ? file.substring(0, bang) : file);
        Instant zip = zipExportTime(outer);
        if (zip != null) {
            return zip;
        }
        Instant named = namedTime(baseName(file));
        return named != null || bang < 0 ? named : namedTime(outer);
    }

    private static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** The latest export time any of {@code files} names in a Studio ZIP name, or null when none does. */
    private static Instant latestZipTime(List<Path> files) {
        Instant latest = null;
        for (Path f : files) {
            Instant t = zipExportTime(f.getFileName().toString());
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    /**
     * POI logs through Log4j's API; with no Log4j backend on the classpath it prints a warning to stderr.
     * Give it Log4j's simple logger, switched off, unless the user configured logging.
     */
    static void quietPoiLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
            System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
    }

    static Instant zipExportTime(String fileName) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return null;
        }
        Matcher m = ZIP_EPOCH.matcher(fileName);
        while (m.find()) {
            long epoch = Long.parseLong(m.group(1));
            // Ten digits that are no time since 2010 (an account id, say) are not the export time.
            if (epoch >= PostingTimes.EARLIEST_EPOCH_SECOND && epoch < 4_102_444_800L) {
                return Instant.ofEpochSecond(epoch);
            }
        }
        return null;
    }

    /** The export time a file name carries ({@code videos_2026-10-23.csv}, {@code 20250731}), UTC; or null. */
    static Instant namedTime(String fileName) {
        return SnapshotOrder.timeInName(fileName);
    }

    /** True for a file the loader reads when it lies in an input folder (by its name: an export's extension). */
    public static boolean isDataFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && DATA_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Reads one file (or ZIP entry) by its extension, checking that the bytes are what the name says. */
    static void readFile(InputStream in, LoadState.FileContext fc, LoadState state) throws IOException {
        String lower = fc.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            readZip(in, fc, state);
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            readXlsx(in, fc, state);
        } else if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            JsonText.check(fc.name(), in, state, fc);
        } else if (lower.endsWith(".xls")) {
            throw new InputException(fc.name() + ": this is an old Excel (.xls) workbook; save it as .xlsx or CSV "
                    + "(UTF-8) and try again.");
        } else {
            try (CsvRows rows = JsonText.csvOrJson(fc.name(), in, state, fc)) {
                if (rows != null) {
                    int before = state.sources.size();
                    TableRouter.read(rows, fc, state);
                    addReadProblems(rows, state, before);
                }
            }
        }
    }

    /**
     * Adds the rows the CSV text itself made unreadable (a quote never closed, binary bytes) and what was
     * assumed about its encoding to the report of the file read from {@code rows}.
     */
    private static void addReadProblems(CsvRows rows, LoadState state, int firstSource) {
        addReadProblems(rows.rejections(), rows.assumptions(), Fields.duplicateWarnings(rows.header(),
                state.options.columnMap()), state, firstSource);
    }

    /** Adds unreadable rows, assumptions and warnings to the first report added from {@code firstSource} on. */
    private static void addReadProblems(List<Rejection> unreadable, List<String> assumptions, List<String> notes,
            LoadState state, int firstSource) {
        if (state.sources.size() <= firstSource || (unreadable.isEmpty() && assumptions.isEmpty() && notes.isEmpty())) {
            return;
        }
        SourceReport r = state.sources.get(firstSource);
        List<Rejection> rejections = new ArrayList<>(r.rejections());
        rejections.addAll(unreadable);
        rejections.sort(java.util.Comparator.comparingLong(Loader::lineOf));
        List<String> assumed = new ArrayList<>(r.assumptions());
        assumed.addAll(assumptions);
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.addAll(notes);
        replaceSource(state, firstSource, new SourceReport(r.file(), r.format(), r.rowsRead() + unreadable.size(),
                r.rowsUsed(), rejections, r.missingMetrics(), warnings, r.kind(), r.fieldGaps(), assumed));
    }

    /** Puts {@code next} in place of source {@code i}, telling the builder whose report it was. */
    private static void replaceSource(LoadState state, int i, SourceReport next) {
        SourceReport old = state.sources.set(i, next);
        for (List<VideoFrameBuilder> builders : List.of(state.videos, state.content)) {
            for (VideoFrameBuilder b : builders) {
                if (b.report() == old) {
                    b.report(next);
                }
            }
        }
    }

    /**
     * Counts the rows a source repeated from another (rows without an id, the same in every field) as rejected in
     * its report, and warns once per source.
     */
    private static void countRepeats(RepeatedRows.Found repeats, LoadState state, List<String> warnings) {
        for (RepeatedRows.Source s : repeats.sources()) {
            warnings.add(s.warning());
            for (int i = 0; i < state.sources.size(); i++) {
                SourceReport r = state.sources.get(i);
                if (r != s.builder().report()) {
                    continue;
                }
                List<Rejection> listed = new ArrayList<>(r.rejections());
                int room = Math.max(0, RejectionList.LISTED - listed.size());
                List<Rejection> added = s.rejections().subList(0, Math.min(room, s.rejections().size()));
                listed.addAll(added);
                Map<String, Long> reasons = new java.util.HashMap<>(r.rejectionReasons());
                s.reasons().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
                replaceSource(state, i, new SourceReport(r.file(), r.format(), r.rowsRead(), r.rowsUsed() - s.rows(),
                        listed, r.missingMetrics(), r.warnings(), r.kind(), r.fieldGaps(), r.assumptions(),
                        r.rejectionsNotListed() + s.rows() - added.size(), reasons));
                break;
            }
        }
    }

    /** The line a CSV rejection names ({@code 14} of {@code 14:3}), to list rejections in file order. */
    private static long lineOf(Rejection r) {
        String loc = r.location();
        int colon = loc.indexOf(':');
        try {
            return Long.parseLong(colon > 0 ? loc.substring(0, colon) : loc);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void readZip(InputStream in, LoadState.FileContext fc, LoadState state) throws IOException {
        int entries = 0;
        CountingStream compressed = new CountingStream(in);
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String entry = e.getName();
                String base = entry.substring(entry.lastIndexOf('/') + 1);
                if (e.isDirectory() || entry.startsWith("__MACOSX/") || !isDataFile(Path.of(base.isEmpty() ? "x" : base))) {
                    continue;
                }
                entries++;
                Instant zipTime = fc.zipTime() != null ? fc.zipTime() : null;
                Instant entryTime = zipTime != null ? null : namedTime(base);
                LoadState.FileContext inner = new LoadState.FileContext(fc.name() + "!/" + entry, zipTime,
                        entryTime != null ? entryTime : fc.namedTime(), fc.modified());
                // The entry is read as it is inflated, whatever its size; the guard only stops a ZIP bomb.
                readFile(new ZipGuard(zip, compressed, inner.name()), inner, state);
            }
        } catch (ZipException | IllegalArgumentException e) {
            // ZipInputStream reports a malformed entry name as IllegalArgumentException.
            throw new InputException(fc.name() + ": not a readable ZIP archive (" + e.getMessage() + "); expected a "
                    + "TikTok Studio download (a ZIP of CSV or XLSX files).");
        }
        if (entries == 0) {
            throw new InputException(fc.name() + ": found no CSV, XLSX or JSON files inside; expected a TikTok Studio "
                    + "download (a ZIP of CSV or XLSX files).");
        }
    }

    private static void readXlsx(InputStream in, LoadState.FileContext fc, LoadState state) throws IOException {
        quietPoiLogging();
        XSSFWorkbook book;
        try {
            book = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InputException guard) {
                    // The ZIP guard stopped the workbook's own ZIP from expanding further.
                    throw guard;
                }
            }
            throw new InputException(fc.name() + ": not a readable XLSX workbook (" + (e.getMessage() == null
                    ? "its parts could not be read" : e.getMessage().lines().findFirst().orElse("")) + "); expected an "
                    + "Excel .xlsx file.");
        }
        try (book) {
            InputException firstProblem = null;
            int loaded = 0;
            List<String> hidden = new ArrayList<>();
            List<SheetRead> sheetsRead = new ArrayList<>();
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                Sheet sheet = book.getSheetAt(i);
                if (book.isSheetHidden(i) || book.isSheetVeryHidden(i)) {
                    // A hidden sheet is most often an old copy or the workings behind a visible one: reading it
                    // as videos counts them twice.
                    hidden.add("\"" + sheet.getSheetName() + "\"");
                    continue;
                }
                XlsxRows rows = XlsxRows.open(fc.name(), sheet);
                if (rows == null) {
                    continue;
                }
                int before = state.sources.size();
                int videosBefore = state.videos.size();
                try {
                    TableRouter.read(rows, fc, state);
                    addReadProblems(List.of(), List.of(), Fields.duplicateWarnings(rows.header(),
                            state.options.columnMap()), state, before);
                    loaded++;
                    SheetRead read = new SheetRead(sheet.getSheetName(),
                            new ArrayList<>(state.sources.subList(before, state.sources.size())),
                            new ArrayList<>(state.videos.subList(videosBefore, state.videos.size())),
                            Fields.match(rows.header(), state.options.columnMap()).keySet().stream()
                                    .anyMatch(TableRouter.NAMES_A_VIDEO::contains));
                    if (!read.videos().isEmpty()) {
                        sheetsRead.add(read);
                    }
                } catch (InputException e) {
                    // Workbooks often carry a notes or chart sheet next to the data: skip it when another sheet loads.
                    while (state.sources.size() > before) {
                        state.sources.remove(state.sources.size() - 1);
                    }
                    if (firstProblem == null) {
                        firstProblem = new InputException(e.getMessage().replaceFirst(Pattern.quote(fc.name()),
                                Matcher.quoteReplacement(fc.name() + " (sheet \"" + sheet.getSheetName() + "\")")));
                    }
                }
            }
            String hiddenNote = hidden.isEmpty() ? null : (hidden.size() == 1 ? "the hidden sheet " : "the hidden sheets ")
                    + String.join(", ", hidden) + (hidden.size() == 1 ? " was" : " were") + " not read; unhide "
                    + (hidden.size() == 1 ? "it" : "them") + " in the workbook to include "
                    + (hidden.size() == 1 ? "its" : "their") + " rows";
            if (loaded == 0) {
                if (firstProblem != null) {
                    throw firstProblem;
                }
                throw new InputException(fc.name() + ": every " + (hidden.isEmpty() ? "" : "visible ") + "sheet is "
                        + "empty" + (hiddenNote == null ? "" : " (" + hiddenNote + ")") + "; expected a sheet with a "
                        + "header row and data rows.");
            }
            if (hiddenNote != null) {
                state.warnings.add(fc.name() + ": " + hiddenNote + ".");
            }
            leaveOutSummaries(sheetsRead, fc, state);
        }
    }

    /** A workbook sheet read as videos: its sources and video frames, and whether a column names each video. */
    private record SheetRead(String name, List<SourceReport> sources, List<VideoFrameBuilder> videos, boolean namesVideos) {}

    /**
     * Leaves out a workbook's sheet that sums its other sheets' videos: one with no column that names a video
     * (an id, link, title or posting time) whose counts add up to those of the other sheets, or that has a row
     * holding their sums (a pivot table of them, with or without its grand total). Any other sheet stays: a second
     * sheet of videos whose titles sit under a header SaveScope does not know is still videos.
     */
    private static void leaveOutSummaries(List<SheetRead> sheets, LoadState.FileContext fc, LoadState state) {
        for (SheetRead candidate : sheets) {
            if (candidate.namesVideos()) {
                continue;
            }
            long[] others = new long[Canonical.COUNTS.size()];
            boolean anyOther = false;
            for (SheetRead s : sheets) {
                if (s != candidate) {
                    anyOther = true;
                    for (VideoFrameBuilder b : s.videos()) {
                        addSums(b.table(), others);
                    }
                }
            }
            if (anyOther && sumsOf(candidate.videos(), others)) {
                state.sources.removeIf(s -> candidate.sources().stream().anyMatch(c -> c == s));
                state.videos.removeAll(candidate.videos());
                state.warnings.add(fc.name() + ": the sheet \"" + candidate.name() + "\" was not read: no column names "
                        + "a video (an id, link, title or posting time) and its counts are the sums of the other "
                        + "sheets' videos, so it is a summary of them (totals, a pivot table), not videos.");
            }
        }
    }

    private static void addSums(Table videos, long[] sums) {
        for (int c = 0; c < sums.length; c++) {
            LongColumn column = videos.longColumn(Canonical.COUNTS.get(c));
            for (int r = 0; r < column.size(); r++) {
                sums[c] += column.isMissing(r) ? 0 : column.getLong(r);
            }
        }
    }

    /**
     * Whether the candidate's counts add up to {@code others}, or one of its rows holds them: in every count the
     * candidate has, with at least two of those sums above zero.
     */
    private static boolean sumsOf(List<VideoFrameBuilder> candidate, long[] others) {
        long[] total = new long[others.length];
        boolean[] has = new boolean[others.length];
        List<long[]> rows = new ArrayList<>();
        for (VideoFrameBuilder b : candidate) {
            Table t = b.table();
            for (int r = 0; r < t.rowCount(); r++) {
                long[] row = new long[others.length];
                for (int c = 0; c < others.length; c++) {
                    LongColumn column = t.longColumn(Canonical.COUNTS.get(c));
                    row[c] = column.isMissing(r) ? Long.MIN_VALUE : column.getLong(r);
                    if (row[c] != Long.MIN_VALUE) {
                        has[c] = true;
                        total[c] += row[c];
                    }
                }
                rows.add(row);
            }
        }
        int positive = 0;
        for (int c = 0; c < others.length; c++) {
            positive += has[c] && others[c] > 0 ? 1 : 0;
        }
        if (positive < 2) {
            return false;
        }
        if (matches(total, has, others)) {
            return true;
        }
        for (long[] row : rows) {
            if (matches(row, has, others)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(long[] values, boolean[] has, long[] others) {
        for (int c = 0; c < others.length; c++) {
            if (has[c] && values[c] != others[c]) {
                return false;
            }
        }
        return true;
    }

    static String matchedWithoutIdWarning(long n) {
        return n + (n == 1 ? " row without a video id was an earlier snapshot" : " rows without a video id were earlier "
                + "snapshots") + " of a video in another file: the same account, posting time (to the minute) and title, "
                + "which no file holds twice; each video keeps its latest counts and the earlier ones form its snapshot "
                + "series.";
    }

    static String repeatedVideosWarning(long n) {
        return n + (n == 1 ? " row repeated a video" : " rows repeated videos") + " already seen (the same id in several "
                + "files or snapshots); each video keeps its latest counts and the earlier ones form its snapshot series.";
    }
}
