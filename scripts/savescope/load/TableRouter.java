package savescope.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;
import savescope.model.Rejection;
import savescope.model.SourceReport;

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

    /** The Studio Content table kept beside per-video data that has saves. */
    static final String STUDIO_CONTENT = "TikTok Studio Content (channel)";
    /** The Studio Content table read as the videos, when no other per-video source was given. */
    static final String STUDIO_CONTENT_VIDEOS = "TikTok Studio Content (no saves)";

    private TableRouter() {}

    static void read(Rows rows, LoadState.FileContext fc, LoadState state) {
        List<String> header = rows.header();
        Map<String, Integer> match = Fields.match(header, state.options.columnMap());
        state.sawHeaders(header);
        // Studio's daily channel tables stay what they are whatever --map says: their rows are days, not videos,
        // and a mapping meant for another file (--map views=Likes) must not turn them into videos.
        ChannelTables.Kind kind = ChannelTables.kindOf(header);
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
                    + "one of " + KNOWN_FORMATS + ", or name your columns with " + mapSuggestion(rows, match) + ".");
        }
        boolean studioContent = isStudioContent(header) && !match.containsKey(Canonical.SAVES);
        readVideos(rows, match, fc, state, studioContent);
    }

    /**
     * The fields that tell one video's row from another's. A workbook's sheet of counts without any of them may sum
     * another sheet's rows (monthly sums, a pivot table): the loader compares its sums with the other sheets'.
     */
    static final List<String> NAMES_A_VIDEO = List.of(Canonical.VIDEO_ID, Canonical.LINK, Canonical.TITLE,
            Canonical.POSTED_AT);

    /** Whether the user's --map names one of these headers: then the file is per-video data, whatever it looks like. */
    private static boolean usesMappedHeader(List<String> header, Map<String, String> userMap) {
        if (userMap.isEmpty()) {
            return false;
        }
        List<String> h = header.stream().map(Fields::normalize).toList();
        return userMap.values().stream().map(Fields::normalize).anyMatch(h::contains);
    }

    /**
     * The {@code --map} options most likely to read this file: a header that looks like saves, else the first
     * columns of the first rows that hold counts; the general form when neither is found.
     */
    private static String mapSuggestion(Rows rows, Map<String, Integer> match) {
        List<String> saves = Fields.savesLike(rows.header(), match.values());
        if (!saves.isEmpty()) {
            return Fields.mapOption(Canonical.SAVES, saves.get(0)) + " (and --map views=HEADER for the views)";
        }
        List<String> counts = countColumns(rows, match, 20);
        if (!counts.isEmpty()) {
            return "--map saves=HEADER --map views=HEADER; the columns holding counts are " + String.join(", ",
                    counts.stream().map(h -> "\"" + h + "\"").toList());
        }
        return "--map saves=HEADER --map views=HEADER";
    }

    /** Unmatched columns whose first {@code sample} values are all counts (and at least one is present). */
    private static List<String> countColumns(Rows rows, Map<String, Integer> match, int sample) {
        int width = rows.header().size();
        boolean[] ok = new boolean[width];
        boolean[] seen = new boolean[width];
        Arrays.fill(ok, true);
        String[] row;
        for (int n = 0; n < sample && (row = rows.next()) != null; n++) {
            for (int c = 0; c < Math.min(width, row.length); c++) {
                try {
                    seen[c] |= Values.count(row[c]).isPresent();
                } catch (BadValueException e) {
                    ok[c] = false;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (ok[c] && seen[c] && !match.containsValue(c)) {
                out.add(rows.header().get(c));
            }
        }
        return out;
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
        int[] column = columns(header, match);
        int maxIndex = -1;
        for (int f = 0; f < VideoFrameBuilder.FIELDS.size(); f++) {
            maxIndex = Math.max(maxIndex, column[f]);
        }
        VideoFrameBuilder builder = newVideoBuilder(file, header, column, fc, state).leaveOutTotalsRow()
                .sheet(rows.sheet());
        java.time.Instant anchor = fc.zipTime() != null ? fc.zipTime() : state.zipExportTime;
        boolean anchorFromMtime = anchor == null;
        String[] raw = new String[column.length];
        String prefix = file + "#";
        CountProbe probe = match.containsKey(Canonical.SAVES) ? null : new CountProbe(header.size(), match);
        int snapshotColumn = studioContent && fc.zipTime() == null && fc.namedTime() == null
                ? header.stream().map(Fields::normalize).toList().indexOf("time") : -1;
        java.time.Instant snapshotAnchor = builder.yearAnchorOrNull();
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
                String extra = Rows.extraFields(row, width);
                if (extra != null) {
                    builder.reject(Rejection.at(file, line, 0, extra));
                    return;
                }
                fill(raw, row, column);
                takenFromRow(builder, row, snapshotColumn, snapshotAnchor);
                if (probe != null) {
                    probe.look(row);
                }
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
                takenFromRow(builder, row, snapshotColumn, snapshotAnchor);
                if (probe != null) {
                    probe.look(row);
                }
                builder.add(raw, rows::rowPlace, cellPlace, () -> prefix + rows.rowPlace());
            }
        }
        requireRows(rows, builder.rowsRead());
        List<String> warnings = new ArrayList<>();
        List<String> assumed = finishVideos(builder, header, match, anchorFromMtime, state, warnings);
        if (probe != null && !studioContent) {
            String hint = savesHint(header, match, probe);
            if (hint != null) {
                warnings.add(hint);
            }
        }
        if (studioContent) {
            state.content.add(builder);
        } else {
            state.videos.add(builder);
        }
        List<String> missing = Canonical.COUNTS.stream().filter(m -> !match.containsKey(m)).toList();
        state.sources.add(builder.sourceReport(studioContent ? STUDIO_CONTENT : formatName(header, assumed),
                missing, warnings, studioContent ? SourceReport.CHANNEL : SourceReport.VIDEOS));
    }

    /**
     * Adds a per-video file whose rows another reader has put into {@code builder} (made by
     * {@link #newVideoBuilder}), with the warnings and report {@link #readVideos} gives such a file; the file
     * has every count column, so no saves hint applies.
     */
    static void addVideos(VideoFrameBuilder builder, List<String> header, LoadState.FileContext fc, LoadState state) {
        Map<String, Integer> match = Fields.match(header, state.options.columnMap());
        state.sawHeaders(header);
        boolean anchorFromMtime = fc.zipTime() == null && state.zipExportTime == null;
        List<String> warnings = new ArrayList<>();
        List<String> assumed = finishVideos(builder, header, match, anchorFromMtime, state, warnings);
        state.videos.add(builder);
        List<String> missing = Canonical.COUNTS.stream().filter(m -> !match.containsKey(m)).toList();
        state.sources.add(builder.sourceReport(formatName(header, assumed), missing, warnings,
                SourceReport.VIDEOS));
    }

    /** Where each of {@link VideoFrameBuilder#RAW_WIDTH} cells comes from in a row ({@code -1}: nowhere). */
    static int[] columns(List<String> header, Map<String, Integer> match) {
        int[] column = new int[VideoFrameBuilder.RAW_WIDTH];
        Arrays.fill(column, -1);
        for (int f = 0; f < VideoFrameBuilder.FIELDS.size(); f++) {
            Integer at = match.get(VideoFrameBuilder.FIELDS.get(f));
            if (at != null) {
                column[f] = at;
            }
        }
        column[VideoFrameBuilder.POSTED_DAY] = PostingTimes.dayColumn(header, column[VideoFrameBuilder.POSTED]);
        column[VideoFrameBuilder.SCRAPED_AT] = SnapshotOrder.scrapeColumn(header);
        return column;
    }

    /** The builder a per-video file's rows go into, told the file's header names, snapshot time and date order. */
    static VideoFrameBuilder newVideoBuilder(String file, List<String> header, int[] column, LoadState.FileContext fc,
            LoadState state) {
        String[] headerNames = new String[column.length];
        for (int f = 0; f < column.length; f++) {
            headerNames[f] = column[f] >= 0 ? header.get(column[f]) : null;
        }
        VideoFrameBuilder builder = new VideoFrameBuilder(file, "").types(state.options.types()).headers(headerNames)
                .takenAt(fc.takenAt(state.zipExportTime), fc.takenBasis(state.zipExportTime))
                .dateConvention(PostingTimes.convention(header));
        java.time.Instant anchor = fc.zipTime() != null ? fc.zipTime() : state.zipExportTime;
        builder.yearAnchor(anchor != null ? anchor : fc.modified());
        return builder;
    }

    /** Settles the builder once its rows are in, adds its warnings to {@code warnings}; what the header made assumed. */
    private static List<String> finishVideos(VideoFrameBuilder builder, List<String> header, Map<String, Integer> match,
            boolean anchorFromMtime, LoadState state, List<String> warnings) {
        builder.finish();
        warnings.addAll(builderWarnings(builder, anchorFromMtime));
        List<String> assumed = Fields.assumptions(header, match, state.options.columnMap());
        assumed.forEach(builder::assume);
        return assumed;
    }

    /**
     * A loose Studio Content file (no ZIP export time, no date in its name) says when its counts were taken
     * in its own "Time" column, often without a year ("January 10"): that orders several downloads.
     */
    private static void takenFromRow(VideoFrameBuilder builder, String[] row, int timeColumn, java.time.Instant anchor) {
        if (timeColumn < 0 || timeColumn >= row.length) {
            return;
        }
        java.time.Instant taken;
        try {
            taken = Values.instant(row[timeColumn]);
        } catch (BadValueException e) {
            StudioDates.Parsed p = anchor == null ? null : StudioDates.parse(row[timeColumn]);
            taken = p == null ? null : StudioDates.latestNotAfter(p, anchor).atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC);
        }
        if (taken != null) {
            builder.takenAt(taken);
        }
    }

    private static void fill(String[] raw, String[] row, int[] column) {
        for (int f = 0; f < column.length; f++) {
            raw[f] = column[f] >= 0 && column[f] < row.length ? row[column[f]] : null;
        }
    }

    /** The columns of the first rows not matched to a field, and whether each held only counts. */
    private static final class CountProbe {
        private static final int SAMPLE = 20;
        private final boolean[] ok;
        private final boolean[] seen;
        private int rows;

        CountProbe(int width, Map<String, Integer> match) {
            ok = new boolean[width];
            seen = new boolean[width];
            Arrays.fill(ok, true);
            match.values().forEach(c -> ok[c] = false);
        }

        void look(String[] row) {
            if (rows++ >= SAMPLE) {
                return;
            }
            for (int c = 0; c < Math.min(ok.length, row.length); c++) {
                if (ok[c]) {
                    try {
                        seen[c] |= Values.count(row[c]).isPresent();
                    } catch (BadValueException e) {
                        ok[c] = false;
                    }
                }
            }
        }

        List<Integer> countColumns() {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < ok.length; c++) {
                if (ok[c] && seen[c]) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    /** What to add to the command line when a file of videos loaded without saves, or null when nothing fits. */
    private static String savesHint(List<String> header, Map<String, Integer> match, CountProbe probe) {
        List<String> saves = Fields.savesLike(header, match.values());
        if (!saves.isEmpty()) {
            return "No saves column was recognised; if \"" + saves.get(0) + "\" holds saves, run again with "
                    + Fields.mapOption(Canonical.SAVES, saves.get(0)) + ".";
        }
        List<String> counts = probe.countColumns().stream().map(header::get).toList();
        if (counts.isEmpty()) {
            return null;
        }
        return "No saves column was recognised; if one of the count columns " + String.join(", ",
                counts.stream().map(h -> "\"" + h + "\"").toList()) + " holds saves, run again with "
                + Fields.mapOption(Canonical.SAVES, counts.get(0)) + " (naming that column).";
    }

    static List<String> builderWarnings(VideoFrameBuilder builder, boolean anchorFromMtime) {
        List<String> warnings = new ArrayList<>();
        String ids = builder.idWarning();
        if (ids != null) {
            warnings.add(ids);
        }
        warnings.addAll(builder.postingTimeWarnings());
        if (builder.scrapeTimesUnread() > 0) {
            warnings.add(builder.scrapeTimesUnread() + " rows have no readable scrape time; they count as "
                    + "taken when the file was.");
        }
        if (builder.yearlessPostTimes() > 0) {
            warnings.add(yearlessWarning(builder.yearlessPostTimes(), anchorFromMtime));
        }
        return warnings;
    }

    static String yearlessWarning(long n, boolean anchorFromMtime) {
        return n + " posting dates had no year; it was taken from the " + (anchorFromMtime
                ? "file's modification time (no export time was found), so check it" : "export time") + ".";
    }

    /** The export format, in words, told from characteristic headers. */
    static String formatName(List<String> header, List<String> assumed) {
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
        if (assumed.stream().anyMatch(a -> a.endsWith("(--map)")) || assumed.isEmpty()) {
            return "CSV with mapped columns";
        }
        return "CSV with its own headers (recognised)";
    }
}
