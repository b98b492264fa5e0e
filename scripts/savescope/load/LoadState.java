package savescope.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;

/** What the readers of one run have gathered so far; the loader turns it into a {@code Dataset}. */
final class LoadState {
    final Loader.Options options;
    /** The latest export time named by a Studio ZIP among the inputs, or null. */
    final Instant zipExportTime;
    final List<VideoFrameBuilder> videos = new ArrayList<>();
    final List<VideoFrameBuilder> content = new ArrayList<>();
    final List<ChannelTables.Pending> channels = new ArrayList<>();
    /** The --map headers (normalized) that some input has, so that a header no input has can be named. */
    final java.util.Set<String> mappedHeadersSeen = new java.util.HashSet<>();
    /**
     * The load's own --map, for a file read with a mapping of its own: its headers count as seen when the file has
     * them, so a header the file has is never reported missing because the file reads another for its field.
     */
    java.util.Map<String, String> loadMap = java.util.Map.of();
    Table daily = Canonical.emptyDaily("daily");
    Table comments = Canonical.emptyComments("comments");
    final List<SourceReport> sources = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** What was assumed across files (for example which snapshot is the newer), for the data-quality section. */
    final List<String> assumptions = new ArrayList<>();

    LoadState(Loader.Options options, Instant zipExportTime) {
        this.options = options;
        this.zipExportTime = zipExportTime;
    }

    /** Notes which --map headers (this file's own and the load's) are among {@code headers}. */
    void sawHeaders(List<String> headers) {
        mappedHeadersSeen.addAll(Fields.mappedHeaders(headers, options.columnMap()));
        mappedHeadersSeen.addAll(Fields.mappedHeaders(headers, loadMap));
    }

    /** Adds what {@code later} gathered from the files after this state's, as if read into this one. */
    void join(LoadState later) {
        videos.addAll(later.videos);
        content.addAll(later.content);
        channels.addAll(later.channels);
        mappedHeadersSeen.addAll(later.mappedHeadersSeen);
        sources.addAll(later.sources);
        warnings.addAll(later.warnings);
        assumptions.addAll(later.assumptions);
        daily = joined(daily, later.daily);
        comments = joined(comments, later.comments);
    }

    /** {@code first} with the rows of {@code then} after its own; an empty table is replaced, not copied into. */
    private static Table joined(Table first, Table then) {
        if (then.rowCount() == 0) {
            return first;
        }
        if (first.rowCount() == 0) {
            then.setName(first.name());
            return then;
        }
        return first.append(then);
    }

    /**
     * Where one file came from: its name for messages, the export time of the ZIP it was in, a time named
     * by the file itself ({@code videos_2026-10-23.csv}, or by the ZIP it was in) and its modification time.
     */
    record FileContext(String name, Instant zipTime, Instant namedTime, Instant modified) {
        /** When this file's counts were taken, as best known. */
        Instant takenAt(Instant runExportTime) {
            if (zipTime != null) {
                return zipTime;
            }
            if (namedTime != null) {
                return namedTime;
            }
            return runExportTime != null ? runExportTime : modified;
        }

        /** Where {@link #takenAt} found its time. */
        SnapshotOrder.Basis takenBasis(Instant runExportTime) {
            if (zipTime != null) {
                return SnapshotOrder.Basis.ZIP_NAME;
            }
            if (namedTime != null) {
                return SnapshotOrder.Basis.FILE_NAME;
            }
            return runExportTime != null ? SnapshotOrder.Basis.STUDIO_EXPORT : SnapshotOrder.Basis.MODIFIED;
        }
    }
}
