package savescope.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;

/**
 * Tells what a table of text cells is from its headers (a Studio channel table, the Studio Content table,
 * the daily series, or per-video data) and reads it through the matching reader.
 */
final class TableRouter {
    static final String KNOWN_FORMATS = "TikTok Studio exports (Content, Overview, FollowerHistory, FollowerActivity, "
            + "FollowerGender, FollowerTopTerritories, Viewers; the per-video export with \"Add to Favorites\"; "
            + "hand-kept sheets with \"Total saves\"), web-item CSV (\"stats.collectCount\" or \"collectCount\"), "
            + "Instagram/Meta post exports (\"Saves\"), the canonical CSV (video_id,title,post_time,content_type,"
            + "duration_s,views,likes,comments,shares,saves), the daily CSV (video_id,date,views,...,saves), "
            + "comments (web-item comment JSON, or a CSV with video_id and text)";

    private TableRouter() {}

    static void read(Rows rows, LoadState.FileContext fc, LoadState state) {
        List<String> header = rows.header();
        Map<String, Integer> match = Fields.match(header, state.options.columnMap());
        ChannelTables.Kind kind = usesMappedHeader(header, state.options.columnMap()) ? null : ChannelTables.kindOf(header);
        if (kind != null) {
            readChannel(rows, kind, fc, state);
            return;
        }
        if (DailyCsv.matches(header)) {
            SourceReport r = DailyCsv.read(rows, state.daily);
            requireRows(rows, r.rowsRead());
            state.sources.add(r);
            return;
        }
        if (!usesMappedHeader(header, state.options.columnMap()) && CommentsCsv.matches(header, match)) {
            SourceReport r = CommentsCsv.read(rows, state.comments);
            requireRows(rows, r.rowsRead());
            state.sources.add(r);
            return;
        }
        if (Canonical.COUNTS.stream().noneMatch(match::containsKey)) {
            throw new InputException(rows.file() + ": found the columns " + header + " but no known metric; expected "
                    + "one of " + KNOWN_FORMATS + ", or name your columns with --map saves=HEADER --map views=HEADER.");
        }
        boolean studioContent = isStudioContent(header) && !match.containsKey(Canonical.SAVES);
        readVideos(rows, match, fc, state, studioContent);
    }

    /** Whether the user's --map names one of these headers: then the file is per-video data, whatever it looks like. */
    private static boolean usesMappedHeader(List<String> header, Map<String, String> userMap) {
        if (userMap.isEmpty()) {
            return false;
        }
        List<String> h = header.stream().map(Fields::normalize).toList();
        return userMap.values().stream().map(Fields::normalize).anyMatch(h::contains);
    }

    /** Studio's Content table: a snapshot of recent videos with a "Time" column and no saves. */
    private static boolean isStudioContent(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        return h.contains("time") && h.contains("video link") && h.contains("total views");
    }

    static void requireRows(Rows rows, long read) {
        if (read == 0) {
            throw new InputException(rows.file() + ": found the header row " + rows.header() + " but no data rows; "
                    + "expected at least one row below the header.");
        }
    }

    private static void readChannel(Rows rows, ChannelTables.Kind kind, LoadState.FileContext fc, LoadState state) {
        List<Rejection> rejections = new ArrayList<>();
        long[] read = {0};
        ChannelTables.Pending p = ChannelTables.read(rows, kind, fc.zipTime(), rejections, read);
        requireRows(rows, read[0]);
        state.channels.add(p);
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < kind.columns().size(); c++) {
            if (!p.present[c]) {
                missing.add(kind.columns().get(c).name());
            }
        }
        state.sources.add(new SourceReport(rows.file(), "TikTok Studio " + kind.name() + " (channel)", read[0],
                p.rows.size(), rejections, missing, List.of(), SourceReport.CHANNEL));
    }

    private static void readVideos(Rows rows, Map<String, Integer> match, LoadState.FileContext fc, LoadState state,
            boolean studioContent) {
        String file = rows.file();
        List<String> header = rows.header();
        int[] column = new int[VideoFrameBuilder.FIELDS.size()];
        String[] headerNames = new String[column.length];
        Arrays.fill(column, -1);
        int maxIndex = -1;
        for (int f = 0; f < column.length; f++) {
            Integer at = match.get(VideoFrameBuilder.FIELDS.get(f));
            if (at != null) {
                column[f] = at;
                headerNames[f] = header.get(at);
                maxIndex = Math.max(maxIndex, at);
            }
        }
        VideoFrameBuilder builder = new VideoFrameBuilder(file, "").types(state.options.types()).headers(headerNames)
                .takenAt(fc.takenAt(state.zipExportTime));
        java.time.Instant anchor = fc.zipTime() != null ? fc.zipTime() : state.zipExportTime;
        boolean anchorFromMtime = anchor == null;
        builder.yearAnchor(anchor != null ? anchor : fc.modified());
        String[] raw = new String[column.length];
        String prefix = file + "#";
        int width = header.size();
        int maxColumn = maxIndex;
        if (rows instanceof CsvRows) {
            // Places come from the line number, so the rows can be built on another thread than the parse.
            RowPipeline.run((CsvRows) rows, (row, line) -> {
                if (row.length <= maxColumn && row.length < width) {
                    builder.reject(Rejection.at(file, line, 0, "the row has " + row.length + " fields, expected "
                            + width + " as in the header"));
                    return;
                }
                fill(raw, row, column);
                builder.add(raw, () -> String.valueOf(line), f -> line + ":" + (column[f] + 1),
                        () -> prefix + line);
            });
        } else {
            java.util.function.IntFunction<String> cellPlace = f -> rows.cellPlace(column[f]);
            String[] row;
            while ((row = rows.next()) != null) {
                if (row.length <= maxIndex && row.length < width) {
                    builder.reject(new Rejection(file, rows.rowPlace(), "the row has " + row.length + " fields, expected "
                            + width + " as in the header"));
                    continue;
                }
                fill(raw, row, column);
                builder.add(raw, rows::rowPlace, cellPlace, () -> prefix + rows.rowPlace());
            }
        }
        requireRows(rows, builder.rowsRead());
        List<String> missing = Canonical.COUNTS.stream().filter(m -> !match.containsKey(m)).toList();
        List<String> warnings = builderWarnings(builder, anchorFromMtime);
        if (studioContent) {
            state.content.add(builder);
        } else {
            state.videos.add(builder);
        }
        state.sources.add(builder.sourceReport(studioContent ? "TikTok Studio Content (channel)" : formatName(header),
                missing, warnings, studioContent ? SourceReport.CHANNEL : SourceReport.VIDEOS));
    }

    private static void fill(String[] raw, String[] row, int[] column) {
        for (int f = 0; f < column.length; f++) {
            raw[f] = column[f] >= 0 && column[f] < row.length ? row[column[f]] : null;
        }
    }

    static List<String> builderWarnings(VideoFrameBuilder builder, boolean anchorFromMtime) {
        List<String> warnings = new ArrayList<>();
        String ids = builder.idWarning();
        if (ids != null) {
            warnings.add(ids);
        }
        if (builder.yearlessPostTimes() > 0) {
            warnings.add(builder.yearlessPostTimes() + " posting dates had no year; it was taken from the "
                    + (anchorFromMtime ? "file's modification time (no export time was found), so check it"
                            : "export time") + ".");
        }
        return warnings;
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
