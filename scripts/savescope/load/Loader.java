package savescope.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;

/**
 * Loads every input the user names (files or folders, formats mixed) into one {@link Dataset}, telling the
 * format of each file from its headers or keys.
 */
public final class Loader {

    /**
     * How to read the inputs.
     *
     * @param columnMap canonical field → the user's header for it ({@code --map saves=Favorites})
     * @param types how hashtags map onto content types
     */
    public record Options(Map<String, String> columnMap, ContentTypes types) {
        public static Options defaults() {
            return new Options(Map.of(), ContentTypes.defaults());
        }
    }

    private static final List<String> DATA_EXTENSIONS = List.of(".csv", ".tsv", ".txt");

    private Loader() {}

    public static Dataset load(List<Path> inputs, Options options) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputException(input + ": no such file or folder.");
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(Loader::isDataFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(input);
            }
        }
        if (files.isEmpty()) {
            throw new InputException(inputs + ": no data files found; expected CSV exports (TikTok Studio, "
                    + "web-item CSV, canonical CSV).");
        }
        List<Table> videoTables = new ArrayList<>();
        Table daily = Canonical.emptyDaily("daily");
        List<SourceReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(readCsv(file, options, videoTables, daily));
        }
        Table videos = Canonical.emptyVideos("videos");
        videoTables.forEach(videos::append);
        if (videos.rowCount() == 0) {
            throw new InputException(files.size() == 1 ? files.get(0) + ": no usable video rows." : "no usable video rows in " + inputs + ".");
        }
        options.types().assign(videos);
        return new Dataset(videos, daily, Canonical.emptySnapshots("snapshots"), List.of(),
                Canonical.emptyComments("comments"), new LoadReport(reports, List.of()));
    }

    private static boolean isDataFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && DATA_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static SourceReport readCsv(Path path, Options options, List<Table> videoTables, Table daily) {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path); CsvRows rows = new CsvRows(file, in)) {
            List<String> header = rows.header();
            Map<String, Integer> match = Fields.match(header, options.columnMap());
            if (DailyCsv.matches(header)) {
                return DailyCsv.read(rows, daily);
            }
            if (Canonical.COUNTS.stream().noneMatch(match::containsKey)) {
                throw new InputException(file + ": found the columns " + header + " but no known metric; expected "
                        + "one of the known exports (TikTok Studio per-video export with \"Add to Favorites\", a "
                        + "hand-kept Studio sheet with \"Total saves\", web-item CSV with \"stats.collectCount\", "
                        + "the canonical CSV with \"saves\"), or name your columns with --map saves=HEADER.");
            }
            return readVideos(rows, match, videoTables);
        } catch (IOException e) {
            throw new InputException(file + ": could not read the file (" + e.getMessage() + ").", e);
        }
    }

    private static SourceReport readVideos(CsvRows rows, Map<String, Integer> match, List<Table> out) {
        String file = rows.file();
        List<String> header = rows.header();
        int[] column = new int[VideoFrameBuilder.FIELDS.size()];
        String[] headerNames = new String[column.length];
        Arrays.fill(column, -1);
        for (int f = 0; f < column.length; f++) {
            Integer at = match.get(VideoFrameBuilder.FIELDS.get(f));
            if (at != null) {
                column[f] = at;
                headerNames[f] = header.get(at);
            }
        }
        VideoFrameBuilder builder = new VideoFrameBuilder(file, "").headers(headerNames);
        String[] raw = new String[column.length];
        String[] row;
        while ((row = rows.next()) != null) {
            long line = rows.line();
            if (row.length < header.size() && row.length <= maxIndex(column)) {
                builder.reject(Rejection.at(file, line, 0, "the row has " + row.length + " fields, expected "
                        + header.size() + " as in the header"));
                continue;
            }
            for (int f = 0; f < column.length; f++) {
                raw[f] = column[f] >= 0 && column[f] < row.length ? row[column[f]] : null;
            }
            builder.add(raw, String.valueOf(line), f -> line + ":" + (column[f] + 1), file + "#" + line);
        }
        List<String> missing = Canonical.COUNTS.stream().filter(m -> !match.containsKey(m)).toList();
        List<String> warnings = new ArrayList<>();
        if (builder.mangledIds() > 0) {
            warnings.add(builder.mangledIds() + " video ids were rounded by a spreadsheet (like 7.37023E+18) and no "
                    + "longer identify videos; those rows are kept but never deduplicated.");
        }
        out.add(builder.table());
        return new SourceReport(file, formatName(header), builder.rowsRead(), builder.rowsUsed(),
                List.copyOf(builder.rejections()), missing, warnings);
    }

    private static int maxIndex(int[] column) {
        return Arrays.stream(column).max().orElse(-1);
    }

    /** The export format, in words, told from characteristic headers. */
    static String formatName(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        if (h.contains("add to favorites") || h.contains("lägg till i favoriter")) {
            return "TikTok Studio per-video export";
        }
        if (h.contains("total saves")) {
            return "hand-kept TikTok Studio sheet";
        }
        if (h.contains("stats.collectcount") || h.contains("stats.playcount")) {
            return "web-item CSV (dotted headers)";
        }
        if (h.contains("collectcount")) {
            return "web-item CSV (flat)";
        }
        if (h.contains("post id") && h.contains("saves")) {
            return "Instagram / Meta post export";
        }
        if (h.contains("video_id") && h.contains("saves")) {
            return "canonical CSV";
        }
        return "CSV with mapped columns";
    }
}
