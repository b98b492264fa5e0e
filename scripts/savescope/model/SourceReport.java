package savescope.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one input file gave: its detected format, rows read, used and rejected, and the metrics it lacks.
 *
 * @param file the file as the user named it
 * @param format the detected format, in words ("TikTok Studio per-video export")
 * @param rowsRead data rows read (header excluded)
 * @param rowsUsed rows that became data
 * @param rejections the rows not used, with their places and reasons: every one, or the first
 *     1,000 when there are more
 * @param missingMetrics canonical metrics the source does not carry at all
 * @param warnings things the user should know that did not reject rows
 * @param kind what the rows are: {@link #VIDEOS}, {@link #DAILY}, {@link #CHANNEL} or {@link #COMMENTS}
 * @param fieldGaps fields left missing in kept rows because their values could not be read, per field
 * @param assumptions what the reader assumed where the file left a choice open (a date order, which column
 *     holds the posting time, where an id was recovered from), in words for the data-quality section
 * @param rejectionsNotListed rejected rows counted but not in {@code rejections} (beyond the listed ones)
 * @param rejectionReasons every rejection's reason with how many rows it rejected, listed or not
 */
public record SourceReport(
        String file,
        String format,
        long rowsRead,
        long rowsUsed,
        List<Rejection> rejections,
        List<String> missingMetrics,
        List<String> warnings,
        String kind,
        List<FieldGap> fieldGaps,
        List<String> assumptions,
        long rejectionsNotListed,
        Map<String, Long> rejectionReasons) {
    public static final String VIDEOS = "videos";
    public static final String DAILY = "daily";
    public static final String CHANNEL = "channel";
    public static final String COMMENTS = "comments";

    public SourceReport {
        rejections = List.copyOf(rejections);
        missingMetrics = List.copyOf(missingMetrics);
        warnings = List.copyOf(warnings);
        fieldGaps = List.copyOf(fieldGaps);
        assumptions = List.copyOf(assumptions);
        rejectionReasons = Map.copyOf(rejectionReasons);
    }

    /** A source whose rejections are all listed. */
    public SourceReport(String file, String format, long rowsRead, long rowsUsed, List<Rejection> rejections,
            List<String> missingMetrics, List<String> warnings, String kind, List<FieldGap> fieldGaps,
            List<String> assumptions) {
        this(file, format, rowsRead, rowsUsed, rejections, missingMetrics, warnings, kind, fieldGaps, assumptions, 0,
                rejections.stream().collect(Collectors.groupingBy(Rejection::reason, Collectors.counting())));
    }

    /** A source with no fields left missing and nothing assumed. */
    public SourceReport(String file, String format, long rowsRead, long rowsUsed, List<Rejection> rejections,
            List<String> missingMetrics, List<String> warnings, String kind) {
        this(file, format, rowsRead, rowsUsed, rejections, missingMetrics, warnings, kind, List.of(), List.of());
    }

    /** A per-video source. */
    public SourceReport(String file, String format, long rowsRead, long rowsUsed, List<Rejection> rejections,
            List<String> missingMetrics, List<String> warnings) {
        this(file, format, rowsRead, rowsUsed, rejections, missingMetrics, warnings, VIDEOS);
    }

    public long rowsRejected() {
        return rowsRead - rowsUsed;
    }
}
